// The shortest connections between two entities (up to 6 hops; the API caps
// $maxLength lower), each as the ids along the way, with the entities and
// relations they pass. Facts not valid on $asOf do not count.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) <> 'MENTIONS'
    AND ($types IS NULL OR type(r) IN $types)
    AND ($asOf IS NULL OR ((r.validFromStart IS NULL OR r.validFromStart <= $asOf)
      AND (r.validToEnd IS NULL OR r.validToEnd >= $asOf))))
  AND all(m IN nodes(p) WHERE $asOf IS NULL OR m.dateStart IS NULL OR m.dateStart <= $asOf)
// The length cap is checked after the search: inside its WHERE it would make
// Neo4j plan an exhaustive fallback search for when no path is found.
WITH p
WHERE length(p) <= $maxLength
ORDER BY [n IN nodes(p) | n.name]
LIMIT $maxPaths
WITH collect(p) AS found
CALL (found) {
  UNWIND found AS p
  UNWIND nodes(p) AS n
  RETURN collect(DISTINCT n {.*}) AS nodes
}
CALL (found) {
  UNWIND found AS p
  UNWIND relationships(p) AS r
  RETURN collect(DISTINCT r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS edges
}
RETURN [p IN found | {nodes: [n IN nodes(p) | n.id], edges: [r IN relationships(p) | r.id]}] AS paths, nodes, edges
