// The canvas query, one round trip: the start entities, their neighbours up
// to $depth hops (nearest first, at most $limit of them), every relation among
// the entities returned, and per entity how many neighbours were left out.
// With $asOf (YYYY-MM-DD) only facts valid on that day count, and events
// after it are not there yet. Hops beyond 3 are refused by the API.
//
// Breadth first, one hop at a time from the entities first reached at the
// hop before, so every entity is expanded once (not once per path through
// it, which explodes around hubs); a hop is skipped once more than $limit
// entities are reached, as the nearer ones fill the canvas anyway.
MATCH (s:Entity)
WHERE s.id IN $ids
WITH collect(s) AS starts
CALL (starts) {
  UNWIND starts AS s
  MATCH (s)-[r]-(n:Entity)
  WHERE NOT n IN starts AND type(r) <> 'MENTIONS'
    AND ($asOf IS NULL OR s.dateStart IS NULL OR s.dateStart <= $asOf)
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($asOf IS NULL OR n.dateStart IS NULL OR n.dateStart <= $asOf)
  RETURN collect(DISTINCT n) AS hop1
}
CALL (starts, hop1) {
  UNWIND CASE WHEN $depth >= 2 AND size(hop1) <= $limit THEN hop1 ELSE [] END AS m
  MATCH (m)-[r]-(n:Entity)
  WHERE NOT n IN starts AND NOT n IN hop1 AND type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($asOf IS NULL OR n.dateStart IS NULL OR n.dateStart <= $asOf)
  RETURN collect(DISTINCT n) AS hop2
}
CALL (starts, hop1, hop2) {
  UNWIND CASE WHEN $depth >= 3 AND size(hop1) + size(hop2) <= $limit THEN hop2 ELSE [] END AS m
  MATCH (m)-[r]-(n:Entity)
  WHERE NOT n IN starts AND NOT n IN hop1 AND NOT n IN hop2 AND type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
    AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($asOf IS NULL OR n.dateStart IS NULL OR n.dateStart <= $asOf)
  RETURN collect(DISTINCT n) AS hop3
}
CALL (hop1, hop2, hop3) {
  UNWIND [n IN hop1 | [n, 1]] + [n IN hop2 | [n, 2]] + [n IN hop3 | [n, 3]] AS reached
  WITH reached[0] AS n, reached[1] AS distance
  ORDER BY distance, n.name, n.id
  LIMIT $limit
  RETURN collect(n) AS nearest
}
WITH starts + nearest AS picked, size(hop1) + size(hop2) + size(hop3) > $limit AS truncated
CALL (picked) {
  UNWIND picked AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN picked AND type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf)))
  // Citations are left out (the canvas needs none); they are loaded by id when asked for. With
  // $edgeKeys, only those properties, as a list after type and ends: nothing the query does not ask for.
  RETURN collect(CASE WHEN $edgeKeys IS NULL
    THEN r {.*, citeArticles: null, citeQuotes: null, citeNotes: null, withoutCitations: true,
      type: type(r), from: a.id, to: b.id}
    ELSE [type(r), a.id, b.id] + [k IN $edgeKeys | r[k]] END) AS edges
}
// Per entity, how many of its neighbours were left out (each counted once, however many facts lead to it),
// with the same filters as the hops.
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
    RETURN DISTINCT m
  } AS hidden
  WHERE hidden > 0
  RETURN collect({id: a.id, count: hidden}) AS hidden
}
// With $nodeKeys, each entity is the list of those properties' values: only what the query asks for.
RETURN CASE WHEN $nodeKeys IS NULL THEN [n IN picked | n {.*}] ELSE [n IN picked | [k IN $nodeKeys | n[k]]] END AS nodes,
  edges, truncated, hidden
