MATCH ()-[r]->()
WHERE r.id = $id
DELETE r
RETURN $id AS id
