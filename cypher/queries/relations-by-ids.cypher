// Relations by id, whatever their type: an index seek per type (each type's
// unique constraint indexes its ids) instead of a scan of all relationships.
CALL () {
  // {{each relation type}}
  MATCH (a:Entity)-[r:{{TYPE}}]->(b:Entity)
  WHERE r.id IN $ids
  RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
  // {{end}}
}
RETURN relation
