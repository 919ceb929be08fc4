// Ranked full-text search over folded names and aliases. A name or alias that
// equals the whole query comes first (OZG finds the Onlinezugangsgesetz before
// the OZG-Änderungsgesetz); then Lucene's score; ties by name.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE ($kinds IS NULL OR node.kind IN $kinds) AND ($orgTypes IS NULL OR node.orgType IN $orgTypes)
WITH node, score + CASE WHEN node.searchName = $exact OR $exact IN split(node.searchAliases, ' | ') THEN 100.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.name, node.id
// Every hit counts towards the total, but only the page's entities are read whole.
WITH collect({node: node, score: score}) AS hits
RETURN size(hits) AS total, [hit IN hits[$skip..$skip + $limit] | {entity: properties(hit.node), score: hit.score}] AS page
