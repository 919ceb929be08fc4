// How many relations and mentions an entity has: a deletion must find none, so no fact is lost.
// Only a deletion asks; an edit of a hub would otherwise walk all of its facts.
MATCH (n:Entity {id: $id})
RETURN COUNT { (n)--(:Entity) } AS links
