// Marks a restore under way: until it finishes, the database counts as not empty and says why.
CREATE (r:RestoreInProgress {file: $file, startedAt: datetime()})
RETURN toString(r.startedAt) AS startedAt
