import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every .ts/.tsx file under a folder of the project, relative to the project. */
function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The project files a file imports (relative specifiers only; packages are left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.relative(ROOT, path.resolve(ROOT, path.dirname(file), m[1] as string)),
  );
}

const outside = (folders: readonly string[]) => (file: string) =>
  importsOf(file)
    .filter((target) => !folders.some((folder) => target.startsWith(`${folder}/`)))
    .map((target) => `${file} → ${target}`);

describe('the layers', () => {
  it('keep the shared model pure: it imports nothing of the server, the explorer or the seed', () => {
    expect(sources('shared').length).toBeGreaterThan(3);
    expect(sources('shared').flatMap(outside(['shared']))).toEqual([]);
  });

  it('let the explorer import only itself and the shared model', () => {
    expect(sources('web/src').flatMap(outside(['web', 'shared']))).toEqual([]);
  });

  it('keep the canvas apart from the explorer’s state, components and editing', () => {
    const app = ['web/src/state/', 'web/src/components/', 'web/src/editing/', 'web/src/App'];
    const found = sources('web/src/graph').flatMap((file) =>
      importsOf(file)
        .filter((target) => app.some((prefix) => target.startsWith(prefix)))
        .map((target) => `${file} → ${target}`),
    );
    expect(found).toEqual([]);
  });
});

/**
 * The server's layers from the bottom up: each may import its own and those below, never one above.
 * Commands (server/cli), the entry points (main.ts, production.ts) and what they alone use (config.ts,
 * connect.ts) sit on top and may use everything.
 */
const LAYERS: ReadonlyArray<{ name: string; matches: (file: string) => boolean }> = [
  { name: 'shared', matches: (f) => f.startsWith('shared/') },
  { name: 'seed', matches: (f) => f.startsWith('seed/') },
  { name: 'db', matches: (f) => f.startsWith('server/db/') },
  { name: 'services', matches: (f) => f.startsWith('server/services/') },
  { name: 'schema', matches: (f) => f.startsWith('server/schema/') },
  { name: 'http', matches: (f) => f.startsWith('server/http/') },
  { name: 'commands', matches: (f) => f.startsWith('server/cli/') || /^server\/[^/]+\.ts$/.test(f) },
];
const layerOf = (file: string) => LAYERS.findIndex((layer) => layer.matches(file.replace(/\.js$/, '.ts')));
const SERVER_SIDE = [...sources('shared'), ...sources('seed'), ...sources('server')];

describe('the server', () => {
  it('imports only downwards: shared ← seed ← db ← services ← schema ← http ← commands', () => {
    expect(SERVER_SIDE.every((file) => layerOf(file) >= 0)).toBe(true);
    const upwards = SERVER_SIDE.flatMap((file) =>
      importsOf(file)
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)]?.name}) → ${target} (${LAYERS[layerOf(target)]?.name})`),
    );
    expect(upwards).toEqual([]);
  });

  it('has no import cycle', () => {
    const edges = new Map(
      SERVER_SIDE.map((file) => [file, importsOf(file).map((target) => target.replace(/\.js$/, '.ts'))]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) if (edges.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
