// Deletes an entity with its mentions; the caller checked it has no relations left
// and records its last state.
MATCH (n:Entity {id: $id})
DETACH DELETE n
RETURN $id AS id
