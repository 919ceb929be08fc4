// One page of each entity's relations, in a stable order, with the totals;
// batched over $ids so a list of entities costs one round trip. Only the
// page's relations are read whole; a hub's others are only counted and sorted.
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
  RETURN count(DISTINCT r) AS total
}
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
  SKIP $skip
  LIMIT $limit
  RETURN collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS page
}
RETURN id, total, page
