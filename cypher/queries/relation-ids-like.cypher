// Relation ids of every type that start with $prefix: whether an id is free, and the next free number.
MATCH ()-[r]->()
WHERE r.id STARTS WITH $prefix
RETURN r.id AS id
