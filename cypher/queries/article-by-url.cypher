// Another article with this URL (the constraint article_url backs this up under races).
MATCH (a:Article {url: $url})
WHERE a.id <> $id
RETURN a.id AS id
LIMIT 1
