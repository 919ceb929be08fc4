// One page of each entity's relations, in a stable order, with the totals;
// batched over $ids so a list of entities costs one round trip.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(:Entity)
  WHERE type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'BOTH'
      OR ($direction = 'OUT' AND startNode(r) = e)
      OR ($direction = 'IN' AND endNode(r) = e))
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
  WITH DISTINCT r
  ORDER BY type(r), r.id
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS relations
}
RETURN id, size(relations) AS total, relations[$skip..$skip + $limit] AS page
