// Changes whenever an edit, an account, a token or an intake is written: a backup read between two equal
// fingerprints saw no write, so its parts fit together (Neo4j reads see each commit, not one snapshot).
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (u:User) RETURN count(u) AS users }
CALL () { MATCH (t:ApiToken) RETURN count(t) AS tokens, count(t.revokedAt) AS revoked }
CALL () { MATCH (c:Change) RETURN count(c) AS changes }
CALL () {
  OPTIONAL MATCH (c:Change) WHERE c.at IS NOT NULL
  WITH c ORDER BY c.at DESC LIMIT 1
  RETURN toString(c.at) AS lastChange
}
CALL () { MATCH (i:Intake) RETURN count(i) AS intakes, count(i.decidedAt) AS decided }
RETURN entities, relationships, users, tokens, revoked, changes, lastChange, intakes, decided
