// Ranked full-text search over folded names and aliases; ties by name.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score
ORDER BY score DESC, node.name, node.id
WITH collect({entity: node {.*}, score: score}) AS hits
RETURN size(hits) AS total, hits[$skip..$skip + $limit] AS page
