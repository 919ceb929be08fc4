import { describe, expect, it } from 'vitest';
import type { IntakeProposal } from '../../web/src/editing/api.js';
import {
  addEntity,
  addFact,
  endOf,
  pickEnd,
  type Review,
  reviewOf,
  submissionOf,
} from '../../web/src/editing/intakeReview.js';

function choice(review: Review, key: string) {
  const fact = review.facts[key];
  if (!fact) throw new Error(`no fact ${key}`);
  return fact;
}

const draft = {
  title: 'Neue Leitung im Digitalministerium',
  publishedOn: '2024-05-02',
  url: 'https://example.org/leitung',
  publisher: 'Beispielblatt',
  text: 'Eva Probe leitet ab Juni die Digitalagentur. Lydia Hüskens lobte die Wahl.',
};

function proposal(): IntakeProposal {
  const entity = (key: string, kind: string, name: string, existing: boolean, type: string | null = null) => ({
    key,
    kind,
    name,
    matched: name,
    reason: existing ? 'NAME' : 'NAME_PATTERN',
    role: null,
    type,
    quote: draft.text,
    existing: existing ? { id: key, name } : null,
  });
  const fact = (key: string, type: string, from: string, to: string, confidence: string, existing: string | null) => ({
    key,
    type,
    from,
    to,
    role: null,
    validFrom: null,
    validFromQualifier: null,
    validTo: null,
    validToQualifier: null,
    existing: existing ? { id: existing } : null,
    quote: 'Eva Probe leitet ab Juni die Digitalagentur.',
    reason: 'x',
    confidence,
    basis: { kind: 'CUE', text: 'leitet' },
  });
  return {
    article: { id: 'article:beispielblatt-2024-05-02-leitung', existing: null },
    entities: [
      entity('person:eva-probe', 'PERSON', 'Eva Probe', false),
      entity('org:digitalagentur', 'ORGANIZATION', 'Digitalagentur', false, 'AUTHORITY'),
      entity('person:lydia-hueskens', 'PERSON', 'Lydia Hüskens', true),
      entity('org:mid-sachsen-anhalt', 'ORGANIZATION', 'Ministerium für Infrastruktur und Digitales', true, 'MINISTRY'),
    ],
    dates: [],
    facts: [
      fact('f1', 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:digitalagentur', 'HIGH', null),
      fact('f2', 'SPOKE_ABOUT', 'person:lydia-hueskens', 'person:eva-probe', 'LOW', null),
      fact('f3', 'HOLDS_OFFICE_AT', 'person:lydia-hueskens', 'org:mid-sachsen-anhalt', 'MEDIUM', 'rel:known'),
    ],
  } as unknown as IntakeProposal;
}

describe('reviewing an intake', () => {
  it('ticks certain facts and those the graph knows, and sends new entities with the type the text gave', () => {
    const p = proposal();
    const review = reviewOf(p);
    expect(Object.values(review.facts).map((f) => f.accept)).toEqual([true, false, true]);
    const { input, problems } = submissionOf(p, review, draft);
    expect(problems).toEqual([]);
    expect(input?.newEntities).toEqual([
      { kind: 'PERSON', id: 'person:eva-probe', name: 'Eva Probe' },
      { kind: 'ORGANIZATION', id: 'org:digitalagentur', name: 'Digitalagentur', orgType: 'AUTHORITY' },
    ]);
    expect(input?.facts.map((f) => [f.type, f.from, f.to, f.existing ?? null])).toEqual([
      ['HOLDS_OFFICE_AT', 'person:eva-probe', 'org:digitalagentur', null],
      ['HOLDS_OFFICE_AT', 'person:lydia-hueskens', 'org:mid-sachsen-anhalt', 'rel:known'],
    ]);
    expect(input?.mentions).toEqual(['person:lydia-hueskens', 'org:mid-sachsen-anhalt']);
  });

  it('gives a new entity whose kind the editor changed the id of that kind, and its facts follow', () => {
    const p = proposal();
    let review = reviewOf(p);
    review = {
      ...review,
      entities: {
        ...review.entities,
        'org:digitalagentur': { accept: true, name: 'Digitalagentur', kind: 'INITIATIVE', type: '' },
      },
    };
    // An initiative needs its type, and HOLDS_OFFICE_AT does not reach one: refused before anything is sent.
    expect(submissionOf(p, review, draft)).toEqual({
      input: null,
      problems: [
        { entity: 'org:digitalagentur', problem: 'type' },
        { fact: 'f1', problem: 'kinds' },
      ],
    });
    review = {
      ...review,
      entities: {
        ...review.entities,
        'org:digitalagentur': { accept: true, name: 'Digitalagentur', kind: 'INITIATIVE', type: 'PROJECT' },
      },
    };
    review = { ...review, facts: { ...review.facts, f1: { ...choice(review, 'f1'), type: 'RESPONSIBLE_FOR' } } };
    const { input } = submissionOf(p, review, draft);
    expect(input?.newEntities).toContainEqual({
      kind: 'INITIATIVE',
      id: 'initiative:digitalagentur',
      name: 'Digitalagentur',
      initiativeType: 'PROJECT',
    });
    expect(input?.facts[0]).toMatchObject({
      type: 'RESPONSIBLE_FOR',
      from: 'person:eva-probe',
      to: 'initiative:digitalagentur',
    });
  });

  it('takes an end found in the graph instead of the proposed one, which then no longer counts as known', () => {
    const p = proposal();
    let review = pickEnd(reviewOf(p), 'f3', 'to', {
      id: 'org:digitalrat-sachsen-anhalt',
      name: 'Digitalrat',
      kind: 'ORGANIZATION',
    });
    review = pickEnd(review, 'f1', 'to', {
      id: 'org:digitalrat-sachsen-anhalt',
      name: 'Digitalrat',
      kind: 'ORGANIZATION',
    });
    expect(endOf(p, review, 'org:digitalrat-sachsen-anhalt')).toEqual({
      name: 'Digitalrat',
      kind: 'ORGANIZATION',
      accepted: true,
    });
    const { input } = submissionOf(p, review, draft);
    expect(input?.facts.map((f) => [f.from, f.to, f.existing ?? null])).toEqual([
      ['person:eva-probe', 'org:digitalrat-sachsen-anhalt', null],
      ['person:lydia-hueskens', 'org:digitalrat-sachsen-anhalt', null],
    ]);
  });

  it('creates an entity the editor added in place and uses it as an end', () => {
    const p = proposal();
    let review = addEntity(reviewOf(p), '  Landtag Sachsen-Anhalt ', 'ORGANIZATION', 'PARLIAMENT');
    const key = review.added[0]?.key ?? '';
    review = { ...review, facts: { ...review.facts, f1: { ...choice(review, 'f1'), type: 'MEMBER_OF', to: key } } };
    const { input } = submissionOf(p, review, draft);
    expect(input?.newEntities).toContainEqual({
      kind: 'ORGANIZATION',
      id: 'org:landtag-sachsen-anhalt',
      name: 'Landtag Sachsen-Anhalt',
      orgType: 'PARLIAMENT',
    });
    expect(input?.facts[0]).toMatchObject({ type: 'MEMBER_OF', to: 'org:landtag-sachsen-anhalt' });
  });

  it('refuses a fact from an entity to itself, and a review with nothing accepted', () => {
    const p = proposal();
    const same = { ...reviewOf(p) };
    const looped = {
      ...same,
      facts: { ...same.facts, f1: { ...choice(same, 'f1'), to: 'person:eva-probe', type: 'ADVISES' as const } },
    };
    expect(submissionOf(p, looped, draft).problems).toEqual([{ fact: 'f1', problem: 'sameEnds' }]);
    const none = {
      ...same,
      entities: Object.fromEntries(Object.entries(same.entities).map(([k, e]) => [k, { ...e, accept: false }])),
    };
    expect(submissionOf(p, none, draft)).toEqual({ input: null, problems: [{ problem: 'nothing' }] });
  });

  it('sends a fact the editor added only with the sentence that states it', () => {
    const p = proposal();
    let review = addFact(p, reviewOf(p));
    const key = review.extra[0] ?? '';
    review = {
      ...review,
      facts: { ...review.facts, [key]: { ...choice(review, key), type: 'MEMBER_OF', to: 'org:digitalagentur' } },
    };
    expect(submissionOf(p, review, draft).problems).toEqual([{ fact: key, problem: 'quote' }]);
    review = {
      ...review,
      facts: { ...review.facts, [key]: { ...choice(review, key), quote: 'Eva Probe gehört der Agentur an.' } },
    };
    expect(submissionOf(p, review, draft).input?.facts).toContainEqual(
      expect.objectContaining({
        type: 'MEMBER_OF',
        from: 'person:eva-probe',
        to: 'org:digitalagentur',
        quote: 'Eva Probe gehört der Agentur an.',
      }),
    );
  });
});
