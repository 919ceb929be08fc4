import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { messageOf, systemCodeOf } from '../shared/errors.js';
import { loadConfig } from './config.js';
import { connect } from './connect.js';
import { ConfigError } from './db/config-error.js';
import { migrate } from './db/migrate.js';
import { createApp } from './http/app.js';
import { readiness } from './http/restore-gate.js';
import { createGovGraphYoga } from './http/yoga.js';
import { Accounts } from './services/accounts/accounts.js';
import { openLoginLimits } from './services/accounts/login-guard.js';
import { openLiveUpdates } from './services/live/pubsub.js';
import { isEmpty, loadSeed } from './services/seed/load.js';

async function devWeb() {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return vite.middlewares;
}

/** How long a stopping server lets requests in flight finish. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Redis first: when it is missing, the start fails before an embedded Neo4j has been started for nothing.
  const live = await openLiveUpdates(config.redisUrl);
  const logins = await openLoginLimits(config.redisUrl).catch(async (error: unknown) => {
    await live.close();
    throw error;
  });
  const connection = await connect(config).catch(async (error: unknown) => {
    await Promise.all([live.close(), logins.close()]);
    throw error;
  });
  let server: Server | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    console.log('Stopping GovGraph: no new connections; finishing the requests in flight …');
    if (server) {
      const closing = server;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      // Keep-alive sockets close as soon as they are idle, each after its last answer; requests still
      // running after DRAIN_MS (live-update streams, say) are cut.
      closing.closeIdleConnections();
      const idle = setInterval(() => closing.closeIdleConnections(), 100);
      const force = setTimeout(() => closing.closeAllConnections(), DRAIN_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(force);
      console.log(`Requests finished after ${seconds()} s; closing the database connections …`);
    }
    await Promise.all([live.close(), logins.close()]);
    await connection.close();
    console.log(`Stopped after ${seconds()} s.`);
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    const applied = await migrate(connection.db);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    if (config.seed === 'always' || (config.seed === 'auto' && (await isEmpty(connection.db)))) {
      const seeded = await loadSeed(connection.db);
      console.log(`Seeded ${seeded.entities} entities and ${seeded.relations} relations.`);
    }
    if (config.admin) {
      const admin = await new Accounts(connection.db).ensureAdmin(config.admin.email, config.admin.password);
      if (admin) console.log(`Created the first admin account, ${admin.email}.`);
    }
    const yoga = createGovGraphYoga(connection.db, config.settings, live.pubsub, logins.guard);
    const db = connection.db;
    server = createApp({
      yoga,
      ready: () => readiness(db),
      ...(config.dev ? { web: await devWeb(), csp: false } : {}),
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.log(`GovGraph is serving ${connection.where}`);
    console.log(`Live updates: ${live.where}`);
    console.log(`Failed logins are counted ${logins.where}`);
    console.log(`Explorer: http://${host}:${port}/   GraphQL: http://${host}:${port}/graphql`);
  } catch (error) {
    await Promise.all([live.close(), logins.close()]);
    await connection.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'SeedError')) {
    console.error(error.message);
  } else if (systemCodeOf(error) === 'EADDRINUSE') {
    console.error(`The port is already in use: ${messageOf(error)}. Set PORT to another port.`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
