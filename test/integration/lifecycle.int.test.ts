import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { describe, expect, inject, it } from 'vitest';
import { passwordFile, startEmbeddedNeo4j } from '../../server/db/embedded.js';
import { SEED } from '../support/seed-facts.js';
import { alive, runServer, startServer } from '../support/server-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function startServerOn(dataDir: string) {
  return startServer({ GOVGRAPH_DATA_DIR: dataDir, GOVGRAPH_BOLT_PORT: '0', PORT: '0' });
}

function jvmPid(dataDir: string): number {
  return (JSON.parse(readFileSync(path.join(dataDir, 'neo4j.json'), 'utf8')) as { pid: number }).pid;
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return condition();
}

async function searchIds(url: string, query: string): Promise<string[]> {
  const response = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ search(query: "${query}") { edges { node { id } } } }` }),
  });
  const body = (await response.json()) as { data: { search: { edges: Array<{ node: { id: string } }> } } };
  return body.data.search.edges.map((e) => e.node.id);
}

describe('the embedded Neo4j', () => {
  it('is shared by a second command on the same data folder instead of failing on the store lock', async () => {
    const second = await startEmbeddedNeo4j({ dataDir: path.resolve(ROOT, '.data/test'), boltPort: 0, heap: '1g' });
    expect(second.owned).toBe(false);
    expect(second.uri).toBe(inject('neo4jUri'));
    await second.stop();
  });

  it('answers Bolt only with the password kept in its data folder, which only its owner can read', async () => {
    const dataDir = path.resolve(ROOT, '.data/test');
    const file = passwordFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    const uri = inject('neo4jUri');
    const attempt = async (auth?: ReturnType<typeof neo4j.auth.basic>) => {
      const driver = neo4j.driver(uri, auth);
      try {
        const { records } = await driver.executeQuery('MATCH (u:User) RETURN count(u) AS n');
        return `read ${records.length} row`;
      } catch (error) {
        return (error as { code?: string }).code ?? String(error);
      } finally {
        await driver.close();
      }
    };
    // Without a password, or with a wrong one, nothing is read: not the accounts, not their password hashes.
    expect(await attempt()).toMatch(/Unauthorized|Security/);
    expect(await attempt(neo4j.auth.basic('neo4j', 'neo4j'))).toMatch(/Unauthorized|Security/);
    expect(await attempt(neo4j.auth.basic('neo4j', `${password}x`))).toMatch(/Unauthorized|Security/);
    expect(await attempt(neo4j.auth.basic('neo4j', password))).toBe('read 1 row');
  });

  it('comes up with a fresh server (migrated, seeded), dies with it on kill -9, and keeps its data for the next start', {
    timeout: 300_000,
  }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-life-'));
    const first = await startServerOn(dataDir);
    expect(first.output()).toContain(`Seeded ${SEED.entities.length} entities and ${SEED.relations.length} relations.`);
    expect(await searchIds(first.url, 'Bernburg')).toContain('region:bernburg-saale');
    const pid = jvmPid(dataDir);
    expect(alive(pid)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(await waitUntil(() => !alive(pid), 60_000)).toBe(true);

    const second = await startServerOn(dataDir);
    expect(second.output()).not.toContain('Seeded');
    expect(await searchIds(second.url, 'Hüskens')).toContain('person:lydia-hueskens');
    const secondPid = jvmPid(dataDir);

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain('Stopping GovGraph');
    expect(alive(secondPid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'neo4j.json'))).toBe(false);
  });
});

describe('start-up refuses a broken setup with one clear message', () => {
  it('when Java is missing', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'govgraph-nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'govgraph-nojava-data-'));
    const started = runServer({ PATH: bin, GOVGRAPH_DATA_DIR: dataDir, PORT: '0' });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      'The embedded Neo4j needs Java 17 or newer, and `java` was not found. Install it (Debian/Ubuntu: ' +
        'apt-get install -y openjdk-17-jdk-headless maven) or set NEO4J_URI to use another Neo4j.',
    );
  });

  it('when a variable is wrong, before starting anything', async () => {
    const started = runServer({ PORT: 'vierzig', NEO4J_URI: 'localhost' });
    expect(await started.exited).toBe(1);
    expect(started.output().trim()).toBe(
      'Invalid configuration:\n  PORT must be a port number (got "vierzig")\n' +
        '  NEO4J_URI must look like neo4j://host:7687 or bolt://host:7687 (got "localhost")',
    );
  });
});
