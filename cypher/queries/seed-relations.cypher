// Adds relations that are missing; endpoints were checked by the loader.
UNWIND $relations AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[x:$(r.type) {id: r.id}]->(b)
ON CREATE
  SET x += r.props,
      x.version = 1,
      x.recordedAt = datetime(),
      x.recordedBy = $recordedBy
RETURN count(x) AS merged
