MATCH (a:Article)-[:MENTIONS]->(e:Entity)
RETURN a.id AS article, e.id AS entity
ORDER BY article, entity
