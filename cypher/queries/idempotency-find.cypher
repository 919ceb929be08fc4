// What a request with this key did: its fingerprint, its batches and, once kept, its answer.
MATCH (k:IdempotencyKey {key: $key})
WHERE k.expiresAt > datetime()
RETURN k.request AS request, k.batches AS batches, k.response AS response
