MATCH (t:ApiToken {tokenHash: $tokenHash})-[:OF]->(u:User)
WHERE t.revokedAt IS NULL
RETURN u {.id, .email, .role} AS user
