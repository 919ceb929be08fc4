import { foldGerman } from '../../../shared/fold.js';
import type { Citation, Entity, Figure, Relation } from '../../../shared/model.js';
import type { Database } from '../../db/database.js';
import { Q } from '../../db/queries.js';
import { type EntityRecord, toEntity } from '../../db/records.js';
import { BadInputError } from '../errors.js';
import { type Batch, inBatch, type Publish } from './batch.js';
import { removeEntity, replaceEntity, validEntity } from './entities.js';
import { atVersion, type Locked, type LockedEntity, lockEntity, lockRelation } from './locks.js';
import { replaceRelation, validRelation } from './relations.js';

export interface MergeRequest {
  readonly survivor: string;
  readonly survivorVersion: number;
  readonly duplicate: string;
  readonly duplicateVersion: number;
}

/** Names in order, each once (compared as search compares them: case, umlauts and ß folded), none equal to `except`. */
function distinctNames(names: readonly string[], except: string): string[] {
  const seen = new Set([foldGerman(except)]);
  return names.filter((name) => {
    const key = foldGerman(name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const recite = (citation: Citation, from: string, to: string): Citation =>
  citation.article === from ? { ...citation, article: to } : citation;

/**
 * The survivor as it is after the merge: its own name, description and
 * properties win; the duplicate's name and aliases become aliases; whatever
 * the duplicate knew that the survivor did not (a property, a figure) is kept.
 */
function mergedModel(survivor: Locked, duplicate: Locked): Entity {
  const s = survivor.model as Entity;
  const d = duplicate.model as Entity;
  const filled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(d)) if (s[key as keyof Entity] == null) filled[key] = value;
  const figures = [...(s.figures ?? []), ...(d.figures ?? [])].map(
    (f): Figure => ({ ...f, citation: recite(f.citation, d.id, s.id) }),
  );
  return validEntity({
    ...filled,
    ...s,
    aliases: distinctNames([...(s.aliases ?? []), d.name, ...(d.aliases ?? [])], s.name),
    description: s.description ?? d.description ?? null,
    figures: [...new Map(figures.map((f) => [JSON.stringify(f), f])).values()],
  });
}

/** Moves every fact of the duplicate to the survivor, under the same id, with its properties and citations. */
async function moveRelations(batch: Batch, survivor: string, duplicate: string): Promise<void> {
  const rows = await batch.run(Q['entity-relations'], { id: duplicate });
  const relations = rows.map((row) => {
    const { relation } = row;
    return { id: String(relation.id), from: String(relation.from), to: String(relation.to) };
  });
  const between = relations.filter((r) => [r.from, r.to].every((end) => end === survivor || end === duplicate));
  if (between.length > 0) {
    const ids = between.map((r) => r.id).join(', ');
    throw new BadInputError(
      `${duplicate} cannot be merged into ${survivor}: ${ids} connect${between.length === 1 ? 's' : ''} the two, and would then connect ${survivor} with itself. Delete or change ${between.length === 1 ? 'it' : 'them'} first; nothing was changed.`,
      { argument: 'duplicate' },
    );
  }
  const swap = (end: string) => (end === duplicate ? survivor : end);
  for (const { id } of relations) {
    const current = await lockRelation(batch.run, id);
    if (!current) continue;
    const model = current.model as Relation;
    await replaceRelation(batch, current, validRelation({ ...model, from: swap(model.from), to: swap(model.to) }));
  }
}

/** A duplicate article's facts and figures cite the survivor instead. */
async function reciteArticle(batch: Batch, survivor: string, duplicate: string): Promise<void> {
  const [row] = await batch.run(Q['article-citers'], { id: duplicate });
  for (const id of row?.relations ?? []) {
    const current = await lockRelation(batch.run, id);
    if (!current) continue;
    const model = current.model as Relation;
    const citations = model.citations.map((c) => recite(c, duplicate, survivor));
    await replaceRelation(batch, current, validRelation({ ...model, citations }));
  }
  for (const id of row?.figured ?? []) {
    if (id === survivor) continue;
    const current = await lockEntity(batch.run, id);
    if (!current) continue;
    const model = current.model as Entity;
    const figures = (model.figures ?? []).map((f) => ({ ...f, citation: recite(f.citation, duplicate, survivor) }));
    // The id matched as text, perhaps inside a longer one: only a real change is recorded.
    if (JSON.stringify(figures) === JSON.stringify(model.figures ?? [])) continue;
    await replaceEntity(batch, current, validEntity({ ...model, figures }));
  }
}

async function linksOf(batch: Batch, id: string): Promise<{ mentionedIn: string[]; mentions: string[] }> {
  const [row] = await batch.run(Q['entity-links'], { id });
  return { mentionedIn: [...(row?.mentionedIn ?? [])], mentions: [...(row?.mentions ?? [])] };
}

/** Locks both, in id order (so two merges never wait for each other), each at the version the editor saw. */
async function lockPair(batch: Batch, request: MergeRequest): Promise<[LockedEntity, LockedEntity]> {
  const wanted = [
    { id: request.survivor, version: request.survivorVersion },
    { id: request.duplicate, version: request.duplicateVersion },
  ].sort((a, b) => a.id.localeCompare(b.id));
  const found = new Map<string, LockedEntity>();
  for (const { id, version } of wanted) found.set(id, atVersion(await lockEntity(batch.run, id), id, version));
  return [found.get(request.survivor) as LockedEntity, found.get(request.duplicate) as LockedEntity];
}

/**
 * Merges a duplicate into the survivor in one transaction: its facts move
 * (same ids, types, properties and citations), the articles mentioning it
 * mention the survivor, its names become aliases, and it is deleted. Each
 * step is recorded in one batch, in the order it was done, so a revert can
 * undo it step by step.
 */
export async function mergeEntities(
  db: Database,
  publish: Publish,
  request: MergeRequest,
  by: string,
): Promise<EntityRecord> {
  if (request.survivor === request.duplicate) {
    throw new BadInputError('An entity cannot be merged with itself; name two different ones.', {
      argument: 'duplicate',
    });
  }
  return inBatch(db, publish, { operation: 'mergeEntities', by }, async (batch) => {
    const [survivor, duplicate] = await lockPair(batch, request);
    if (survivor.kind !== duplicate.kind) {
      throw new BadInputError(
        `${duplicate.id} is of kind ${duplicate.kind} and ${survivor.id} of kind ${survivor.kind}; only entities of the same kind can be merged.`,
        { argument: 'duplicate' },
      );
    }
    const merged = mergedModel(survivor, duplicate);
    const had = await linksOf(batch, survivor.id);
    await moveRelations(batch, survivor.id, duplicate.id);
    if (duplicate.kind === 'ARTICLE') await reciteArticle(batch, survivor.id, duplicate.id);
    const [moved] = await batch.run(Q['mentions-move'], { from: duplicate.id, to: survivor.id });
    const has = await linksOf(batch, survivor.id);
    await removeEntity(batch, duplicate, {
      mentionedIn: [...(moved?.mentionedIn ?? [])],
      mentions: [...(moved?.mentions ?? [])],
      mergedInto: survivor.id,
      // What the survivor gained, by moved facts or mentions, is taken back if the merge is reverted.
      gainedIn: has.mentionedIn.filter((id) => !had.mentionedIn.includes(id)),
      gained: has.mentions.filter((id) => !had.mentions.includes(id)),
    });
    // Last, so the duplicate's URL (now the survivor's, if it had none) is free by then.
    return toEntity(await replaceEntity(batch, survivor, merged));
  });
}
