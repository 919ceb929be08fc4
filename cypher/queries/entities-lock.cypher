// Locks entities an edit relies on without changing them (ends of a relation, cited articles),
// so none can be deleted before the edit commits. $ids come sorted, so edits lock in one order.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, n.kind AS kind
