import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildExplorer } from './build-explorer.js';
import startTestNeo4j from './global-setup.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The explorer built once (in Vite's mode `test`) for every end-to-end test file. */
    explorerDir: string | undefined;
  }
}

/**
 * The end-to-end tier's setup: builds the explorer once for all its files while the test Neo4j starts (Vite works
 * in this process, Neo4j in its JVM, so the two share the cores instead of waiting for each other).
 */
export default async function setup(project: TestProject) {
  const [stopNeo4j, dir] = await Promise.all([startTestNeo4j(project), buildExplorer()]);
  project.provide('explorerDir', dir);
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await stopNeo4j();
  };
}
