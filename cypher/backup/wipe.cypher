// Removes up to $limit nodes (with their relationships) other than the migration records, and other than
// the marker of a restore under way when $keepMarker is set; run until none is left.
MATCH (n)
WHERE NOT n:Migration AND NOT (n:RestoreInProgress AND $keepMarker)
WITH n
LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
