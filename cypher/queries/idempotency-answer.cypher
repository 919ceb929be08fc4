// Keeps a request's answer for its retries, and drops a few keys whose time is up.
MATCH (k:IdempotencyKey {key: $key})
SET k.response = $response
WITH count(*) AS kept
OPTIONAL MATCH (old:IdempotencyKey)
WHERE old.expiresAt <= datetime()
WITH kept, old LIMIT 100
DETACH DELETE old
RETURN kept
