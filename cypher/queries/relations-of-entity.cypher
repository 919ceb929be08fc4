// One page of an entity's relations, in a stable order, with the total.
MATCH (e:Entity {id: $id})-[r]-(:Entity)
WHERE type(r) <> 'MENTIONS'
  AND ($types IS NULL OR type(r) IN $types)
  AND ($direction = 'BOTH'
    OR ($direction = 'OUT' AND startNode(r) = e)
    OR ($direction = 'IN' AND endNode(r) = e))
WITH DISTINCT r
ORDER BY type(r), r.id
WITH collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS relations
RETURN size(relations) AS total, relations[$skip..$skip + $limit] AS page
