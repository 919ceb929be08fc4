import { ENTITY_KINDS } from '../../../shared/vocabulary.js';
import type { Database, Row } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import type { KnownEntity } from './names.js';
import { IntakeIndex } from './read.js';

/** How long a loaded dictionary serves before it is read again, also when nobody said it changed. */
export const DICTIONARY_TTL_MS = 60_000;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export function knownEntityOf(row: Row): KnownEntity | null {
  const kind = ENTITY_KINDS.find((k) => k === row.kind);
  const name = text(row.name);
  if (!kind || !name || typeof row.id !== 'string') return null;
  return {
    id: row.id,
    kind,
    name,
    aliases: Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === 'string') : [],
    orgType: text(row.orgType),
    level: text(row.level),
    kreisType: text(row.kreisType),
  };
}

/**
 * The intake's dictionary of the graph, read with one query and kept for
 * DICTIONARY_TTL_MS. Edits made through this server call `invalidate()`, so
 * the next proposal sees them at once; edits made elsewhere (another server,
 * an import) show after the TTL. Concurrent callers share one load.
 */
export class IntakeDictionaryCache {
  #index: IntakeIndex | null = null;
  #loadedAt = 0;
  #loading: Promise<IntakeIndex> | null = null;
  #version = 0;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async index(): Promise<IntakeIndex> {
    if (this.#index && this.now() - this.#loadedAt < DICTIONARY_TTL_MS) return this.#index;
    if (!this.#loading) {
      const version = this.#version;
      const loading = this.#load()
        .then((index) => {
          // An invalidation during the load means the result may already be stale: use it, but do not keep it.
          if (version === this.#version) {
            this.#index = index;
            this.#loadedAt = this.now();
          }
          return index;
        })
        .finally(() => {
          if (this.#loading === loading) this.#loading = null;
        });
      this.#loading = loading;
    }
    return this.#loading;
  }

  invalidate(): void {
    this.#version += 1;
    this.#index = null;
    this.#loading = null;
  }

  async #load(): Promise<IntakeIndex> {
    const [rows, relations] = await Promise.all([
      this.db.read(Q['intake-dictionary']),
      this.db.read(Q['intake-relations']),
    ]);
    const entities = rows.map(knownEntityOf).filter((e): e is KnownEntity => e !== null);
    return new IntakeIndex({
      relations,
      entities: entities.filter((e) => e.kind !== 'ARTICLE'),
      articles: rows
        .filter((row) => row.kind === 'ARTICLE' && typeof row.id === 'string')
        .map((row) => ({ id: String(row.id), url: text(row.url) })),
    });
  }
}

const caches = new WeakMap<Database, IntakeDictionaryCache>();

/** One cache per database, shared by all requests of a server. */
export function intakeDictionaryFor(db: Database): IntakeDictionaryCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new IntakeDictionaryCache(db);
    caches.set(db, cache);
  }
  return cache;
}
