// An API token for another tool, created by an admin for an account; without $days it does not expire.
MATCH (u:User {email: $email})
CREATE (t:ApiToken {id: $id, name: $name, tokenHash: $tokenHash, createdAt: datetime(), createdBy: $by,
                    expiresAt: CASE WHEN $days IS NULL THEN null ELSE datetime() + duration({days: $days}) END})-[:OF]->(u)
RETURN t {.id, .name, createdAt: toString(t.createdAt), expiresAt: toString(t.expiresAt)} AS token, u.email AS email
