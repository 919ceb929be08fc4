UNWIND $relations AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[x:$(r.type)]->(b)
SET x = r.props,
    x.recordedAt = CASE WHEN r.recordedAt IS NULL THEN null ELSE datetime(r.recordedAt) END
RETURN count(x) AS created
