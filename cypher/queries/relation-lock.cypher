// Reads a relation for an edit after taking its write lock (held to the end of the transaction),
// with its type and ends, so of two edits based on the same version exactly one wins.
// Found by an index seek per relation type rather than a scan.
CALL () {
  // {{each relation type}}
  MATCH ()-[r:{{TYPE}}]->()
  WHERE r.id = $id
  RETURN r
  // {{end}}
}
MATCH (a:Entity)-[r]->(b:Entity)
SET r._lock = true
REMOVE r._lock
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
