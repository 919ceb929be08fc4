// Where each entity belongs, for showing beside it: at most one region, by
// its kind's rule, the lowest rank first, then by name and id. A region: the
// region it is part of. An organisation or initiative: its seat, else the
// region it is part of, else one it is responsible for. An event: its place.
// A person: the region they hold office at, else the region of an
// organisation they hold office at, else of one they are a member of (by the
// organisation's rule). Laws and articles have none. Validity does not count
// (the current graph). Batched over $ids; entities without one return no row.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e:Region)-[:PART_OF]->(r:Region)
  RETURN r, 0 AS rank
  UNION
  MATCH (e)-[x:LOCATED_IN|PART_OF|RESPONSIBLE_FOR]->(r:Region)
  WHERE e:Organization OR e:Initiative
  RETURN r, CASE type(x) WHEN 'LOCATED_IN' THEN 1 WHEN 'PART_OF' THEN 2 ELSE 3 END AS rank
  UNION
  MATCH (e:Event)-[:TOOK_PLACE_IN]->(r:Region)
  RETURN r, 0 AS rank
  UNION
  MATCH (e:Person)-[:HOLDS_OFFICE_AT]->(r:Region)
  RETURN r, 0 AS rank
  UNION
  MATCH (e:Person)-[x:HOLDS_OFFICE_AT|MEMBER_OF]->(:Organization)-[y:LOCATED_IN|PART_OF|RESPONSIBLE_FOR]->(r:Region)
  RETURN r,
    CASE type(x) WHEN 'HOLDS_OFFICE_AT' THEN 10 ELSE 20 END
      + CASE type(y) WHEN 'LOCATED_IN' THEN 1 WHEN 'PART_OF' THEN 2 ELSE 3 END AS rank
}
WITH id, r, rank
ORDER BY rank, r.name, r.id
WITH id, collect(r)[0] AS region
RETURN id, region {.*} AS region
