// Replaces a session's id by a new one for the rest of the same login. The old id stays valid for the
// grace period (requests the page sent at the same time carry it) and points to its successor, so a
// logout with either ends both. The lock comes first and the check after it: of two requests replacing
// the same id at once, the second finds it replaced and keeps using it. An old id still used
// $reissueSeconds after its last replacement was handed out means the browser never got that one (its
// request was cancelled, its answer lost): it gets another, within the same grace period.
MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
SET s._lock = true
REMOVE s._lock
WITH s, u
WHERE s.supersededAt IS NULL OR coalesce(s.reissuedAt, s.supersededAt) <= datetime() - duration({seconds: $reissueSeconds})
SET s.supersededAt = coalesce(s.supersededAt, datetime()), s.reissuedAt = datetime()
CREATE (s)-[:REPLACED_BY]->(n:Session {tokenHash: $newTokenHash, createdAt: s.createdAt, issuedAt: datetime(),
                                       lastSeenAt: datetime(), expiresAt: s.expiresAt})-[:OF]->(u)
RETURN toString(n.expiresAt) AS expiresAt
