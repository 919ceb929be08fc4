// What cites an article: facts (through the entities it mentions, as every cited article
// mentions both ends) and entities with figures from it.
MATCH (a:Article {id: $id})
RETURN COLLECT {
         MATCH (a)-[:MENTIONS]->(:Entity)-[r]-(:Entity)
         WHERE $id IN r.citeArticles
         RETURN DISTINCT r.id ORDER BY r.id
       } AS relations,
       COLLECT {
         MATCH (a)-[:MENTIONS]->(e:Entity)
         WHERE e.figures CONTAINS $id
         RETURN e.id ORDER BY e.id
       } AS figured
