// A new entity (the editing transaction records the change).
CREATE (n:Entity {id: $id})
SET n += $props, n:$($label), n.version = $version, n.recordedAt = datetime(), n.recordedBy = $by
RETURN n {.*} AS entity
