// An API token for another tool, created by an admin for an account.
MATCH (u:User {email: $email})
CREATE (t:ApiToken {id: $id, name: $name, tokenHash: $tokenHash, createdAt: datetime(), createdBy: $by})-[:OF]->(u)
RETURN t {.id, .name, createdAt: toString(t.createdAt)} AS token, u.email AS email
