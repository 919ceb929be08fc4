// Takes back mentions a merge added, once its revert has moved the facts back: only those that no
// fact (by its citations) or figure of the entity still needs.
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})-[x:MENTIONS]->(e:Entity {id: m.entity})
WHERE NOT EXISTS { MATCH (e)-[r]-(:Entity) WHERE type(r) <> 'MENTIONS' AND m.article IN r.citeArticles }
  AND NOT coalesce(e.figures, '') CONTAINS m.article
DELETE x
RETURN count(x) AS pruned
