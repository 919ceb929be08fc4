UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (e:Entity {id: m.entity})
CREATE (a)-[:MENTIONS]->(e)
RETURN count(*) AS created
