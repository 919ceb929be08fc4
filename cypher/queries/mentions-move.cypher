// A merge: the articles that mention the duplicate mention the survivor, and a duplicate article's
// mentions become the survivor's. Returns what the duplicate had, so a revert can give it back.
MATCH (d:Entity {id: $from})
MATCH (s:Entity {id: $to})
WITH d, s,
     COLLECT { MATCH (a:Article)-[:MENTIONS]->(d) RETURN a.id ORDER BY a.id } AS mentionedIn,
     COLLECT { MATCH (d)-[:MENTIONS]->(e:Entity) RETURN e.id ORDER BY e.id } AS mentions
CALL (d, s) {
  MATCH (a:Article)-[:MENTIONS]->(d)
  WHERE a <> s
  MERGE (a)-[:MENTIONS]->(s)
}
CALL (d, s) {
  MATCH (d)-[:MENTIONS]->(e:Entity)
  WHERE e <> s
  MERGE (s)-[:MENTIONS]->(e)
}
RETURN mentionedIn, mentions
