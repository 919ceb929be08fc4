MATCH (r:RestoreInProgress)
RETURN r.file AS file, toString(r.startedAt) AS startedAt
LIMIT 1
