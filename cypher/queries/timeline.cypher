// Events in date order (earliest possible day, then id), optionally only those
// touching one entity, in a region (or a region inside it), of some types, or
// within [$from, $to] (an event counts if its possible dates overlap them).
// An event's possible dates span a year at most, so one that overlaps them
// starts at most a year before $from: with that bound, the window is one
// range seek on the event_date index. Only the page's events are read whole.
MATCH (e:Event)
WHERE e.dateStart <= coalesce($to, '9999-12-31')
  AND e.dateStart >= coalesce(toString(date($from) - duration({years: 1})), '0000-01-01')
  AND ($from IS NULL OR e.dateEnd >= $from)
  AND ($eventTypes IS NULL OR e.eventType IN $eventTypes)
  AND ($entityId IS NULL OR EXISTS { MATCH (e)-[r]-(:Entity {id: $entityId}) WHERE type(r) <> 'MENTIONS' })
  AND ($regionId IS NULL OR EXISTS { MATCH (e)-[:TOOK_PLACE_IN]->(:Region)-[:PART_OF*0..4]->(:Region {id: $regionId}) })
WITH e
ORDER BY e.dateStart, e.id
WITH collect(e) AS events
RETURN size(events) AS total, [e IN events[$skip..$skip + $limit] | e {.*}] AS page
