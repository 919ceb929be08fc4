// A new account. The email constraint refuses a second account with the same address.
CREATE (u:User {id: $id, email: $email, role: $role, passwordHash: $passwordHash, createdAt: datetime(), createdBy: $by})
RETURN u {.id, .email, .role} AS user
