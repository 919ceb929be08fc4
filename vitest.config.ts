import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships both ESM and CJS builds; one copy for everyone, or its instanceof checks fail.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j for the whole run, started and seeded before any test file.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: a worker per core keeps the JVM, the server and Chromium from starving each other.
    maxWorkers: 2,
  },
});
