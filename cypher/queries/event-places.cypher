UNWIND $ids AS id
OPTIONAL MATCH (:Event {id: id})-[:TOOK_PLACE_IN]->(place:Entity)
WITH id, place
ORDER BY place.name
RETURN id, collect(place {.*}) AS places
