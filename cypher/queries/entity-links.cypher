// The mentions of an entity both ways: the articles that mention it, and (an article) what it mentions.
MATCH (e:Entity {id: $id})
RETURN COLLECT { MATCH (a:Article)-[:MENTIONS]->(e) RETURN a.id ORDER BY a.id } AS mentionedIn,
       COLLECT { MATCH (e)-[:MENTIONS]->(x:Entity) RETURN x.id ORDER BY x.id } AS mentions
