import { afterAll, beforeAll } from 'vitest';
import { shareWorld, startEditorsWorld } from '../support/editors.js';
import './editors/entities.suite.js';
import './editors/relations.suite.js';
import './editors/changes.suite.js';
import './editors/intake.suite.js';

// Edits change the graph, so they run on a seeded Neo4j of their own, never the one other tests read.
// One for all editors' suites, in this order: starting and stopping a Neo4j costs half a minute.
// Each suite owns its data (names carry the run's time stamp); "changes nothing" compares the whole
// database, which holds because the suites run one after the other.
beforeAll(async () => {
  shareWorld(await startEditorsWorld());
});

afterAll(() => shareWorld(undefined)?.stop());
