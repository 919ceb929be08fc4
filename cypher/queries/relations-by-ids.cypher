MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IN $ids
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
