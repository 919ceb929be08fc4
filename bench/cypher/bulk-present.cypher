// Which of these entities and relations exist already (a restarted bulk load
// skips chunks that an earlier run wrote). Relations are found from their ends.
UNWIND $entities AS id
OPTIONAL MATCH (n:Entity {id: id})
WITH collect(n.id) AS entities
UNWIND (CASE WHEN size($relations) = 0 THEN [null] ELSE $relations END) AS r
OPTIONAL MATCH (:Entity {id: r.from})-[x]->(:Entity {id: r.to})
WHERE x.id = r.id
RETURN entities, collect(DISTINCT x.id) AS relations
