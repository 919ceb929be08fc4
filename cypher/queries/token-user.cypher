MATCH (t:ApiToken {tokenHash: $tokenHash})-[:OF]->(u:User)
WHERE t.revokedAt IS NULL AND (t.expiresAt IS NULL OR t.expiresAt > datetime())
RETURN u {.id, .email, .role} AS user
