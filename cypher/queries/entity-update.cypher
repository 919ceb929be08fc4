// An entity's new state (the editing transaction locked it, checked its version and records the change).
MATCH (n:Entity {id: $id})
SET n = $props, n.version = $version, n.recordedAt = datetime(), n.recordedBy = $by
RETURN n {.*} AS entity
