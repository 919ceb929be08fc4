// How many facts of each type each entity has, in both directions, by type.
// With $asOf only those valid on that day, by the rule of relations-of-entities.
// Batched over $ids so a list of entities costs one round trip.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r]-(:Entity)
  WHERE type(r) <> 'MENTIONS'
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
  WITH type(r) AS type, count(DISTINCT r) AS n
  ORDER BY type
  RETURN collect({type: type, count: n}) AS counts
}
RETURN id, counts
