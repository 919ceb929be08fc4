// Nodes and relationships a backup would not keep because it does not know them: it refuses rather than lose them.
// Known: entities (with their kind's label) and the relations among them, accounts, API tokens and sessions
// with their OF link to the account (a rotated session REPLACED_BY its successor), recorded changes, intakes,
// migrations, idempotency keys, the benchmark's bulk-load markers.
// Only relationships at nodes other than entities are looked at, so a big graph's relations are not scanned.
CALL () {
  MATCH (n)
  WHERE NOT (n:Entity OR n:User OR n:ApiToken OR n:Session OR n:Change OR n:Intake OR n:Migration OR n:IdempotencyKey
         OR n:BulkLoad)
     OR size(labels(n)) <> CASE WHEN n:Entity THEN 2 ELSE 1 END
  RETURN 'nodes ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS what, count(*) AS count
  UNION ALL
  MATCH (n)-[r]-(m)
  WHERE NOT n:Entity
    AND NOT (type(r) = 'OF' AND (
      (n:ApiToken OR n:Session) AND m:User AND startNode(r) = n OR
      n:User AND (m:ApiToken OR m:Session) AND endNode(r) = n))
    AND NOT (type(r) = 'REPLACED_BY' AND n:Session AND m:Session)
  RETURN 'relationships ' + type(r) + ' from ' + coalesce(head(labels(startNode(r))), '?') +
         ' to ' + coalesce(head(labels(endNode(r))), '?') AS what, count(DISTINCT r) AS count
}
RETURN what, count
ORDER BY what
