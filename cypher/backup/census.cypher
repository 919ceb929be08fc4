// What the database holds besides its migrations, by kind: restore fills an empty database only.
MATCH (n)
WHERE NOT n:Migration
RETURN CASE WHEN n:Entity THEN 'Entity' ELSE head(labels(n)) END AS label, count(*) AS count
ORDER BY label
