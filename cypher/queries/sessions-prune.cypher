// Removes an account's sessions that can no longer be used: expired, idle too long, or replaced longer
// ago than the grace period.
MATCH (:User {id: $userId})<-[:OF]-(s:Session)
WITH s, datetime() AS now
WHERE s.expiresAt <= now
   OR coalesce(s.lastSeenAt, s.createdAt) <= now - duration({seconds: $idleSeconds})
   OR s.supersededAt <= now - duration({seconds: $graceSeconds})
DETACH DELETE s
RETURN count(*) AS pruned
