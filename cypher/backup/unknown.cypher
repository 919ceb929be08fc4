// Nodes and relationships a backup would not keep because it does not know them: it refuses rather than lose them.
// Known: entities (with their kind's label) and the relations among them, accounts, API tokens and sessions
// with their OF link to the account, recorded changes, intakes, migrations, the benchmark's bulk-load markers.
CALL () {
  MATCH (n)
  WHERE NOT (n:Entity OR n:User OR n:ApiToken OR n:Session OR n:Change OR n:Intake OR n:Migration OR n:BulkLoad)
     OR size(labels(n)) <> CASE WHEN n:Entity THEN 2 ELSE 1 END
  RETURN 'nodes ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS what, count(*) AS count
  UNION ALL
  MATCH (a)-[r]->(b)
  WHERE NOT (a:Entity AND b:Entity)
    AND NOT ((a:ApiToken OR a:Session) AND b:User AND type(r) = 'OF')
  RETURN 'relationships ' + type(r) + ' from ' + coalesce(head(labels(a)), '?') + ' to ' + coalesce(head(labels(b)), '?') AS what, count(*) AS count
}
RETURN what, count
ORDER BY what
