import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds the explorer as `npm start` does, in Vite's mode `test` (which adds the canvas's read-only view,
 * window.govgraphCanvas), into a temporary folder; returns the folder.
 */
export async function buildExplorer(): Promise<string> {
  const outDir = path.join(os.tmpdir(), `govgraph-web-${process.pid}-${Date.now()}`);
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    mode: 'test',
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  return outDir;
}
