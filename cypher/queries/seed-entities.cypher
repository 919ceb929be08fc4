// Adds entities that are missing; never overwrites what editors changed.
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE
  SET n += e.props,
      n:$(e.label),
      n.version = 1,
      n.recordedAt = datetime(),
      n.recordedBy = $recordedBy
RETURN count(n) AS merged
