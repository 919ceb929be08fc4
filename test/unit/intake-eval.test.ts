import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type EvalArticle,
  evaluateIntake,
  loadEvalSet,
  STYLES,
  scoreArticle,
  seedDictionary,
} from '../../bench/intake/eval.js';
import { IntakeIndex, type IntakeProposal, proposeFacts } from '../../server/services/intake/read.js';

const dictionary = seedDictionary();

const TEXT =
  'Die Landesregierung hat Anna Beispiel zur neuen Beauftragten für Informationstechnik ernannt. ' +
  'Sie folgt auf einen Amtsinhaber, der in den Ruhestand ging. Beispiel war zuvor Referatsleiterin.';

function article(facts: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    style: 'appointment',
    sources: [{ url: 'https://example.org/page', title: 'Page', publisher: 'Example', date: '2024-05' }],
    article: { title: 'Neue CIO', publishedOn: '2024-05-02', text: TEXT },
    new: [{ name: 'Anna Beispiel', kind: 'PERSON' }],
    facts,
    ...extra,
  });
}

describe('the intake evaluation set', () => {
  it('refuses a gold file that is wrong, naming the file and what is wrong', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-eval-'));
    writeFileSync(
      path.join(dir, 'a-unknown.yaml'),
      article([{ type: 'HOLDS_OFFICE_AT', from: 'new:Anna Beispiel', to: 'org:no-such-body' }]),
    );
    writeFileSync(
      path.join(dir, 'b-undeclared.yaml'),
      article([{ type: 'HOLDS_OFFICE_AT', from: 'new:Max Muster', to: 'region:15' }]),
    );
    writeFileSync(
      path.join(dir, 'c-direction.yaml'),
      article([{ type: 'HOLDS_OFFICE_AT', from: 'region:15', to: 'new:Anna Beispiel' }]),
    );
    writeFileSync(
      path.join(dir, 'd-date.yaml'),
      article([{ type: 'HOLDS_OFFICE_AT', from: 'new:Anna Beispiel', to: 'region:15', validFrom: '3.2.2021' }]),
    );
    writeFileSync(path.join(dir, 'e-style.yaml'), article([], { style: 'gossip' }));
    expect(() => loadEvalSet(dictionary, dir)).toThrowError(
      [
        "The intake's evaluation set has problems:",
        '  a-unknown.yaml: facts[0]: org:no-such-body is not in the seed',
        '  b-undeclared.yaml: facts[0]: new:Max Muster is not declared under new:',
        '  c-direction.yaml: facts[0]: HOLDS_OFFICE_AT does not go from REGION to PERSON',
        '  d-date.yaml: facts.0.validFrom: must be YYYY, YYYY-MM or YYYY-MM-DD',
        '  e-style.yaml: style: Invalid option: expected one of "appointment"|"departure"|"meeting"|"legislation"|"funding"|"cooperation"|"contract"|"statement"',
        '  e-style.yaml: facts: Too small: expected array to have >=1 items',
      ].join('\n'),
    );
  });

  it('scores a proposal: a fact counts when its type and both ends are right, a date when value and precision are', () => {
    const gold: EvalArticle = {
      file: 'x.yaml',
      style: 'appointment',
      sources: [],
      article: { title: 'T', publishedOn: '2024-05-02', text: TEXT },
      new: [{ name: 'Anna Beispiel', kind: 'PERSON', aliases: [], match: [] }],
      facts: [
        { type: 'HOLDS_OFFICE_AT', from: 'new:Anna Beispiel', to: 'region:15', validFrom: '2024-05', known: false },
        { type: 'MEMBER_OF', from: 'person:lydia-hueskens', to: 'org:fdp', known: true },
        { type: 'SPOKE_ABOUT', from: 'person:lydia-hueskens', to: 'law:ozg', known: false },
      ],
    };
    const fact = (type: string, from: string, to: string, validFrom: string | null, existingId: string | null = null) =>
      ({
        key: `rel:${from}-${to}`,
        type,
        from,
        to,
        role: null,
        validFrom,
        validFromQualifier: null,
        validTo: null,
        validToQualifier: null,
        existingId,
        quote: '',
        reason: '',
        basis: { kind: 'CUE', text: '' },
        confidence: 'medium',
      }) as IntakeProposal['facts'][number];
    const entity = (key: string, name: string, existingId: string | null) =>
      ({
        key,
        existingId,
        kind: 'PERSON',
        type: null,
        name,
        matched: name,
        reason: 'NAME',
        role: null,
        quote: '',
      }) as const;
    const proposal: IntakeProposal = {
      article: { id: 'article:x', existingId: null },
      entities: [
        entity('person:anna-beispiel', 'Anna Beispiel', null),
        entity('person:lydia-hueskens', 'Lydia Hüskens', 'person:lydia-hueskens'),
        { ...entity('region:15', 'Sachsen-Anhalt', 'region:15'), kind: 'REGION' },
        { ...entity('org:fdp', 'FDP', 'org:fdp'), kind: 'ORGANIZATION' },
      ],
      dates: [],
      facts: [
        // Right ends, date right in value but not in precision.
        fact('HOLDS_OFFICE_AT', 'person:anna-beispiel', 'region:15', '2024-05-01'),
        // Right, and offered as already known.
        fact('MEMBER_OF', 'person:lydia-hueskens', 'org:fdp', null, 'rel:lydia-hueskens-member-of-fdp'),
        // Wrong direction.
        fact('MEMBER_OF', 'org:fdp', 'person:lydia-hueskens', null),
      ],
    };
    const { result } = scoreArticle(gold, proposal);
    expect(result.scores).toMatchObject({
      gold: 3,
      proposed: 3,
      matched: 2,
      precision: 2 / 3,
      recall: 2 / 3,
      dated: 1,
      dateAccuracy: 0,
      known: 1,
      knownRecognised: 1,
      newEntityRecall: 1,
    });
    expect(result.missed).toEqual(['SPOKE_ABOUT person:lydia-hueskens -> law:ozg']);
    expect(result.wrong).toEqual(['MEMBER_OF org:fdp -> person:lydia-hueskens']);
  });

  it('offers a fact the graph already holds as known, with the id of the fact to cite the article for', () => {
    const index = new IntakeIndex(dictionary);
    const known = (dictionary.relations ?? [])
      .filter(
        (r) => r.type === 'HOLDS_OFFICE_AT' && r.from === 'person:lydia-hueskens' && r.to === 'org:mid-sachsen-anhalt',
      )
      .map((r) => r.id);
    expect(known.length).toBeGreaterThan(0);
    const proposal = proposeFacts(
      {
        title: 'Test',
        publishedOn: '2024-05-01',
        url: 'https://example.org/known',
        text: 'In Magdeburg sprach die Ministerin für Infrastruktur und Digitales, Lydia Hüskens, über das Onlinezugangsgesetz.',
      },
      index,
    );
    const office = proposal.facts.find((f) => f.type === 'HOLDS_OFFICE_AT' && f.from === 'person:lydia-hueskens');
    expect(office?.to).toBe('org:mid-sachsen-anhalt');
    expect(known).toContain(office?.existingId);
  });

  it('reads the evaluation set no worse than measured: `npm run bench -- --only intake` prints the same figures', () => {
    const report = evaluateIntake(dictionary);
    // At least 40 articles, five or more of every style the set is made of.
    expect(report.all.articles).toBeGreaterThanOrEqual(40);
    for (const style of STYLES) expect(report.byStyle[style]?.articles, style).toBeGreaterThanOrEqual(5);
    // Floors at the figures measured when they were last raised; raise them with the reader, never lower them.
    expect(report.all.precision).toBeGreaterThanOrEqual(0.78);
    expect(report.all.recall).toBeGreaterThanOrEqual(0.22);
    expect(report.all.dateAccuracy).toBeGreaterThanOrEqual(0.73);
    expect(report.all.newEntityRecall).toBeGreaterThanOrEqual(0.64);
    // Every fact it proposes that the graph holds already is offered as known.
    expect(report.all.knownRecognised).toBe(1);
  });
});
