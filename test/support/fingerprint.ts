import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { Database } from '../../server/db/database.js';

const stable = configure({ deterministic: true, bigint: false });

/**
 * Everything in the database, hashed: every node with its labels and properties, every relationship with its
 * type, ends and properties; accounts, sessions and the change history included. Equal fingerprints before
 * and after some requests show they changed nothing at all.
 */
export async function graphFingerprint(db: Database): Promise<{ nodes: number; relationships: number; hash: string }> {
  const [nodes, relationships] = await Promise.all([
    db.read({
      name: 'fingerprint-nodes',
      text: 'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties ORDER BY id',
    }),
    db.read({
      name: 'fingerprint-relationships',
      text: `MATCH (a)-[r]->(b)
             RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS properties
             ORDER BY id`,
    }),
  ]);
  const hash = createHash('sha256')
    .update(stable({ nodes, relationships }) ?? '')
    .digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, hash };
}
