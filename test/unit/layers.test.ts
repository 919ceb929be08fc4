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
});
