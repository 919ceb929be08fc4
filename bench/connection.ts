import neo4j, { type Driver } from 'neo4j-driver';

/**
 * The benchmark's Bolt login: the embedded Neo4j's (bench/run.ts puts it into NEO4J_USER and NEO4J_PASSWORD,
 * which the servers it forks inherit).
 */
export function benchAuth(): { user: string | undefined; password: string | undefined } {
  return { user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD };
}

/** A bare driver for the benchmark's Neo4j, logged in. */
export function benchDriver(uri: string): Driver {
  const { user, password } = benchAuth();
  return neo4j.driver(uri, user ? neo4j.auth.basic(user, password ?? '') : undefined);
}
