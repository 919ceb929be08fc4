// Every change of the batch a change belongs to, in the order they were made.
MATCH (one:Change {id: $id})
MATCH (c:Change {batch: one.batch})
RETURN c {.id, .batch, .operation, .target, .action, .by, .before, .after, .fromVersion, .toVersion, .reverts,
          at: toString(c.at),
          revertedBy: head(COLLECT { MATCH (r:Change {reverts: c.batch}) RETURN r.batch })} AS change
ORDER BY c.seq
