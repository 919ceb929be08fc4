// Ends every session of an account (a new password, a new role): each of its logins must log in again.
MATCH (:User {id: $userId})<-[:OF]-(s:Session)
DETACH DELETE s
RETURN count(*) AS ended
