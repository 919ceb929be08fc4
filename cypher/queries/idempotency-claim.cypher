// Claims a key for a batch at the start of the batch's transaction. The key is unique: while another
// request's transaction holds it, this CREATE waits, and then fails, so the change is never made twice.
// A key whose 24 hours are over is free again.
OPTIONAL MATCH (old:IdempotencyKey {key: $key})
WHERE old.expiresAt <= datetime()
FOREACH (o IN CASE WHEN old IS NULL THEN [] ELSE [old] END | DETACH DELETE o)
CREATE (k:IdempotencyKey {
  key: $key, request: $request, batches: [$batch], createdAt: datetime(),
  expiresAt: datetime() + duration({hours: $hours})
})
RETURN k.key AS key
