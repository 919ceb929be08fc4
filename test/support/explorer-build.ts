import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildExplorer } from './build-explorer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The explorer built once (in Vite's mode `test`) for every end-to-end test file. */
    explorerDir: string | undefined;
  }
}

/** Builds the explorer once before the end-to-end tier, instead of once per test file. */
export default async function setup(project: TestProject) {
  const dir = await buildExplorer();
  project.provide('explorerDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
