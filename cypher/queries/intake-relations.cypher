// The facts the article intake knows (server/services/intake/dictionary.ts): type and ends of every fact, so a fact
// an article states again is offered as a further source of the one in the graph, not as a second one.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS' AND r.id IS NOT NULL
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to
ORDER BY r.id
