// What a backup leaves out on purpose: logins (everyone logs in again), idempotency keys (they guard retries
// for hours, not a restore) and the benchmark's bulk-load markers.
CALL () { MATCH (s:Session) RETURN count(s) AS sessions }
CALL () { MATCH (k:IdempotencyKey) RETURN count(k) AS idempotencyKeys }
CALL () { MATCH (b:BulkLoad) RETURN count(b) AS bulkLoads }
RETURN sessions, idempotencyKeys, bulkLoads
