// The canvas query, one round trip: the start entities, their neighbours up
// to $depth hops (nearest first, at most $limit of them), and every relation
// among the entities returned. Hops beyond 3 are refused by the API.
MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS starts
CALL (starts) {
  UNWIND starts AS s
  MATCH p = (s)-[rs*1..3]-(n:Entity)
  WHERE length(p) <= $depth
    AND NOT n IN starts
    AND all(r IN rs WHERE type(r) <> 'MENTIONS' AND ($types IS NULL OR type(r) IN $types))
    AND all(m IN nodes(p) WHERE m IN starts OR $kinds IS NULL OR m.kind IN $kinds)
  WITH n, min(length(p)) AS distance
  ORDER BY distance, n.name, n.id
  RETURN collect(n) AS reached
}
WITH starts + reached[0..$limit] AS picked, size(reached) > $limit AS truncated
CALL (picked) {
  UNWIND picked AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN picked AND type(r) <> 'MENTIONS' AND ($types IS NULL OR type(r) IN $types)
  RETURN collect(r {.*, type: type(r), from: a.id, to: b.id}) AS edges
}
RETURN [n IN picked | n {.*}] AS nodes, edges, truncated
