// Deletes an entity (the caller checked it has no relations); its last state stays in the change record.
MATCH (n:Entity {id: $id})
CREATE (c:Change {id: $changeId, target: $id, action: 'DELETE', at: datetime(), by: $by,
                  before: $before, after: null, fromVersion: n.version})
DETACH DELETE n
RETURN $id AS id
