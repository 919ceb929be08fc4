import { defineConfig } from 'vitest/config';

// Three tiers. `npm test` runs all of them; `npm run test:unit` only the first, which needs no Java.
// The integration and end-to-end tiers share one real Neo4j, started and seeded once before their first test file.
const NEO4J = ['test/support/global-setup.ts'];

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
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: NEO4J } },
      {
        extends: true,
        // The explorer is built once for all end-to-end files.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: [...NEO4J, 'test/support/explorer-build.ts'],
        },
      },
    ],
  },
});
