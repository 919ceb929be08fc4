MATCH (r:RestoreInProgress)
RETURN r.file AS file, r.saved AS saved, toString(r.startedAt) AS startedAt
LIMIT 1
