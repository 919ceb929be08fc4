// The revert of a batch that still stands (not itself reverted), if any.
MATCH (r:Change {reverts: $batch})
WHERE NOT EXISTS { MATCH (:Change {reverts: r.batch}) }
RETURN r.batch AS batch, r.by AS by, toString(r.at) AS at
LIMIT 1
