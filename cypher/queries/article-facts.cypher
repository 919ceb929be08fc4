// Everything known from one source: the relations that cite it, in a stable order.
MATCH (:Article {id: $id})-[:MENTIONS]->(:Entity)-[r]-(:Entity)
WHERE $id IN r.citeArticles
WITH DISTINCT r
ORDER BY type(r), r.id
WITH collect(r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}) AS relations
RETURN size(relations) AS total, relations[$skip..$skip + $limit] AS page
