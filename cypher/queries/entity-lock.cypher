// Reads an entity for an edit after taking its write lock (held to the end of the transaction),
// so of two edits based on the same version exactly one wins: no lost update.
MATCH (n:Entity {id: $id})
SET n._lock = true
REMOVE n._lock
RETURN n {.*} AS entity
