// Events in date order (earliest possible day, then id), optionally only those
// touching one entity, in a region (or a region inside it), of some types, or
// within [$from, $to] (an event counts if its possible dates overlap them).
MATCH (e:Event)
WHERE ($from IS NULL OR e.dateEnd >= $from)
  AND ($to IS NULL OR e.dateStart <= $to)
  AND ($eventTypes IS NULL OR e.eventType IN $eventTypes)
  AND ($entityId IS NULL OR EXISTS { MATCH (e)-[r]-(:Entity {id: $entityId}) WHERE type(r) <> 'MENTIONS' })
  AND ($regionId IS NULL OR EXISTS { MATCH (e)-[:TOOK_PLACE_IN]->(:Region)-[:PART_OF*0..4]->(:Region {id: $regionId}) })
WITH e
ORDER BY e.dateStart, e.id
WITH collect(e {.*}) AS events
RETURN size(events) AS total, events[$skip..$skip + $limit] AS page
