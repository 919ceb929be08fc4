// The account of a session that has neither expired, nor been idle too long, nor been replaced by a new
// id longer ago than the grace period; with how old its id is and how long it has been idle, in seconds.
MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
WITH s, u, datetime() AS now
WHERE s.expiresAt > now
  AND coalesce(s.lastSeenAt, s.createdAt) > now - duration({seconds: $idleSeconds})
  AND (s.supersededAt IS NULL OR s.supersededAt > now - duration({seconds: $graceSeconds}))
RETURN u {.id, .email, .role} AS user,
       s.supersededAt IS NOT NULL AS superseded,
       duration.inSeconds(coalesce(s.reissuedAt, s.supersededAt, now), now).seconds AS sinceReplaced,
       duration.inSeconds(coalesce(s.issuedAt, s.createdAt), now).seconds AS age,
       duration.inSeconds(coalesce(s.lastSeenAt, s.createdAt), now).seconds AS idle,
       toString(s.expiresAt) AS expiresAt
