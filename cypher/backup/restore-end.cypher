MATCH (r:RestoreInProgress)
DELETE r
RETURN count(*) AS ended
