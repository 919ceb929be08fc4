UNWIND $ids AS id
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(:Entity {id: id})
WITH id, a
ORDER BY a.publishedOn DESC, a.id
RETURN id, collect(a {.*}) AS articles
