import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ConfigError } from '../../server/db/config-error.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded Neo4j on loopback, port 4000', () => {
    const config = loadConfig({}, '/srv/govgraph');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded).toEqual({ dataDir: '/srv/govgraph/.data', boltPort: 7687, heap: '1g' });
  });

  it('takes NEO4J_URI and credentials for an external Neo4j', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 's',
    });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'neo4j', password: 's' });
  });

  it('names every bad variable and its value, but never a password', () => {
    const attempt = () =>
      loadConfig({ PORT: 'abc', GOVGRAPH_BOLT_PORT: '70000', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'secret' });
    expect(attempt).toThrow(ConfigError);
    let message = '';
    try {
      attempt();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT must be a port number (got "abc")');
    expect(message).toContain('GOVGRAPH_BOLT_PORT must be 0 to 65535 (got "70000")');
    expect(message).toContain('NEO4J_URI must look like neo4j://host:7687');
    expect(message).toContain('NEO4J_USER must be set when NEO4J_PASSWORD is set');
    expect(message).not.toContain('secret');
  });

  it('refuses a heap size the JVM would not understand', () => {
    expect(() => loadConfig({ GOVGRAPH_NEO4J_HEAP: 'lots' })).toThrow(/GOVGRAPH_NEO4J_HEAP must be a JVM heap size/);
  });
});

describe('settings of the API', () => {
  it('reads publicly, applies intake at once and offers GraphiQL and introspection unless told otherwise', () => {
    const open = { graphiql: true, introspection: true, trustProxy: 0, corsOrigins: [] };
    expect(loadConfig({}).settings).toEqual({ publicRead: true, fourEyes: false, ...open });
    expect(loadConfig({ GOVGRAPH_PUBLIC_READ: 'false', GOVGRAPH_FOUR_EYES: 'TRUE' }).settings).toEqual({
      publicRead: false,
      fourEyes: true,
      ...open,
    });
    expect(loadConfig({ GOVGRAPH_PUBLIC_READ: '0', GOVGRAPH_FOUR_EYES: 'yes' }).settings).toEqual({
      publicRead: false,
      fourEyes: true,
      ...open,
    });
    expect(loadConfig({ GOVGRAPH_GRAPHIQL: 'false', GOVGRAPH_INTROSPECTION: 'no' }).settings).toMatchObject({
      graphiql: false,
      introspection: false,
    });
  });

  it('trusts X-Forwarded-For only from as many proxies as GOVGRAPH_TRUST_PROXY names', () => {
    expect(loadConfig({ GOVGRAPH_TRUST_PROXY: '1' }).settings.trustProxy).toBe(1);
    expect(loadConfig({ GOVGRAPH_TRUST_PROXY: '' }).settings.trustProxy).toBe(0);
    for (const bad of ['yes', '-1', '11', '1.5']) {
      expect(() => loadConfig({ GOVGRAPH_TRUST_PROXY: bad })).toThrow(
        `GOVGRAPH_TRUST_PROXY must be the number of proxies in front of GovGraph (0 to 10) (got "${bad}")`,
      );
    }
  });

  it('takes the origins whose pages may use the cookie, and refuses a wildcard or a path', () => {
    expect(
      loadConfig({ GOVGRAPH_CORS_ORIGINS: 'https://Intranet.example.org, http://127.0.0.1:8080/' }).settings
        .corsOrigins,
    ).toEqual(['https://intranet.example.org', 'http://127.0.0.1:8080']);
    for (const bad of ['*', 'https://a.example/path', 'intranet.example.org', 'ftp://a.example']) {
      expect(() => loadConfig({ GOVGRAPH_CORS_ORIGINS: bad })).toThrow(
        `GOVGRAPH_CORS_ORIGINS must be origins such as https://intranet.example.org, separated by commas; "${bad}" is not one`,
      );
    }
  });

  it('refuses a first admin password that is easy to guess, without showing it', () => {
    const admin = { GOVGRAPH_ADMIN_EMAIL: 'admin@example.org' };
    expect(() => loadConfig({ ...admin, GOVGRAPH_ADMIN_PASSWORD: 'passwordpassword' })).toThrow(
      /GOVGRAPH_ADMIN_PASSWORD is too easy to guess/,
    );
    expect(() => loadConfig({ ...admin, GOVGRAPH_ADMIN_PASSWORD: 'short' })).toThrow(
      'GOVGRAPH_ADMIN_PASSWORD must have at least 12 characters',
    );
    try {
      loadConfig({ ...admin, GOVGRAPH_ADMIN_PASSWORD: 'passwordpassword' });
    } catch (error) {
      expect(String(error)).not.toContain('passwordpassword');
    }
    expect(loadConfig({ ...admin, GOVGRAPH_ADMIN_PASSWORD: 'Digitalrat tagt in Bernburg' }).admin?.email).toBe(
      'admin@example.org',
    );
  });

  it('reads the body size limit, in bytes', () => {
    expect(loadConfig({}).settings.maxBodyBytes).toBeUndefined();
    expect(loadConfig({ GOVGRAPH_MAX_BODY_BYTES: ' ' }).settings.maxBodyBytes).toBeUndefined();
    expect(loadConfig({ GOVGRAPH_MAX_BODY_BYTES: '4194304' }).settings.maxBodyBytes).toBe(4_194_304);
    expect(() => loadConfig({ GOVGRAPH_MAX_BODY_BYTES: '1mb' })).toThrow(
      'GOVGRAPH_MAX_BODY_BYTES must be a number of bytes (got "1mb")',
    );
    expect(() => loadConfig({ GOVGRAPH_MAX_BODY_BYTES: '100' })).toThrow('must be at least 1024 bytes');
  });

  it('refuses a flag that is neither true nor false', () => {
    expect(() => loadConfig({ GOVGRAPH_PUBLIC_READ: 'maybe' })).toThrow(
      'GOVGRAPH_PUBLIC_READ must be true or false (got "maybe")',
    );
  });
});

describe('live updates across instances', () => {
  it('stay within the instance unless GOVGRAPH_REDIS_URL is set', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ GOVGRAPH_REDIS_URL: ' ' }).redisUrl).toBeUndefined();
    expect(loadConfig({ GOVGRAPH_REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ GOVGRAPH_REDIS_URL: 'rediss://:secret@cache.example:6380/0' }).redisUrl).toBe(
      'rediss://:secret@cache.example:6380/0',
    );
  });

  it('refuses a URL that is not Redis, and never shows its password', () => {
    expect(() => loadConfig({ GOVGRAPH_REDIS_URL: 'localhost:6379' })).toThrow(
      'Invalid configuration:\n  GOVGRAPH_REDIS_URL must look like redis://host:6379 or rediss://host:6380 (got "localhost:6379")',
    );
    expect(() => loadConfig({ GOVGRAPH_REDIS_URL: 'http://:secret@cache.example:6379' })).toThrow(
      'GOVGRAPH_REDIS_URL must look like redis://host:6379 or rediss://host:6380 (got "http://:***@cache.example:6379")',
    );
  });
});
