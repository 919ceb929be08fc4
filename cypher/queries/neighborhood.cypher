// The canvas query, one round trip: the start entities, their neighbours up
// to $depth hops (nearest first, at most $limit of them), every relation among
// the entities returned, and per entity how many neighbours were left out.
// With $asOf (YYYY-MM-DD) only facts valid on that day count, and events
// after it are not there yet. Hops beyond 3 are refused by the API.
MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS starts
CALL (starts) {
  UNWIND starts AS s
  MATCH p = (s)-[rs*1..3]-(n:Entity)
  WHERE length(p) <= $depth
    AND NOT n IN starts
    AND all(r IN rs WHERE type(r) <> 'MENTIONS'
      AND ($types IS NULL OR type(r) IN $types)
      AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
        AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf))))
    AND all(m IN nodes(p) WHERE (m IN starts OR $kinds IS NULL OR m.kind IN $kinds)
      AND ($asOf IS NULL OR m.dateStart IS NULL OR m.dateStart <= $asOf))
  WITH n, min(length(p)) AS distance
  ORDER BY distance, n.name, n.id
  RETURN collect(n) AS reached
}
WITH starts + reached[0..$limit] AS picked, size(reached) > $limit AS truncated
CALL (picked) {
  UNWIND picked AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN picked AND type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS edges
}
CALL (picked) {
  UNWIND picked AS a
  WITH a, COUNT {
    MATCH (a)-[r]-(m:Entity)
    WHERE NOT m IN picked AND type(r) <> 'MENTIONS'
      AND ($types IS NULL OR type(r) IN $types)
      AND ($kinds IS NULL OR m.kind IN $kinds)
      AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
        AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf))
        AND (m.dateStart IS NULL OR m.dateStart <= $asOf))
  } AS hidden
  WHERE hidden > 0
  RETURN collect({id: a.id, count: hidden}) AS hidden
}
RETURN [n IN picked | n {.*}] AS nodes, edges, truncated, hidden
