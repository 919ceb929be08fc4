// A login: only the token's hash is stored, so a copy of the database holds no usable session.
// issuedAt is when this id was handed out (it is replaced every few minutes of use), lastSeenAt when it
// was last used (for the idle timeout); expiresAt stays with the login through every replacement.
MATCH (u:User {id: $userId})
CREATE (s:Session {tokenHash: $tokenHash, createdAt: datetime(), issuedAt: datetime(), lastSeenAt: datetime(),
                   expiresAt: datetime() + duration({hours: $hours})})-[:OF]->(u)
RETURN toString(s.expiresAt) AS expiresAt
