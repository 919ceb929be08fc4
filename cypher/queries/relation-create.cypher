// A relation from an editor, a merge or a revert; the transaction locked and checked its ends.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props, r.version = $version, r.recordedAt = datetime(), r.recordedBy = $by
RETURN r {.*, type: type(r), from: a.id, to: b.id} AS relation
