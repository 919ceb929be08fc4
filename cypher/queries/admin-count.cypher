MATCH (u:User {role: 'admin'})
RETURN count(u) AS admins
