// A logout ends the session and the ids it replaced or was replaced by.
MATCH (s:Session {tokenHash: $tokenHash})
OPTIONAL MATCH (s)-[:REPLACED_BY*0..20]-(linked:Session)
WITH collect(DISTINCT linked) AS ended
FOREACH (session IN ended | DETACH DELETE session)
RETURN size(ended) AS deleted
