// Removes every entity with its relations; migrations and schema stay.
MATCH (e:Entity)
DETACH DELETE e
