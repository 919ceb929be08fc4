// A login: only the token's hash is stored, so a copy of the database holds no usable session.
MATCH (u:User {id: $userId})
CREATE (s:Session {tokenHash: $tokenHash, createdAt: datetime(), expiresAt: datetime() + duration({hours: $hours})})-[:OF]->(u)
RETURN s.expiresAt AS expiresAt
