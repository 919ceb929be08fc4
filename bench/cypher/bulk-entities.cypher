// Bulk load of entities known to be new (the loader checked): CREATE, cheaper
// than seed-entities' MERGE. A duplicate id violates the unique constraint and
// fails the whole transaction, so nothing is half-written.
UNWIND $entities AS e
CREATE (n:Entity)
SET n = e.props,
    n:$(e.label),
    n.id = e.id,
    n.version = 1,
    n.recordedAt = datetime(),
    n.recordedBy = $recordedBy
RETURN count(n) AS created
