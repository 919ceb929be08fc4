// What happened to an entity or relation, newest first.
MATCH (c:Change {target: $target})
RETURN c {.id, .batch, .operation, .target, .action, .by, .before, .after, .fromVersion, .toVersion, .reverts,
          at: toString(c.at),
          revertedBy: head(COLLECT { MATCH (r:Change {reverts: c.batch}) RETURN r.batch })} AS change
ORDER BY c.at DESC, c.seq DESC
LIMIT $limit
