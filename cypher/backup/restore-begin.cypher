// Marks a restore under way (taking over the marker of an unfinished one, so there is never a moment without):
// until it finishes, the database counts as not empty and says why, and servers answer 503 instead of serving a
// database that holds part of a backup or nothing. $saved is where the content before a --replace was saved.
MERGE (r:RestoreInProgress)
SET r.file = $file, r.saved = $saved, r.startedAt = datetime()
RETURN toString(r.startedAt) AS startedAt
