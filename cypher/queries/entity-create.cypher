// A new entity and the record of its creation, in one transaction.
CREATE (n:Entity {id: $id})
SET n += $props, n:$($label), n.version = 1, n.recordedAt = datetime(), n.recordedBy = $by
CREATE (c:Change {id: $changeId, target: $id, action: 'CREATE', at: datetime(), by: $by, before: null, after: $after})
RETURN n {.*} AS entity
