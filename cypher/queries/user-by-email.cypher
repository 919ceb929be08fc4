MATCH (u:User {email: $email})
RETURN u {.id, .email, .role, .passwordHash} AS user
