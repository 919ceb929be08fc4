MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
WHERE s.expiresAt > datetime()
RETURN u {.id, .email, .role} AS user
