// Restores entities exactly as exported, bookkeeping included.
UNWIND $entities AS e
CREATE (n:Entity)
SET n = e.props,
    n:$(e.label),
    n.recordedAt = CASE WHEN e.recordedAt IS NULL THEN null ELSE datetime(e.recordedAt) END
RETURN count(n) AS created
