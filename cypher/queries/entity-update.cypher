// An entity's new state (the editing transaction locked it, checked its version and records the
// change). $props holds only the properties that change, null for those that go: unchanged ones,
// such as the folded name the search index holds, are not written again.
MATCH (n:Entity {id: $id})
SET n += $props, n.version = $version, n.recordedAt = datetime(), n.recordedBy = $by
RETURN n {.*} AS entity
