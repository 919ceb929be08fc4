// What a backup leaves out on purpose: logins (everyone logs in again) and the benchmark's bulk-load markers.
CALL () { MATCH (s:Session) RETURN count(s) AS sessions }
CALL () { MATCH (b:BulkLoad) RETURN count(b) AS bulkLoads }
RETURN sessions, bulkLoads
