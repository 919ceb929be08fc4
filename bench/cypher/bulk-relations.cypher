// Bulk load of relations known to be new (the loader checked): CREATE, cheaper
// than seed-relations' MERGE. A duplicate id violates its type's unique
// constraint and fails the whole transaction, so nothing is half-written.
UNWIND $relations AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[x:$(r.type)]->(b)
SET x = r.props,
    x.id = r.id,
    x.version = 1,
    x.recordedAt = datetime(),
    x.recordedBy = $recordedBy
RETURN count(x) AS created
