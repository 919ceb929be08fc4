// The account of a login that is still alive under this id or any id that replaced it (a live-update stream
// keeps the id it was opened with while the explorer's cookie moves on); nothing when the login ended.
MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
OPTIONAL MATCH (s)-[:REPLACED_BY*1..]->(later:Session)
WITH s, u, collect(later) AS laters
UNWIND laters + [s] AS c
WITH u, c, datetime() AS now
WHERE c.expiresAt > now AND coalesce(c.lastSeenAt, c.createdAt) > now - duration({seconds: $idleSeconds})
RETURN u {.id, .email, .role} AS user
LIMIT 1
