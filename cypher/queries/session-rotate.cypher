// Replaces a session's id by a new one for the rest of the same login. The old id stays valid for the
// grace period (requests the page sent at the same time carry it) and points to its successor, so a
// logout with either ends both. The lock comes first and the check after it: of two requests replacing
// the same id at once, the second finds it replaced and keeps using it.
MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
SET s._lock = true
REMOVE s._lock
WITH s, u
WHERE s.supersededAt IS NULL
SET s.supersededAt = datetime()
CREATE (s)-[:REPLACED_BY]->(n:Session {tokenHash: $newTokenHash, createdAt: s.createdAt, issuedAt: datetime(),
                                       lastSeenAt: datetime(), expiresAt: s.expiresAt})-[:OF]->(u)
RETURN toString(n.expiresAt) AS expiresAt
