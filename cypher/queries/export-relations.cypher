MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONS'
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
ORDER BY r.id
