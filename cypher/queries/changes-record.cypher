// The changes of one batch (one mutation), written in its transaction with one time; seq keeps their order.
WITH datetime() AS at
UNWIND $changes AS c
CREATE (x:Change {
  id: c.id, batch: $batch, seq: c.seq, operation: $operation, reverts: $reverts,
  target: c.target, action: c.action, at: at, by: $by,
  before: c.before, after: c.after, fromVersion: c.fromVersion, toVersion: c.toVersion
})
RETURN toString(at) AS at
LIMIT 1
