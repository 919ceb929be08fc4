// Relation ids of every type that start with $prefix: whether an id is free, and the next free number.
// A range seek per relation type on the ids its unique constraint indexes.
CALL () {
  // {{each relation type}}
  MATCH ()-[r:{{TYPE}}]->()
  WHERE r.id STARTS WITH $prefix
  RETURN r.id AS id
  // {{end}}
}
RETURN id
