// The nodes of one operational kind (accounts, API tokens, changes, intakes) with every property and its
// Cypher type, so date-times come back as date-times; an API token with the account it belongs to.
MATCH (n:$($label))
OPTIONAL MATCH (n)-[:OF]->(u:User)
RETURN n {.*} AS props, [k IN keys(n) | [k, valueType(n[k])]] AS types, u.id AS of
ORDER BY n.id
