// Every fact of an entity (both directions), with type and ends: what a merge moves.
MATCH (e:Entity {id: $id})-[r]-(:Entity)
WHERE type(r) <> 'MENTIONS'
WITH DISTINCT r
RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS relation
ORDER BY r.id
