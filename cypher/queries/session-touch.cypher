// A session in use: its idle time starts again.
MATCH (s:Session {tokenHash: $tokenHash})
SET s.lastSeenAt = datetime()
RETURN count(s) AS touched
