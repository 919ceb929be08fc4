import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELATION_TYPES } from '../../shared/vocabulary.js';
import type { QueryRows, Row } from './rows.js';

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** A Cypher statement; `R` is the shape of the rows it returns (declared in rows.ts). */
export interface CypherQuery<R = Row> {
  readonly name: string;
  readonly text: string;
  /** Never set: carries the row type `R` to the Database calls that run the query. */
  readonly rowType?: R;
}

const QUERY_NAMES = [
  'entities-by-ids',
  'relations-by-ids',
  'relations-of-entities',
  'paths',
  'timeline',
  'mentioned-in',
  'search',
  'neighborhood',
  'count-graph',
  'event-places',
  'entity-regions',
  'relation-counts',
  'article-facts',
  'stats',
  'export-entities',
  'export-relations',
  'export-mentions',
  'import-entities',
  'import-relations',
  'import-mentions',
  'delete-graph',
  'seed-entities',
  'seed-relations',
  'seed-mentions',
  'user-create',
  'user-by-email',
  'admin-count',
  'session-create',
  'session-user',
  'session-alive',
  'session-delete',
  'session-touch',
  'session-rotate',
  'sessions-end',
  'sessions-prune',
  'user-set-role',
  'user-set-password',
  'token-create',
  'token-user',
  'token-revoke',
  'entity-lock',
  'entity-link-count',
  'entities-lock',
  'entity-create',
  'entity-update',
  'entity-delete',
  'entity-relations',
  'article-by-url',
  'article-citers',
  'entity-links',
  'mentions-move',
  'mentions-prune',
  'relation-lock',
  'relation-create',
  'relation-update',
  'relation-delete',
  'relation-ids-like',
  'changes-record',
  'changes-of',
  'intake-dictionary',
  'intake-relations',
  'changes-of-batch',
  'changes-recent',
  'batch-reverted',
  'idempotency-answer',
  'idempotency-claim',
  'idempotency-find',
  'idempotency-join',
  'intake-create',
  'intake-lock',
  'intake-decide',
  'intakes-pending',
  'migration-applied',
  'migration-record',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

const EACH_TYPE = /^[ \t]*\/\/ \{\{each relation type\}\}\n([\s\S]*?)^[ \t]*\/\/ \{\{end\}\}\n/m;

/**
 * A block between `// {{each relation type}}` and `// {{end}}` is repeated for
 * every relation type of the vocabulary, `{{TYPE}}` replaced, the copies
 * joined by UNION ALL: Neo4j indexes relationship properties per type, so a
 * lookup by id across all types is one index seek per type instead of a scan.
 */
export function expandRelationTypes(text: string, types: readonly string[] = RELATION_TYPES): string {
  return text.replace(EACH_TYPE, (_block, body: string) =>
    types.map((type) => body.replaceAll('{{TYPE}}', type)).join('  UNION ALL\n'),
  );
}

/** The row type of query `N` (see rows.ts). */
export type RowOf<N extends QueryName> = N extends keyof QueryRows ? QueryRows[N] : Row;

/** Every query by name, each with the type of its rows. */
export type Queries = { readonly [N in QueryName]: CypherQuery<RowOf<N>> };

function load(): Queries {
  const dir = path.join(CYPHER_DIR, 'queries');
  const present = new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.slice(0, -7)),
  );
  const entries = QUERY_NAMES.map((name) => {
    if (!present.has(name)) throw new Error(`Missing Cypher file cypher/queries/${name}.cypher`);
    return [name, { name, text: expandRelationTypes(readFileSync(path.join(dir, `${name}.cypher`), 'utf8')) }] as const;
  });
  // The row types are declarations about the Cypher files' RETURN clauses: this is where they are attached.
  return Object.fromEntries(entries) as Queries;
}

/** Every query the server runs, read once from cypher/queries/. */
export const Q = load();
