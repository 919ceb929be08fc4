// A later mutation of the same request adds its batch to the key the first one claimed.
MATCH (k:IdempotencyKey {key: $key})
SET k.batches = k.batches + $batch
RETURN k.key AS key
