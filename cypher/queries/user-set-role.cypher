// A new role for an account, unless that would leave no admin. Returns nothing for an unknown email;
// `refused` when it is the last admin.
// Every admin is locked first, so two admins demoting each other at once cannot both succeed.
CALL () { MATCH (a:User {role: 'admin'}) SET a._lock = true REMOVE a._lock }
MATCH (u:User {email: $email})
SET u._lock = true
REMOVE u._lock
WITH u
OPTIONAL MATCH (other:User {role: 'admin'}) WHERE other <> u
WITH u, count(other) AS otherAdmins
WITH u, u.role = 'admin' AND $role <> 'admin' AND otherAdmins = 0 AS refused
FOREACH (_ IN CASE WHEN refused THEN [] ELSE [1] END |
  SET u.role = $role, u.roleChangedAt = datetime(), u.roleChangedBy = $by)
RETURN u {.id, .email, .role} AS user, refused
