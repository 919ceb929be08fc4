import type { AddressInfo } from 'node:net';
import { Database } from '../server/db/database.js';
import { createApp } from '../server/http/app.js';
import { createGovGraphYoga } from '../server/http/yoga.js';
import { startAlternative } from './alternative.js';
import { benchAuth, benchDriver } from './connection.js';

/**
 * One server under test, in a process of its own so that its CPU time is its
 * own and the harness's load generator does not share its event loop:
 * `node --import tsx bench/serve.ts govgraph|alternative <bolt uri>`. It sends its URL to
 * the parent when it listens and answers `cpu` with its CPU time so far.
 */
export type ServeMessage = { url: string; authorization?: string } | { cpuMicros: number };

async function serve(which: string, uri: string): Promise<{ url: string; authorization?: string }> {
  if (which === 'govgraph') {
    const db = new Database({ uri, ...benchAuth() });
    const server = createApp({ yoga: createGovGraphYoga(db) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
  }
  if (which === 'alternative') {
    const alternative = await startAlternative(benchDriver(uri));
    return { url: alternative.url, authorization: alternative.editorAuthorization };
  }
  throw new Error(`bench/serve.ts: unknown server "${which}" (govgraph or alternative)`);
}

const [which = '', uri = ''] = process.argv.slice(2);
const send = (message: ServeMessage) => process.send?.(message);
const served = await serve(which, uri);
process.on('message', (message) => {
  if (message === 'cpu') {
    const cpu = process.cpuUsage();
    send({ cpuMicros: cpu.user + cpu.system });
  }
});
process.on('disconnect', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
send(served);
