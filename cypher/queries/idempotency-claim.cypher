// Claims a key for the batch just written, in the batch's transaction. The key is unique: when another
// request holds it, this CREATE fails and the whole transaction with it, so the change is never made twice.
CREATE (k:IdempotencyKey {
  key: $key, request: $request, batches: [$batch], createdAt: datetime(),
  expiresAt: datetime() + duration({hours: $hours})
})
RETURN k.key AS key
