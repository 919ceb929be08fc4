CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE r.id IS NOT NULL RETURN count(r) AS relations }
CALL () { MATCH (:Article)-[m:MENTIONS]->(:Entity) RETURN count(m) AS mentions }
RETURN entities, relations, mentions
