// A relation's new state (the editing transaction locked it and checked its version).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id = $id
SET r = $props, r.version = $version, r.recordedAt = datetime(), r.recordedBy = $by
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
