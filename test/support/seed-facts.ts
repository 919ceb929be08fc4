import { inject } from 'vitest';
import { buildSeed, type GraphContent, readSeedFiles } from '../../seed/load.js';
import { dateBounds } from '../../shared/model.js';

/**
 * What the seed holds, so that tests read their expectations from it and adding an article changes them too:
 * the one the test Neo4j's setup read, or read here where no setup did.
 */
export const SEED: GraphContent = inject('seedContent') ?? buildSeed(readSeedFiles());

type Fact = (typeof SEED.relations)[number];

/** Every dated event, in the timeline's order: earliest possible day, then id. */
export const EVENTS = SEED.entities
  .filter((e) => e.kind === 'EVENT' && e.date)
  .map((e) => ({ id: e.id, name: e.name, eventType: e.eventType, ...dateBounds(e.date as string) }))
  .sort((a, b) => (a.start === b.start ? (a.id < b.id ? -1 : 1) : a.start < b.start ? -1 : 1));

export const FACTS: readonly Fact[] = SEED.relations;

/** An entity's name as the seed gives it (the id where there is none). */
export const nameOf = (id: string) => SEED.entities.find((e) => e.id === id)?.name ?? id;

/** The facts of an entity, either way round. */
export const factsOf = (id: string, types?: readonly string[]) =>
  FACTS.filter((r) => (r.from === id || r.to === id) && (!types || types.includes(r.type)));

/** The entities one fact away. */
export const neighboursOf = (id: string, types?: readonly string[]) =>
  new Set(factsOf(id, types).map((r) => (r.from === id ? r.to : r.from)));

/** Whether a fact was valid on a day (undated ends are open). */
export const validOn = (day: string) => (r: Fact) =>
  (!r.validFrom || dateBounds(r.validFrom).start <= day) && (!r.validTo || dateBounds(r.validTo).end >= day);
