// A new password hash for an account.
MATCH (u:User {id: $userId})
SET u.passwordHash = $passwordHash, u.passwordChangedAt = datetime()
RETURN u.id AS id
