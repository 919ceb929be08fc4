import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import type { Database } from '../../server/db/database.js';
import { Q } from '../../server/db/queries.js';
import { loadSeed } from '../../server/services/seed/load.js';
import {
  exportGraph,
  ImportError,
  importGraph,
  toCanonicalJson,
  toGraphML,
} from '../../server/services/transfer/transfer.js';
import { credentials, startScratchNeo4j } from '../support/scratch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = buildSeed(readSeedFiles());
let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let db: Database;

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  db = scratch.db;
  await loadSeed(db);
});
afterAll(() => scratch?.stop());

const exportJson = async () => toCanonicalJson(await exportGraph(db));

describe('export and import', () => {
  it('round-trips losslessly: export → empty database → import → export is byte-identical', async () => {
    const first = await exportGraph(db);
    const json = toCanonicalJson(first);
    const graphml = toGraphML(first);
    expect(await exportJson()).toBe(json);

    await db.write(Q['delete-graph']);
    expect(await exportJson()).not.toBe(json);
    await importGraph(db, json);
    const again = await exportGraph(db);
    expect(toCanonicalJson(again)).toBe(json);
    expect(toGraphML(again)).toBe(graphml);
  });

  it('keeps every property, citation, date and bookkeeping field', async () => {
    const file = JSON.parse(await exportJson()) as {
      entities: Array<Record<string, unknown>>;
      relations: Array<Record<string, unknown>>;
      mentions: unknown[];
    };
    expect(file.entities.filter((e) => e.kind === 'REGION' && e.level === 'KREIS')).toHaveLength(401);
    expect(file.entities.find((e) => e.id === 'region:15089')).toMatchObject({
      ags: '15089',
      nuts: 'DEE0C',
      population: 190560,
      areaKm2: 1427.33,
      version: 1,
      recordedBy: 'seed',
    });
    expect(file.entities.find((e) => e.id === 'event:digitalrat-sachsen-anhalt-2022-sitzung-2')).toMatchObject({
      date: '2022-08-31',
      dateQualifier: 'ON_OR_BEFORE',
    });
    expect(file.relations.find((r) => r.id === 'rel:bw-foerdert-e-government-koordinatoren')).toMatchObject({
      type: 'SUPPORTS',
      validFrom: '2024-03-28',
      validFromQualifier: 'ON_OR_BEFORE',
      validTo: '2025-06',
      citations: [
        {
          article: 'article:kommune21-2024-03-28-baden-wuerttemberg-e-government',
          quote:
            'Baden-Württemberg fördert seine E-Government-Koordinatorinnen und -Koordinatoren weiter – zunächst bis Ende Juni 2025.',
          note: '„zunächst“ – eine Verlängerung über Juni 2025 hinaus lässt der Teaser offen.',
        },
      ],
    });
    const recorded = file.entities[0]?.recordedAt;
    expect(recorded).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/);
  });

  it('writes GraphML that a GraphML reader takes back: every entity a node, every relation an edge', async () => {
    const file = await exportGraph(db);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(toGraphML(file)) as {
      graphml: {
        key: unknown[];
        graph: {
          node: Array<{ id: string; data: Array<{ key: string; '#text': string }> }>;
          edge: Array<{ id: string; source: string; target: string; data: Array<{ key: string; '#text': string }> }>;
        };
      };
    };
    expect(doc.graphml.graph.node).toHaveLength(file.entities.length);
    expect(doc.graphml.graph.edge).toHaveLength(file.relations.length);
    const hueskens = doc.graphml.graph.node.find((n) => n.id === 'person:lydia-hueskens');
    expect(hueskens?.data.find((d) => d.key === 'n_label')?.['#text']).toBe('Lydia Hüskens');
    const advises = doc.graphml.graph.edge.find((e) => e.id === 'rel:digitalrat-beraet-mid');
    expect(advises).toMatchObject({ source: 'org:digitalrat-sachsen-anhalt', target: 'org:mid-sachsen-anhalt' });
    const citations = JSON.parse(advises?.data.find((d) => d.key === 'e_citations')?.['#text'] ?? '[]') as Array<{
      quote: string;
    }>;
    expect(citations[0]?.quote).toContain('vom Digitalrat in den Bereichen Technologie');
  });

  describe('refuses a bad file and leaves the database as it was', () => {
    const good = async () => JSON.parse(await exportJson()) as Record<string, Array<Record<string, unknown>>>;

    it.each([
      [
        'text that is not JSON',
        async () => '{"format": "govgraph", ',
        /^The import file is not a GovGraph export:\nnot valid JSON/,
      ],
      [
        'an unknown kind',
        async () => {
          const file = await good();
          (file.entities as Array<Record<string, unknown>>)[5] = { ...file.entities?.[5], kind: 'PERSN' };
          return JSON.stringify(file);
        },
        /entities\[5\]\.kind \(.+\): Invalid option/,
      ],
      [
        'a relation without citations',
        async () => {
          const file = await good();
          (file.relations as Array<Record<string, unknown>>)[0] = { ...file.relations?.[0], citations: [] };
          return JSON.stringify(file);
        },
        /relations\[0\]\.citations \(rel:.+\): every fact needs at least one citation/,
      ],
      [
        'a relation to an entity that is not there',
        async () => {
          const file = await good();
          file.entities = (file.entities ?? []).filter((e) => e.id !== 'person:markus-bauer');
          return JSON.stringify(file);
        },
        /^The import file is inconsistent:\nimport: relation rel:bauer-gastgeber-sitzung: from person:markus-bauer is not a known entity/,
      ],
      [
        'a malformed date',
        async () => {
          const file = await good();
          const index = (file.relations ?? []).findIndex((r) => r.validTo === '2025-06');
          (file.relations as Array<Record<string, unknown>>)[index] = {
            ...file.relations?.[index],
            validTo: '30.06.2025',
          };
          return JSON.stringify(file);
        },
        /validTo \(rel:bw-foerdert-e-government-koordinatoren\): must be a date as YYYY, YYYY-MM or YYYY-MM-DD/,
      ],
      [
        'a name with half of a surrogate pair (which Neo4j would store as another character)',
        async () => {
          const file = await good();
          (file.entities as Array<Record<string, unknown>>)[5] = { ...file.entities?.[5], name: 'Halb \ud800 Paar' };
          return JSON.stringify(file);
        },
        /entities\[5\]\.name \(.+\): is not valid Unicode text \(half of a surrogate pair\)/,
      ],
      [
        'a name with a NUL character',
        async () => {
          const file = await good();
          (file.entities as Array<Record<string, unknown>>)[5] = { ...file.entities?.[5], name: 'Null\u0000Byte' };
          return JSON.stringify(file);
        },
        /entities\[5\]\.name \(.+\): must not hold control characters/,
      ],
    ])('%s', async (_what, make, message) => {
      const before = await exportJson();
      const text = await make();
      await expect(importGraph(db, text, { replace: true })).rejects.toThrow(ImportError);
      await expect(importGraph(db, text, { replace: true })).rejects.toThrow(message);
      expect(await exportJson()).toBe(before);
    });

    it('into a database that already holds a graph, unless asked to replace it', async () => {
      const before = await exportJson();
      await expect(importGraph(db, before)).rejects.toThrow(
        new RegExp(`^The database already holds ${SEED.entities.length} entities`),
      );
      await importGraph(db, before, { replace: true });
      expect(await exportJson()).toBe(before);
    });
  });
});

describe('the export, import and seed commands', () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: scratch.uri, ...credentials(scratch) },
      encoding: 'utf8',
    });

  it('export writes JSON and GraphML; import refuses a bad file with a clear message; seed adds nothing twice', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-cli-'));
    const target = path.join(dir, 'graph.json');
    const exported = run('export', target);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(
      `Exported ${SEED.entities.length} entities, ${SEED.relations.length} relations and ${SEED.mentions.length} mentions`,
    );
    expect(readFileSync(path.join(dir, 'graph.graphml'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);

    writeFileSync(path.join(dir, 'bad.json'), '[]');
    const refused = run('import', '--replace', path.join(dir, 'bad.json'));
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'The import file is not a GovGraph export:\n(file): Invalid input: expected object, received array',
    );

    const missing = run('import', path.join(dir, 'nope.json'));
    expect(missing.stderr.trim()).toBe(`Cannot read ${path.join(dir, 'nope.json')}: ENOENT`);

    const seeded = run('seed');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout.trim()).toBe('Seed loaded: 0 entities, 0 relations and 0 mentions added.');
  });
});
