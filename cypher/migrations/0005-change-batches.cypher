// Changes come in batches (one per mutation) that can be reverted together; the newest are listed first.
CREATE INDEX change_batch IF NOT EXISTS FOR (c:Change) ON (c.batch);
CREATE INDEX change_reverts IF NOT EXISTS FOR (c:Change) ON (c.reverts);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
// Changes recorded before batches existed each become a batch of their own.
MATCH (c:Change) WHERE c.batch IS NULL
SET c.batch = 'batch:' + substring(c.id, 7),
    c.seq = 0,
    c.operation = CASE c.action WHEN 'CREATE' THEN 'createEntity' WHEN 'UPDATE' THEN 'updateEntity' ELSE 'deleteEntity' END,
    c.toVersion = CASE c.action WHEN 'CREATE' THEN 1 WHEN 'UPDATE' THEN c.fromVersion + 1 ELSE null END;
// One source, one article: a second article with the same URL is refused.
CREATE CONSTRAINT article_url IF NOT EXISTS FOR (a:Article) REQUIRE a.url IS UNIQUE;
// Article intake waiting for a second editor (GOVGRAPH_FOUR_EYES) and applied intake, with the pasted text.
CREATE CONSTRAINT intake_id IF NOT EXISTS FOR (i:Intake) REQUIRE i.id IS UNIQUE;
CREATE INDEX intake_status IF NOT EXISTS FOR (i:Intake) ON (i.status);
