import { defineConfig } from 'vitest/config';
import { SlowFirst } from './test/support/sequencer.js';

// Three tiers. `npm test` runs all of them; `npm run test:unit` only the unit tier, which needs no Java.
// The integration and end-to-end tiers share one real Neo4j, started and seeded once before their first test file.
const NEO4J = ['test/support/global-setup.ts'];
// Files that compare how fast answers come under load with how fast they come otherwise: another test file's work
// beside them (a JVM starting, Chromium) would land in one phase and not the other, so they run alone.
const ALONE = ['test/integration/overload.int.test.ts', 'test/integration/login-limits.int.test.ts'];

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS builds; one copy for everyone, or its instanceof checks fail.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: a worker per core keeps the JVM, the server and Chromium from starving each other.
    maxWorkers: 2,
    // Slow files first, so that no long file starts last while the other worker idles (see test/support/sequencer.ts).
    sequence: { sequencer: SlowFirst },
    // The end-to-end tier comes first: its setup builds the explorer while the test Neo4j starts.
    projects: [
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/explorer-build.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], exclude: ALONE, globalSetup: NEO4J },
      },
      // With one worker of its own, Vitest runs this project after all the others, with nothing beside it.
      { extends: true, test: { name: 'integration-alone', include: ALONE, globalSetup: NEO4J, maxWorkers: 1 } },
      // Unit files share nothing but pure modules, so one module graph per worker serves them all (half the time).
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
    ],
  },
});
