// Links restored API tokens to their accounts.
UNWIND $links AS l
MATCH (t:ApiToken {id: l.token})
MATCH (u:User {id: l.user})
CREATE (t)-[:OF]->(u)
RETURN count(*) AS created
