// What happened to an entity or relation, newest first.
MATCH (c:Change {target: $target})
RETURN c {.id, .target, .action, .by, .before, .after, .fromVersion, at: toString(c.at)} AS change
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
