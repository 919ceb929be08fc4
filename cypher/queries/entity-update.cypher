// Writes an entity's new state and the record of the change, in the editing transaction.
MATCH (n:Entity {id: $id})
SET n = $props, n.version = $version, n.recordedAt = datetime(), n.recordedBy = $by
CREATE (c:Change {id: $changeId, target: $id, action: $action, at: datetime(), by: $by,
                  before: $before, after: $after, fromVersion: $version - 1})
RETURN n {.*} AS entity
