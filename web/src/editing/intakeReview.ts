import { idFor } from '../../../shared/ids.js';
import { ENTITY_KINDS, type EntityKind, type RelationType } from '../../../shared/vocabulary.js';
import type { DateQualifier, IntakeInput } from '../generated/graphql.js';
import type { IntakeProposal } from './api.js';
import { type FieldSpec, fieldsOf, typesBetween } from './rules.js';

/** What the editor made of one proposed entity: taken or not, under which name and kind. */
export interface EntityChoice {
  readonly accept: boolean;
  readonly name: string;
  readonly kind: EntityKind;
  /** The organisation's or event's type, as proposed or chosen; '' when none. */
  readonly type: string;
}

/** An entity the editor adds while reviewing, because the article names it and the reader missed it. */
export interface AddedEntity {
  readonly key: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly type: string;
}

/** An entity of the graph the editor chose by search, as the end of a fact. */
export interface PickedEntity {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

export interface FactChoice {
  readonly accept: boolean;
  readonly type: RelationType;
  /** The fact's ends: the key of a proposed or added entity, or the id of one picked from the graph. */
  readonly from: string;
  readonly to: string;
  readonly role: string;
  readonly validFrom: string;
  readonly validFromQualifier: string;
  readonly validTo: string;
  readonly validToQualifier: string;
  readonly quote: string;
}

/** Everything the editor decided about an article's proposals. */
export interface Review {
  readonly entities: Readonly<Record<string, EntityChoice>>;
  readonly added: readonly AddedEntity[];
  readonly picked: Readonly<Record<string, PickedEntity>>;
  readonly facts: Readonly<Record<string, FactChoice>>;
  /** Keys of the facts the editor added, in the order added; their choices are in `facts`. */
  readonly extra: readonly string[];
}

/** Kinds an editor may give an entity of an article (the article itself is not one of them). */
export const NAMED_KINDS: readonly EntityKind[] = ENTITY_KINDS.filter((kind) => kind !== 'ARTICLE');

/** The first reading: everything proposed, certain facts and facts the graph knows ticked. */
export function reviewOf(proposal: IntakeProposal): Review {
  return {
    entities: Object.fromEntries(
      proposal.entities.map((e) => [
        e.key,
        { accept: true, name: e.name, kind: e.kind as EntityKind, type: e.type ?? '' } satisfies EntityChoice,
      ]),
    ),
    added: [],
    picked: {},
    extra: [],
    facts: Object.fromEntries(
      proposal.facts.map((f) => [
        f.key,
        {
          // A fact the graph holds only gains a source: offered ticked, as it adds nothing new.
          accept: f.confidence === 'HIGH' || f.existing !== null,
          type: f.type as RelationType,
          from: f.from,
          to: f.to,
          role: f.role ?? '',
          validFrom: f.validFrom ?? '',
          validFromQualifier: f.validFromQualifier ?? '',
          validTo: f.validTo ?? '',
          validToQualifier: f.validToQualifier ?? '',
          quote: f.quote,
        } satisfies FactChoice,
      ]),
    ),
  };
}

/** One end of a fact as the editor sees it now. */
export interface End {
  readonly name: string;
  readonly kind: EntityKind | null;
  /** False when the editor declined the proposed entity: a fact with it cannot be saved. */
  readonly accepted: boolean;
}

export function endOf(proposal: IntakeProposal, review: Review, key: string): End {
  const proposed = proposal.entities.find((e) => e.key === key);
  if (proposed) {
    const choice = review.entities[key];
    return {
      name: proposed.existing ? proposed.existing.name : choice?.name || proposed.name,
      kind: choice?.kind ?? (proposed.kind as EntityKind),
      accepted: choice?.accept ?? false,
    };
  }
  const added = review.added.find((e) => e.key === key);
  if (added) return { name: added.name || key, kind: added.kind, accepted: true };
  const picked = review.picked[key];
  if (picked) return { name: picked.name, kind: picked.kind, accepted: true };
  return { name: key, kind: null, accepted: false };
}

/** The fact's type fits the kinds its ends have now (after the editor changed a kind or an end). */
export function typeFits(proposal: IntakeProposal, review: Review, fact: FactChoice): boolean {
  return typesBetween(endOf(proposal, review, fact.from).kind, endOf(proposal, review, fact.to).kind).includes(
    fact.type,
  );
}

/** Adds an entity the reader missed; its key is local to the review until it is saved. */
export function addEntity(review: Review, name: string, kind: EntityKind, type: string): Review {
  const key = `added:${review.added.length + 1}`;
  return { ...review, added: [...review.added, { key, name: name.trim(), kind, type }] };
}

/**
 * Adds a fact the reader missed, between the first two entities of the article (the editor picks the right
 * ones), ticked; the editor gives the sentence that states it.
 */
export function addFact(proposal: IntakeProposal, review: Review): Review {
  const key = `added-fact:${review.extra.length + 1}`;
  const keys = [...proposal.entities.map((e) => e.key), ...review.added.map((e) => e.key)];
  const from = keys[0] ?? '';
  const to = keys[1] ?? from;
  const kinds = typesBetween(endOf(proposal, review, from).kind, endOf(proposal, review, to).kind);
  const fact: FactChoice = {
    accept: true,
    type: kinds[0] ?? 'SPOKE_ABOUT',
    from,
    to,
    role: '',
    validFrom: '',
    validFromQualifier: '',
    validTo: '',
    validToQualifier: '',
    quote: '',
  };
  return { ...review, extra: [...review.extra, key], facts: { ...review.facts, [key]: fact } };
}

/** Makes an entity of the graph, found by search, the given end of a fact. */
export function pickEnd(review: Review, factKey: string, end: 'from' | 'to', entity: PickedEntity): Review {
  const fact = review.facts[factKey];
  if (!fact) return review;
  return {
    ...review,
    picked: { ...review.picked, [entity.id]: entity },
    facts: { ...review.facts, [factKey]: { ...fact, [end]: entity.id } },
  };
}

export interface Draft {
  readonly title: string;
  readonly publishedOn: string;
  readonly url: string;
  readonly publisher: string;
  readonly text: string;
}

/** What is wrong with the review before it can be saved, one line per problem (empty: it can be). */
export interface Submission {
  readonly input: IntakeInput | null;
  readonly problems: readonly { readonly fact?: string; readonly entity?: string; readonly problem: string }[];
}

/** The field that says what sort of thing an entity of a kind is (orgType, level …): the form's required choice. */
export function typeFieldOf(kind: EntityKind): FieldSpec | null {
  return fieldsOf(kind).find((field) => field.type === 'choice' && field.required) ?? null;
}

/** The type as the attribute its kind needs, or null when the kind needs one and it is missing or not of its list. */
function typedFields(kind: EntityKind, type: string): Record<string, string> | null {
  const field = typeFieldOf(kind);
  if (!field) return {};
  return field.options?.some((option) => option.value === type) ? { [field.name]: type } : null;
}

/**
 * The intake to send: the article, the new entities the accepted facts need or the editor kept, the accepted
 * facts with their ends as ids, and the known entities named without a fact. A new entity's id follows its
 * kind, so an entity whose kind the editor changed gets the id of that kind.
 */
export function submissionOf(proposal: IntakeProposal, review: Review, draft: Draft): Submission {
  const problems: Array<Submission['problems'][number]> = [];
  const ids = new Map<string, string>();
  const newEntities: IntakeInput['newEntities'] = [];
  for (const e of proposal.entities) {
    const choice = review.entities[e.key];
    if (e.existing || !choice?.accept) continue;
    const name = choice.name.trim() || e.name;
    const id = choice.kind === e.kind ? e.key : idFor(choice.kind, name);
    ids.set(e.key, id);
    const typed = typedFields(choice.kind, choice.type);
    if (!typed) problems.push({ entity: e.key, problem: 'type' });
    newEntities.push({ kind: choice.kind, id, name, ...typed });
  }
  for (const e of review.added) {
    if (!e.name) {
      problems.push({ entity: e.key, problem: 'name' });
      continue;
    }
    const id = idFor(e.kind, e.name);
    ids.set(e.key, id);
    const typed = typedFields(e.kind, e.type);
    if (!typed) problems.push({ entity: e.key, problem: 'type' });
    newEntities.push({ kind: e.kind, id, name: e.name, ...typed });
  }
  const idOf = (key: string) => ids.get(key) ?? key;

  const facts: IntakeInput['facts'] = [];
  const all = [
    ...proposal.facts.map((f) => ({ key: f.key, proposed: f })),
    ...review.extra.map((key) => ({ key, proposed: null })),
  ];
  for (const { key, proposed } of all) {
    const r = review.facts[key];
    if (!r?.accept) continue;
    const from = endOf(proposal, review, r.from);
    const to = endOf(proposal, review, r.to);
    if (!from.accepted || !to.accepted) continue;
    if (idOf(r.from) === idOf(r.to)) {
      problems.push({ fact: key, problem: 'sameEnds' });
      continue;
    }
    if (!typeFits(proposal, review, r)) {
      problems.push({ fact: key, problem: 'kinds' });
      continue;
    }
    const quote = r.quote.trim() || proposed?.quote || '';
    if (!quote) {
      problems.push({ fact: key, problem: 'quote' });
      continue;
    }
    // Still the fact the graph holds only while nothing that makes it that fact was changed.
    const known =
      proposed?.existing && r.type === proposed.type && r.from === proposed.from && r.to === proposed.to
        ? proposed.existing.id
        : null;
    facts.push({
      type: r.type,
      from: idOf(r.from),
      to: idOf(r.to),
      role: r.role.trim() || null,
      validFrom: r.validFrom.trim() || null,
      validFromQualifier: r.validFrom.trim() ? ((r.validFromQualifier || null) as DateQualifier | null) : null,
      validTo: r.validTo.trim() || null,
      validToQualifier: r.validTo.trim() ? ((r.validToQualifier || null) as DateQualifier | null) : null,
      quote,
      ...(known ? { existing: known } : {}),
    });
  }
  const mentions = proposal.entities.filter((e) => e.existing && review.entities[e.key]?.accept).map((e) => e.key);
  if (problems.length > 0) return { input: null, problems };
  if (facts.length === 0 && newEntities.length === 0 && mentions.length === 0)
    return { input: null, problems: [{ problem: 'nothing' }] };
  return {
    input: {
      article: {
        id: proposal.article.id,
        title: draft.title.trim(),
        publishedOn: draft.publishedOn.trim(),
        url: draft.url.trim(),
        publisher: draft.publisher.trim(),
      },
      text: draft.text,
      newEntities,
      facts,
      mentions,
      // Fields left out are absent on purpose: the server fills defaults and checks the rest.
    },
    problems: [],
  };
}
