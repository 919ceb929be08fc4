import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeed, readSeedFiles } from '../../seed/load.js';
import { findDates } from '../../server/services/intake/dates.js';
import { genitiveOf } from '../../server/services/intake/genitive.js';
import { findTitledNames } from '../../server/services/intake/people.js';
import {
  type ArticleDraft,
  IntakeIndex,
  type IntakeProposal,
  proposeFacts,
} from '../../server/services/intake/read.js';
import { collapse, splitSentences } from '../../server/services/intake/sentences.js';
import { RelationId } from '../../shared/model.js';
import { kindOfId, relationAllowed } from '../../shared/vocabulary.js';

const seed = buildSeed(readSeedFiles());
const index = new IntakeIndex({
  entities: seed.entities
    .filter((e) => e.kind !== 'ARTICLE')
    .map((e) => ({ ...e, orgType: e.orgType ?? null, level: e.level ?? null, kreisType: e.kreisType ?? null })),
  articles: seed.entities.filter((e) => e.kind === 'ARTICLE').map((e) => ({ id: e.id, url: e.url ?? null })),
});
const SOURCE = readFileSync(
  new URL('../../seed/sources/kommune21-2022-08-31-digitalrat-sachsen-anhalt.txt', import.meta.url),
  'utf8',
);
const DRAFT: ArticleDraft = {
  title: 'Sachsen-Anhalt: Digitalrat tritt erneut zusammen',
  publishedOn: '2022-08-31',
  url: 'https://www.kommune21.de/meldung_39647_Digitalrat+tritt+erneut+zusammen.html',
  publisher: 'Kommune21',
  text: SOURCE,
};
const propose = (text: string, publishedOn = '2024-05-01') =>
  proposeFacts({ title: 'Test', publishedOn, url: 'https://example.org/a', text }, index);
const sentences = (text: string) => splitSentences(text).map((s) => s.text);
const entity = (p: IntakeProposal, key: string) => p.entities.find((e) => e.key === key);
const fact = (p: IntakeProposal, type: string, from: string, to: string) =>
  p.facts.find((f) => f.type === type && f.from === from && f.to === to);

describe('the sentence splitter', () => {
  it('does not split at abbreviations, initials, "z. B." or ordinals', () => {
    expect(
      sentences(
        'Dr. Anna Beispiel sprach am 31. August über Nr. 5, z. B. die 2. Sitzung bzw. Lydia M. Hüskens. Dann ging es weiter.',
      ),
    ).toEqual([
      'Dr. Anna Beispiel sprach am 31. August über Nr. 5, z. B. die 2. Sitzung bzw. Lydia M. Hüskens.',
      'Dann ging es weiter.',
    ]);
  });

  it('splits at ! and ?, keeps a closing quotation mark with its sentence, and splits before an opening one', () => {
    expect(sentences('Sie sehe eine „Kernaufgabe“ darin.“ Wirklich? Ja! „Das OZG“ hilft.')).toEqual([
      'Sie sehe eine „Kernaufgabe“ darin.“',
      'Wirklich?',
      'Ja!',
      '„Das OZG“ hilft.',
    ]);
  });

  it('keeps a year at the end of a sentence as its end', () => {
    expect(sentences('Das Gesetz gilt seit 2022. Die Länder setzen es um.')).toHaveLength(2);
  });

  it('keeps headlines, datelines and paragraphs apart and joins soft-wrapped lines', () => {
    const text =
      'Sachsen-Anhalt:\nDigitalrat tritt erneut zusammen\n\n[31.8.2022] In Sachsen-Anhalt traf der Digitalrat zum zweiten\nMal zusammen. Die Digitalisierung im ländlichen Raum stand im Fokus des Treffens im\nSalzlandkreis.';
    expect(sentences(text)).toEqual([
      'Sachsen-Anhalt:',
      'Digitalrat tritt erneut zusammen',
      '[31.8.2022]',
      'In Sachsen-Anhalt traf der Digitalrat zum zweiten Mal zusammen.',
      'Die Digitalisierung im ländlichen Raum stand im Fokus des Treffens im Salzlandkreis.',
    ]);
  });

  it('gives offsets that point at the sentence in the text', () => {
    for (const s of splitSentences(SOURCE)) expect(collapse(SOURCE.slice(s.start, s.end))).toBe(s.text);
  });
});

describe('dates in German text', () => {
  const dates = (text: string) => findDates(text).map((d) => [d.date, d.precision, d.text]);

  it.each([
    ['am 31. August 2022', '2022-08-31', 'DAY', '31. August 2022'],
    ['am 1. Okt. 2023', '2023-10-01', 'DAY', '1. Okt. 2023'],
    ['am 31.08.2022', '2022-08-31', 'DAY', '31.08.2022'],
    ['[31.8.2022]', '2022-08-31', 'DAY', '31.8.2022'],
    ['am 2022-08-31', '2022-08-31', 'DAY', '2022-08-31'],
    ['im August 2022', '2022-08', 'MONTH', 'August 2022'],
    ['Stand 08/2022', '2022-08', 'MONTH', '08/2022'],
    ['im Jahr 2023', '2023', 'YEAR', 'im Jahr 2023'],
    ['seit 2022', '2022', 'YEAR', '2022'],
  ])('reads "%s" as %s', (text, date, precision, written) => {
    expect(dates(text)).toEqual([[date, precision, written]]);
  });

  it('skips what is not a real date: 31 February, postcodes, versions, quantities', () => {
    expect(dates('am 31.02.2022, 04103 Leipzig, OZG 2.0, 2000 Einwohner, 1234 Fälle')).toEqual([]);
  });

  it('notes whether a date starts or ends something', () => {
    const found = findDates('seit März 2021 und zunächst bis Ende Juni 2025, am 3. Mai 2022');
    expect(found.map((d) => [d.date, d.bound])).toEqual([
      ['2021-03', 'SINCE'],
      ['2025-06', 'UNTIL'],
      ['2022-05-03', null],
    ]);
  });
});

describe('people named with a title', () => {
  const titled = (text: string) =>
    findTitledNames(text, 0, text.length).map((t) => ({
      title: t.title,
      office: t.office?.text ?? null,
      name: t.name.text,
      words: t.nameWords,
    }));

  it('separates the office from the name, with and without a comma', () => {
    expect(
      titled('Neben der Ministerin für Infrastruktur und Digitales, Lydia Hüskens, dem Landes-CIO Bernd Schlömer'),
    ).toEqual([
      { title: 'Ministerin', office: 'für Infrastruktur und Digitales', name: 'Lydia Hüskens', words: 2 },
      { title: 'Landes-CIO', office: null, name: 'Bernd Schlömer', words: 2 },
    ]);
    expect(titled('Landrat des Salzlandkreises Markus Bauer berichtete')).toEqual([
      { title: 'Landrat', office: 'des Salzlandkreises', name: 'Markus Bauer', words: 2 },
    ]);
  });

  it('reads inflected titles, academic degrees and name particles', () => {
    expect(titled('die Rede des Landrats Markus Bauer')[0]?.title).toBe('Landrat');
    expect(titled('Oberbürgermeisterin Dr. Eva Beispiel sagte')[0]).toMatchObject({
      title: 'Oberbürgermeisterin',
      name: 'Eva Beispiel',
    });
    expect(titled('Bürgermeister Hans-Peter von der Heide sagte')[0]?.name).toBe('Hans-Peter von der Heide');
    expect(titled('Prof. Dr. Anna Beispiel sagte')[0]).toMatchObject({ title: 'Prof. Dr.', name: 'Anna Beispiel' });
  });

  it('finds only a surname, or nothing, where no full name follows', () => {
    expect(titled('Staatssekretär Schlömer verwies')).toEqual([
      { title: 'Staatssekretär', office: null, name: 'Schlömer', words: 1 },
    ]);
    expect(titled('Die Digitalministerin betonte die Bedeutung')).toEqual([]);
    expect(titled('im Ministerium für Digitales')).toEqual([]);
    expect(titled('Der Landrat des Salzlandkreises betonte')).toEqual([]);
  });
});

describe('recognising entities', () => {
  const keys = (text: string) => propose(text).entities.map((e) => [e.key, e.matched]);

  it('folds umlauts and their spellings: Hüskens, Hueskens', () => {
    expect(keys('Lydia Hueskens und Lydia Hüskens')).toEqual([['person:lydia-hueskens', 'Lydia Hueskens']]);
  });

  it('matches abbreviations only in capitals', () => {
    expect(keys('Das MID und das OZG.')).toEqual([
      ['org:mid-sachsen-anhalt', 'MID'],
      ['law:ozg', 'OZG'],
    ]);
    expect(keys('Das Mid und das Ozg.')).toEqual([]);
  });

  it('prefers the longest name and never proposes overlapping ones', () => {
    expect(keys('Die OZG-Umsetzung in Sachsen-Anhalt.')).toEqual([
      ['initiative:ozg-umsetzung', 'OZG-Umsetzung'],
      ['region:15', 'Sachsen-Anhalt'],
    ]);
  });

  it('reads a genitive and an adjective ending', () => {
    expect(keys('Die Sitzung des Digitalrats im Gebiet des Salzlandkreises zur digitalen Infrastruktur.')).toEqual([
      // The sitting is an event of its own, named by the body it is of.
      ['event:sitzung-des-digitalrats-sachsen-anhalt', 'Sitzung'],
      ['org:digitalrat-sachsen-anhalt', 'Digitalrats'],
      ['region:15089', 'Salzlandkreises'],
      ['initiative:digitale-infrastruktur', 'digitalen Infrastruktur'],
    ]);
  });

  it('does not run a name across a comma, and names nothing inside a link', () => {
    expect(keys('Stichwörter: Sachsen, Anhalt')).toEqual([
      ['region:14', 'Sachsen'],
      // "Anhalt" alone is no entity.
    ]);
    expect(keys('Mehr unter https://mid.sachsen-anhalt.de und www.sachsen-anhalt.de.')).toEqual([]);
  });

  it('tells the city from the Landkreis of the same name by the word before it', () => {
    expect(keys('In Leipzig und im Landkreis Leipzig')).toEqual([
      ['region:14713', 'Leipzig'],
      ['region:14729', 'Leipzig'],
    ]);
  });

  it('gives regions the reason REGION, names NAME, aliases ALIAS', () => {
    const p = propose('Der Digitalrat Sachsen-Anhalt und der Digitalrat in Bernburg (Saale).');
    expect(p.entities.map((e) => [e.key, e.reason, e.matched])).toEqual([
      ['org:digitalrat-sachsen-anhalt', 'NAME', 'Digitalrat Sachsen-Anhalt'],
      ['region:bernburg-saale', 'REGION', 'Bernburg (Saale)'],
    ]);
  });
});

describe('new people by title', () => {
  it('proposes a person with an id by the editing slug rule, the office as role', () => {
    const p = propose('Landrätin Anna Müller-Lüdenscheid eröffnete die Sitzung.');
    expect(p.entities).toEqual([
      {
        key: 'person:anna-mueller-luedenscheid',
        existingId: null,
        kind: 'PERSON',
        type: null,
        name: 'Anna Müller-Lüdenscheid',
        matched: 'Anna Müller-Lüdenscheid',
        reason: 'TITLE_PATTERN',
        role: 'Landrätin',
        quote: 'Landrätin Anna Müller-Lüdenscheid eröffnete die Sitzung.',
      },
    ]);
  });

  it('reads a name before its title, after a comma or a verb, with the office that follows', () => {
    const titled = (text: string) =>
      findTitledNames(text, 0, text.length).map((t) => [t.name.text, t.title, t.office?.text ?? null]);
    expect(titled('Anna Beispiel, Staatssekretärin im Ministerium der Finanzen, übernimmt die Aufgabe.')).toEqual([
      ['Anna Beispiel', 'Staatssekretärin', 'im Ministerium der Finanzen'],
    ]);
    expect(titled('Seit April ist Max Muster neuer Geschäftsführer der AKDB.')).toEqual([
      ['Max Muster', 'Geschäftsführer', 'der AKDB'],
    ]);
    // A title without a name next to it names nobody.
    expect(titled('Ein Sprecher des Ministeriums erklärte den Wechsel.')).toEqual([]);
  });

  it('takes the body of a compound title as where the office is held: "Bitkom-Präsident Achim Berg"', () => {
    const p = propose('Bitkom-Präsident Achim Berg kritisierte die Novelle scharf.');
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:achim-berg', 'org:bitkom')).toMatchObject({ role: 'Präsident' });
  });

  it('reads a party in brackets after a name as membership', () => {
    const p = propose('Bundesinnenministerin Nancy Faeser (SPD) kündigte eine Erklärung an.');
    expect(fact(p, 'MEMBER_OF', 'person:nancy-faeser', 'org:spd')).toMatchObject({ confidence: 'high' });
  });

  it('proposes bodies, laws and a decision the graph does not hold, with their types, by the form of their names', () => {
    const p = propose(
      'Der Bayerische Landtag hat am 13. Juli 2022 das Bayerische Digitalgesetz verabschiedet. ' +
        'Die Esatus AG und der Landesbetrieb für Statistik und Kommunikationstechnologie lieferten Software.',
    );
    const brief = (key: string) => {
      const e = entity(p, key);
      return e && [e.existingId, e.kind, e.type, e.name, e.reason];
    };
    expect(brief('law:bayerisches-digitalgesetz')).toEqual([
      null,
      'LAW',
      null,
      'Bayerisches Digitalgesetz',
      'NAME_PATTERN',
    ]);
    expect(brief('org:esatus-ag')).toEqual([null, 'ORGANIZATION', 'COMPANY', 'Esatus AG', 'NAME_PATTERN']);
    expect(brief('org:landesbetrieb-fuer-statistik-und-kommunikationstechnologie')?.[2]).toBe('PUBLIC_IT_PROVIDER');
    const vote = 'event:verabschiedung-des-bayerischen-digitalgesetzes';
    expect(brief(vote)).toEqual([
      null,
      'EVENT',
      'DECISION',
      'Verabschiedung des Bayerischen Digitalgesetzes',
      'NAME_PATTERN',
    ]);
    expect(fact(p, 'CONCERNS', vote, 'law:bayerisches-digitalgesetz')).toMatchObject({
      validFrom: '2022-07-13',
      confidence: 'low',
    });
    expect(fact(p, 'PARTICIPATED_IN', 'org:landtag-bayern', vote)).toBeDefined();
    // A bare word for a body ("der Landrat", "das Beratungsgremium") names none.
    expect(propose('Der Landrat lobte das Beratungsgremium.').entities.filter((e) => !e.existingId)).toEqual([]);
  });

  it("dates an office the sentence says has ended by its end, and a fact without a date by the story's day", () => {
    const ended = propose(
      'Anna Beispiel, Präsidentin des Deutschen Landkreistages, ist Ende 2025 in den Ruhestand gegangen.',
      '2026-03-06',
    );
    expect(fact(ended, 'HOLDS_OFFICE_AT', 'person:anna-beispiel', 'org:deutscher-landkreistag')).toMatchObject({
      validFrom: null,
      validTo: '2025',
      validToQualifier: 'EXACT',
    });
    // The sitting was on 18 June; the report appeared later. The office held on the day of the story.
    const story = propose(
      'Am 18. Juni 2018 trat der Beirat erstmals zusammen. Anna Beispiel, Präsidentin des Deutschen Landkreistages, leitet ihn.',
      '2018-06-20',
    );
    expect(fact(story, 'HOLDS_OFFICE_AT', 'person:anna-beispiel', 'org:deutscher-landkreistag')).toMatchObject({
      validFrom: '2018-06-18',
      validFromQualifier: 'ON_OR_BEFORE',
    });
  });

  it('follows "die Ministerin" back to the minister named before, and names a bare "Innenministerium" by the Land', () => {
    const p = propose(
      'In Mecklenburg-Vorpommern hat die Landesregierung die Aufgabe an Thomas Lenz übertragen, Staatssekretär im ' +
        'Innenministerium. Innenministerin Anna Beispiel begrüßte das. Die Ministerin sprach über das Onlinezugangsgesetz.',
    );
    expect(
      fact(p, 'HOLDS_OFFICE_AT', 'person:thomas-lenz', 'org:innenministerium-mecklenburg-vorpommern'),
    ).toBeDefined();
    expect(fact(p, 'SPOKE_ABOUT', 'person:anna-beispiel', 'law:ozg')).toBeDefined();
  });

  it('reads votes on a law, joining a body, and a Land named before a title', () => {
    const votes = propose('Der Bayerische Landtag verabschiedete am 20. Juli 2022 das Bayerische Digitalgesetz.');
    expect(fact(votes, 'SUPPORTS', 'org:landtag-bayern', 'law:bayerisches-digitalgesetz')).toBeDefined();
    const joined = propose('Der Vertrag lief über die Genossenschaft govdigital, der Dataport angehört.');
    expect(fact(joined, 'MEMBER_OF', 'org:dataport', 'org:govdigital')).toBeDefined();
    const land = propose('Niedersachsens Finanzminister Peter-Jürgen Schneider begrüßte die Erweiterung.');
    expect(fact(land, 'HOLDS_OFFICE_AT', 'person:peter-juergen-schneider', 'region:03')).toMatchObject({
      role: 'Finanzminister',
    });
  });

  it("reads a body by the Land the article is about, not another Land's of the same name", () => {
    const p = propose(
      'Sachsen-Anhalt hat einen IT-Chef: Jörg Felgner ist seit April 2011 Staatssekretär im Ministerium der Finanzen.',
    );
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:joerg-felgner', 'org:finanzministerium-sachsen-anhalt')).toBeDefined();
    // "Digitalrat" is an alias of Sachsen-Anhalt's council; in an article about Rheinland-Pfalz it is not that one.
    const other = propose('In Rheinland-Pfalz trat der Digitalrat erstmals zusammen.');
    expect(entity(other, 'org:digitalrat-sachsen-anhalt')).toBeUndefined();
  });

  it('does not read a party or the body a speaker holds office at as what they spoke about', () => {
    const p = propose('Bitkom-Präsident Achim Berg (SPD) sagte, der Bitkom fordere ein neues Onlinezugangsgesetz.');
    expect(p.facts.filter((f) => f.type === 'SPOKE_ABOUT').map((f) => f.to)).not.toContain('org:spd');
    expect(fact(p, 'SPOKE_ABOUT', 'person:achim-berg', 'org:bitkom')).toBeUndefined();
  });

  it('proposes programmes and apps by the word that says what they are', () => {
    const p = propose(
      'Das Land fördert das Projekt „Digitale Dörfer“ und das Landesprogramm „Digitale Modellregionen“; die Corona-Warn-App startete.',
    );
    const brief = (key: string) => {
      const e = entity(p, key);
      return e && [e.kind, e.type, e.name];
    };
    expect(brief('initiative:digitale-doerfer')).toEqual(['INITIATIVE', 'PROJECT', 'Digitale Dörfer']);
    expect(brief('initiative:digitale-modellregionen')).toEqual(['INITIATIVE', 'PROGRAMME', 'Digitale Modellregionen']);
    expect(brief('initiative:corona-warn-app')).toEqual(['INITIATIVE', 'PROJECT', 'Corona-Warn-App']);
  });

  it('recognises people already in the graph instead of proposing them again', () => {
    const p = propose('Landrat Markus Bauer berichtete aus der Praxis.');
    expect(p.entities).toEqual([
      expect.objectContaining({
        key: 'person:markus-bauer',
        existingId: 'person:markus-bauer',
        reason: 'NAME',
        role: 'Landrat',
      }),
    ]);
  });

  it('follows a surname back to the person named in full before, and only then', () => {
    const p = propose('Landrätin Anna Muster leitet den Kreis. Muster sagte, das OZG sei wichtig.');
    expect(p.entities.filter((e) => e.kind === 'PERSON').map((e) => e.key)).toEqual(['person:anna-muster']);
    expect(fact(p, 'SPOKE_ABOUT', 'person:anna-muster', 'law:ozg')?.quote).toBe('Muster sagte, das OZG sei wichtig.');
    expect(propose('Muster sagte, das OZG sei wichtig.').facts).toEqual([]);
  });
});

describe('candidate facts', () => {
  it('an office that names a Kreis: HOLDS_OFFICE_AT the region, the title as role', () => {
    const p = propose('Landrat des Salzlandkreises Markus Bauer sprach über die OZG-Umsetzung.');
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:markus-bauer', 'region:15089')).toMatchObject({
      role: 'Landrat',
      validFrom: '2024-05-01',
      validFromQualifier: 'ON_OR_BEFORE',
      reason: 'The title „Landrat des Salzlandkreises“ of Markus Bauer names Salzlandkreis. Confidence: high.',
      // The same, as data a client says in its own language.
      basis: { kind: 'TITLE_NAMES', text: 'Landrat des Salzlandkreises' },
      confidence: 'high',
    });
    expect(fact(p, 'SPOKE_ABOUT', 'person:markus-bauer', 'initiative:ozg-umsetzung')).toBeDefined();
  });

  it('"Ministerin für X" is an office at the Ministerium für X, even where the ministry is not named', () => {
    const p = propose('Die Ministerin für Infrastruktur und Digitales Lydia Hüskens eröffnete die Sitzung.');
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:lydia-hueskens', 'org:mid-sachsen-anhalt')?.role).toBe(
      'Ministerin für Infrastruktur und Digitales',
    );
    expect(entity(p, 'org:mid-sachsen-anhalt')).toMatchObject({
      reason: 'TITLE_PATTERN',
      matched: 'Ministerin für Infrastruktur und Digitales',
    });
  });

  it('a title and the only fitting place in the sentence: HOLDS_OFFICE_AT, medium confidence', () => {
    const p = propose(
      'Oberbürgermeisterin Dr. Eva Beispiel aus Magdeburg ist seit Januar 2021 Mitglied des Digitalrats.',
    );
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:eva-beispiel', 'region:15003')).toMatchObject({
      reason: expect.stringMatching(/Confidence: medium\.$/),
      basis: { kind: 'TITLE_ONLY_PLACE', text: 'Oberbürgermeisterin' },
      confidence: 'medium',
    });
    expect(fact(p, 'MEMBER_OF', 'person:eva-beispiel', 'org:digitalrat-sachsen-anhalt')).toMatchObject({
      validFrom: '2021-01',
      validFromQualifier: 'EXACT',
    });
    // "der Digitalrat" of an article about Leipzig is not the one of Sachsen-Anhalt.
    const leipzig = propose('Oberbürgermeisterin Eva Beispiel aus Leipzig ist Mitglied des Digitalrats.');
    expect(leipzig.entities.map((e) => e.key)).not.toContain('org:digitalrat-sachsen-anhalt');
    // Two places that would fit: no guess.
    const two = propose('Landrat Max Probe besuchte den Salzlandkreis und den Landkreis Harz.');
    expect(two.facts.filter((f) => f.type === 'HOLDS_OFFICE_AT')).toEqual([]);
  });

  it('speech: a speech verb, "so …" at the end, or only quotation marks (low confidence)', () => {
    expect(
      fact(propose('Lydia Hüskens betonte die Bedeutung des OZG.'), 'SPOKE_ABOUT', 'person:lydia-hueskens', 'law:ozg'),
    ).toBeDefined();
    expect(
      fact(
        propose('Die OZG-Umsetzung sei eine Herausforderung, so Lydia Hüskens.'),
        'SPOKE_ABOUT',
        'person:lydia-hueskens',
        'initiative:ozg-umsetzung',
      ),
    ).toBeDefined();
    const quoted = fact(
      propose('Lydia Hüskens: „Das OZG ist ein Hebel.“'),
      'SPOKE_ABOUT',
      'person:lydia-hueskens',
      'law:ozg',
    );
    expect(quoted?.reason).toMatch(/quotation marks.*Confidence: low\.$/);
  });

  it('those joined by "und" speak together; a place after "in" is where, not what', () => {
    const p = propose('In Sachsen-Anhalt sprachen Thüringen und der Bitkom über die Verwaltungsdigitalisierung.');
    expect(p.facts.map((f) => [f.type, f.from, f.to])).toEqual([
      ['SPOKE_ABOUT', 'region:16', 'initiative:verwaltungsdigitalisierung'],
      ['SPOKE_ABOUT', 'org:bitkom', 'initiative:verwaltungsdigitalisierung'],
    ]);
  });

  it('a passive with "vom": the one after "vom" is the agent', () => {
    const p = propose('Das MID wird vom Digitalrat beraten.');
    expect(p.facts.map((f) => [f.type, f.from, f.to])).toEqual([
      ['ADVISES', 'org:digitalrat-sachsen-anhalt', 'org:mid-sachsen-anhalt'],
    ]);
  });

  it('a separable verb, and only within its clause', () => {
    const p = propose(
      'Während Schleswig-Holstein das OZG-Änderungsgesetz ablehnt, fördert Thüringen die OZG-Umsetzung.',
    );
    expect(p.facts.map((f) => [f.type, f.from, f.to])).toEqual([
      ['OPPOSES', 'region:01', 'law:ozg-aenderungsgesetz'],
      ['SUPPORTS', 'region:16', 'initiative:ozg-umsetzung'],
    ]);
    expect(propose('Im Jahr 2023 lehnte Schleswig-Holstein das OZG-Änderungsgesetz ab.').facts[0]?.reason).toContain(
      '„lehnte … ab“',
    );
  });

  it('events: who hosted, where they took place; organisations: where they are', () => {
    const p = propose(
      'Die Zweite Sitzung des Digitalrats Sachsen-Anhalt fand in Bernburg statt. Markus Bauer war Gastgeber der zweiten Sitzung des Digitalrats Sachsen-Anhalt. Der Kreativraum im Salzlandkreis half.',
    );
    const event = 'event:digitalrat-sachsen-anhalt-2022-sitzung-2';
    expect(p.facts.map((f) => [f.type, f.from, f.to])).toEqual([
      ['TOOK_PLACE_IN', event, 'region:bernburg-saale'],
      ['HOSTED', 'person:markus-bauer', event],
      ['LOCATED_IN', 'org:kreativraum-salzlandkreis', 'region:15089'],
    ]);
  });

  it('reads a body of two genitives, and its founding meeting from "hat sich … konstituiert"', () => {
    const p = propose('Der Beispielrat des Landes und der Kommunen hat sich im Januar 2024 in Mainz konstituiert.');
    const body = 'org:beispielrat-des-landes-und-der-kommunen';
    const event = 'event:konstituierende-sitzung-des-beispielrats-des-landes-und-der-kommunen';
    expect(entity(p, body)).toMatchObject({ name: 'Beispielrat des Landes und der Kommunen', type: 'COUNCIL' });
    expect(fact(p, 'HOSTED', body, event)).toBeDefined();
    expect(fact(p, 'TOOK_PLACE_IN', event, 'region:07315')).toMatchObject({ validFrom: '2024-01' });
  });

  it('finds new people without a title by their first name, and not months or places', () => {
    const both = propose('Emily Probe und Hans-Georg Beispiel teilen sich künftig die Leitung des VITAKO.');
    expect(both.entities.filter((e) => e.kind === 'PERSON').map((e) => [e.name, e.reason])).toEqual([
      ['Emily Probe', 'FIRST_NAME'],
      ['Hans-Georg Beispiel', 'FIRST_NAME'],
    ]);
    const chair = propose('Den Vorsitz des VITAKO übernimmt Katrin Probe.');
    expect(fact(chair, 'HOLDS_OFFICE_AT', 'person:katrin-probe', 'org:vitako')).toBeDefined();
    // "Mai" and "August" are first names in some lists, but here they are months; "Berlin" is a place.
    expect(
      propose('Im Mai Beispiel und im August Probe war es still, sagte man in Berlin Mitte.').entities.map(
        (e) => e.kind,
      ),
    ).not.toContain('PERSON');
    // One the graph holds is that person.
    expect(propose('Lydia Hüskens sprach.').entities[0]).toMatchObject({
      key: 'person:lydia-hueskens',
      reason: 'NAME',
    });
  });

  it('takes no plural body, keeps the -er adjective of a place, and no noun after an article for a first name', () => {
    const names = (text: string) => propose(text).entities.map((e) => e.name);
    expect(names('Die Verwaltungen von Schleswig-Holstein und Mecklenburg-Vorpommern arbeiten zusammen.')).toEqual([
      'Schleswig-Holstein',
      'Mecklenburg-Vorpommern',
    ]);
    expect(names('Schauplatz war das Plauener Landratsamt.')).toEqual(['Plauener Landratsamt']);
    expect(names('Das Land gibt eine Million Euro für das Projekt Digital-Lotsen-Sachsen.')).toEqual([
      'Digital-Lotsen-Sachsen',
    ]);
  });

  it('reads a ministry of several portfolios joined by "und für" or a comma', () => {
    const names = (text: string) => propose(text).entities.map((e) => `${e.key} ${e.name}`);
    expect(names('Eva Probe leitet das Hessische Ministerium des Innern und für Beispiele.')).toContain(
      'org:hessisches-ministerium-des-innern-und-fuer-beispiele Hessisches Ministerium des Innern und für Beispiele',
    );
    expect(names('Er führt das Staatsministerium der Finanzen, für Landesentwicklung und Heimat.')).toEqual([
      'org:finanzministerium-bayern Bayerisches Staatsministerium der Finanzen, für Landesentwicklung und Heimat',
    ]);
  });

  it('reads a new town by "Stadt …", part of the known region it lies in, and a company name in the nominative', () => {
    const p = propose(
      'Die Stadt Beispielstedt im Süden Sachsen-Anhalts wird Mitglied der Kommunalen IT-UNION eG (KITU).',
    );
    expect(entity(p, 'region:beispielstedt')).toMatchObject({ kind: 'REGION', type: 'GEMEINDE' });
    expect(entity(p, 'org:kommunale-it-union-eg')).toMatchObject({ name: 'Kommunale IT-UNION eG', type: 'COMPANY' });
    // "UNION" in capitals is part of that name, not the alias "Union" of a parliamentary group.
    expect(p.entities.map((e) => e.key)).not.toContain('org:cdu-csu-bundestagsfraktion');
    expect(fact(p, 'MEMBER_OF', 'region:beispielstedt', 'org:kommunale-it-union-eg')).toBeDefined();
    expect(fact(p, 'PART_OF', 'region:beispielstedt', 'region:15')).toBeDefined();
    // "im Süden Sachsen-Anhalts" says where, so the Land is not who joins.
    expect(fact(p, 'MEMBER_OF', 'region:15', 'org:kommunale-it-union-eg')).toBeUndefined();
  });

  it('takes a named app for an initiative, and a generic one for none', () => {
    expect(
      propose('Die Regierung plant eine Smartphone-App. Die Beispiel-Warn-App läuft.').entities.map((e) => e.name),
    ).toEqual(['Beispiel-Warn-App']);
  });

  it('reads quotation marks around a name as a name, not as quoted speech', () => {
    const p = propose('Geld bekamen Gelsenkirchen und Aachen im Landesprogramm „Digitale Beispielregionen“.');
    expect(p.entities.map((e) => e.name)).toContain('Digitale Beispielregionen');
    expect(p.facts.filter((f) => f.type === 'SPOKE_ABOUT')).toEqual([]);
  });

  it('places a head of government named without a place in the one Land the article is about', () => {
    const one = propose('Ministerpräsidentin Eva Probe stellte den Plan vor. Das Saarland will digitaler werden.');
    expect(fact(one, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'region:10')).toMatchObject({ confidence: 'low' });
    const two = propose('Ministerpräsidentin Eva Probe stellte den Plan vor. Das Saarland und Bayern wollen das.');
    expect(two.facts.filter((f) => f.from === 'person:eva-probe')).toEqual([]);
  });

  it('names a new event in German after the body or law it is of, and the body holds its own meeting', () => {
    const meeting = propose(
      'Der Beispielrat Rheinland-Pfalz kam am 21. März 2025 zu seiner konstituierenden Sitzung zusammen.',
    );
    const event = 'event:konstituierende-sitzung-des-beispielrats-rheinland-pfalz';
    expect(entity(meeting, event)).toMatchObject({
      name: 'Konstituierende Sitzung des Beispielrats Rheinland-Pfalz',
      type: 'MEETING',
    });
    expect(fact(meeting, 'HOSTED', 'org:beispielrat-rheinland-pfalz', event)).toBeDefined();
    const vote = propose('Am 20. Juli 2022 verabschiedete der Bayerische Landtag das Bayerische Beispielgesetz.');
    const decision = 'event:verabschiedung-des-bayerischen-beispielgesetzes';
    expect(entity(vote, decision)).toMatchObject({
      name: 'Verabschiedung des Bayerischen Beispielgesetzes',
      type: 'DECISION',
    });
    expect(fact(vote, 'PARTICIPATED_IN', 'org:landtag-bayern', decision)).toBeDefined();
    expect(fact(vote, 'HOSTED', 'org:landtag-bayern', decision)).toBeUndefined();
  });

  it('declines names after "des" and "der" by the gender their head noun\'s ending tells, and leaves the rest', () => {
    expect(
      [
        'Digitalrat Rheinland-Pfalz',
        'Ausschuss für Digitales und Staatsmodernisierung',
        'Bayerisches Digitalgesetz',
        'Deutscher Bundestag',
        'IT-Planungsrat',
        'Verwaltungsvereinbarung GovData',
        'Digitales Gremium',
        'Landeszentrale für politische Bildung',
      ].map(genitiveOf),
    ).toEqual([
      'des Digitalrats Rheinland-Pfalz',
      'des Ausschusses für Digitales und Staatsmodernisierung',
      'des Bayerischen Digitalgesetzes',
      'des Deutschen Bundestags',
      'des IT-Planungsrats',
      'der Verwaltungsvereinbarung GovData',
      'des Digitalen Gremiums',
      null,
    ]);
  });

  it('takes validFrom from the sentence: held then for lasting facts, exactly then for events, never an end date', () => {
    const held = propose('Am 3. März 2023 sagte Landrat des Salzlandkreises Markus Bauer etwas über das OZG.');
    expect(fact(held, 'HOLDS_OFFICE_AT', 'person:markus-bauer', 'region:15089')).toMatchObject({
      validFrom: '2023-03-03',
      validFromQualifier: 'ON_OR_BEFORE',
    });
    expect(fact(held, 'SPOKE_ABOUT', 'person:markus-bauer', 'law:ozg')).toMatchObject({
      validFrom: '2023-03-03',
      validFromQualifier: 'EXACT',
    });
    const until = propose('Baden-Württemberg fördert die E-Government-Koordinatoren bis Ende Juni 2025.', '2024-03-28');
    expect(until.facts[0]).toMatchObject({ validFrom: '2024-03-28', validFromQualifier: 'ON_OR_BEFORE' });
  });

  it('reads offices from brackets, "als …" after the name, a chair handed over and a Land before two portfolios', () => {
    const bracketed = propose(
      'Die Urkunden nahmen die Oberbürgermeisterin Eva Probe (Aachen) und Frank Baranowski (Gelsenkirchen) entgegen.',
    );
    expect(fact(bracketed, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'region:aachen')).toMatchObject({
      role: 'Oberbürgermeisterin',
    });
    expect(fact(bracketed, 'HOLDS_OFFICE_AT', 'person:frank-baranowski', 'region:05513')).toBeDefined();
    const als = propose(
      'Geleitet wird die Runde von Eva Probe, die als Präsidentin des VITAKO zugleich Gastgeberin war.',
    );
    expect(fact(als, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:vitako')).toBeDefined();
    const chair = propose('Nach acht Jahren hat Markus Bauer den Vorsitz des VITAKO abgegeben.');
    expect(fact(chair, 'HOLDS_OFFICE_AT', 'person:markus-bauer', 'org:vitako')).toBeDefined();
    const land = propose('Nordrhein-Westfalens Wirtschafts- und Digitalministerin Eva Probe übergab die Bescheide.');
    expect(fact(land, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'region:05')).toBeDefined();
  });

  it('reads a vote with the voter after the verb, a unit of a body, and a member speaking for the party', () => {
    const vote = propose('Im Juli stimmte der Bayerische Landtag für das Onlinezugangsgesetz.');
    expect(fact(vote, 'SUPPORTS', 'org:landtag-bayern', 'law:ozg')).toBeDefined();
    const against = propose('Im Juli stimmte der Bayerische Landtag gegen das Onlinezugangsgesetz.');
    expect(fact(against, 'OPPOSES', 'org:landtag-bayern', 'law:ozg')).toBeDefined();
    expect(fact(against, 'SUPPORTS', 'org:landtag-bayern', 'law:ozg')).toBeUndefined();
    const unit = propose('Seit Mai tagt der Ausschuss für Beispielfragen des Deutschen Bundestages.');
    const committee = unit.entities.find((e) => e.name === 'Ausschuss für Beispielfragen');
    expect(committee && fact(unit, 'PART_OF', committee.key, 'org:bundestag')).toBeDefined();
    const party = propose('Für die Grünen hatte der Abgeordnete Jan Muster den Entwurf verteidigt.');
    expect(fact(party, 'MEMBER_OF', 'person:jan-muster', 'org:gruene')).toBeDefined();
    // Without a member's title, speaking "für die Grünen" is not membership.
    expect(
      fact(
        propose('Für die Grünen hatte Jan Muster den Entwurf verteidigt.'),
        'MEMBER_OF',
        'person:jan-muster',
        'org:gruene',
      ),
    ).toBeUndefined();
  });

  it('finds names by a short form in brackets and by CamelCase after what they are, and again later in the article', () => {
    const short = propose('Grundlage des Beispiel Center Nord (BCN) ist ein Abkommen. Dataport betreibt das BCN.');
    expect(entity(short, 'initiative:beispiel-center-nord')).toMatchObject({ kind: 'INITIATIVE', type: 'PROJECT' });
    expect(fact(short, 'RESPONSIBLE_FOR', 'org:dataport', 'initiative:beispiel-center-nord')).toBeDefined();
    // Initials that do not spell the short form are no name.
    expect(propose('Das sagte der Chef der Beispiel Runde (XYZ) gestern.').entities.map((e) => e.kind)).not.toContain(
      'INITIATIVE',
    );
    const platform = propose(
      'Für das Datenportal ProbeData gilt die Verwaltungsvereinbarung ProbeData. Dataport betreibt ProbeData.',
    );
    expect(platform.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining(['ProbeData', 'Verwaltungsvereinbarung ProbeData']),
    );
    expect(platform.entities.map((e) => e.name)).not.toContain('Datenportal');
    expect(fact(platform, 'RESPONSIBLE_FOR', 'org:dataport', 'initiative:probedata')).toBeDefined();
  });

  it('reads the Land from an adjective before a title, city-states named with Länder as Länder, and renamed ministries', () => {
    const senator = propose('Die Hamburger Justizsenatorin Eva Probe lobte den Verbund.');
    expect(fact(senator, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'region:02')).toBeDefined();
    const minister = propose('Der bayerische Digitalminister Fabian Mehring sprach in Nürnberg.');
    expect(fact(minister, 'HOLDS_OFFICE_AT', 'person:fabian-mehring', 'org:stmd-bayern')).toBeDefined();
    expect(propose('Berlin, Hamburg und Sachsen unterzeichneten.').entities.map((e) => e.key)).toEqual([
      'region:11',
      'region:02',
      'region:14',
    ]);
    expect(propose('In Berlin wurde gefeiert.').entities.map((e) => e.key)).toEqual(['region:11000']);
    const renamed = propose('Er arbeitet im Niedersächsischen Ministerium für Inneres, Sport und Beispiele.');
    expect(renamed.entities.map((e) => e.key)).toEqual(['org:innenministerium-niedersachsen']);
    const named = propose(
      'Das teilte Eva Probe, Minister des Innern und für Kommunales des Landes Brandenburg, am Montag mit.',
    );
    expect(fact(named, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:innenministerium-brandenburg')).toBeDefined();
  });

  it('reads a name after a noun with its determiner, an office no longer held, and whose ministry it is', () => {
    const given = propose('Die Regierung hat diese Aufgabe Eva Probe übertragen, der Präsidentin des VITAKO.');
    expect(given.entities.map((e) => e.name)).toContain('Eva Probe');
    expect(fact(given, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:vitako')).toBeDefined();
    const ended = propose('Eva Probe ist nicht länger Präsidentin des VITAKO.', '2024-05-01');
    expect(fact(ended, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:vitako')).toMatchObject({
      validFrom: null,
      validTo: '2024-05-01',
      validToQualifier: 'ON_OR_BEFORE',
    });
    const whose = propose('Das Innenministerium von Minister Eva Probe (CDU) begründet die Neuordnung.');
    expect(whose.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Innenministerium', 'Eva Probe']));
    expect(fact(whose, 'MEMBER_OF', 'person:eva-probe', 'org:cdu')).toBeDefined();
  });

  it('keeps a region inside the name of a body, reads a Land after the head, and finds the body of that Land in the graph', () => {
    const keys = (text: string) => propose(text).entities.map((e) => `${e.key} ${e.name}`);
    expect(keys('Der Beispielrat des Saarlandes war nicht mehr aktiv.')).toEqual([
      'org:beispielrat-des-saarlandes Beispielrat des Saarlandes',
    ]);
    expect(keys('Das Beispielzentrum Sachsen-Anhalt wird aufgelöst.')).toEqual([
      'org:beispielzentrum-sachsen-anhalt Beispielzentrum Sachsen-Anhalt',
    ]);
    // "in" names where a body is, not which: the region stays a place.
    expect(keys('Der Beispielrat in Magdeburg tagte.')).toContain('region:15003 Magdeburg');
    expect(keys('Der Städte- und Gemeindetag Mecklenburg-Vorpommern unterschrieb.')).toEqual([
      'org:staedte-und-gemeindetag-mecklenburg-vorpommern Städte- und Gemeindetag Mecklenburg-Vorpommern',
    ]);
    expect(keys('Der Landtag Bayern stimmte ab.')).toContain('org:landtag-bayern Bayerischer Landtag');
  });

  it('dates a present office by the month of the story when the article names only that month', () => {
    const p = propose(
      'Der Beispielrat hat sich im Januar 2024 gegründet. Geleitet wird er von Eva Probe, Präsidentin des VITAKO.',
      '2024-01-19',
    );
    expect(fact(p, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:vitako')).toMatchObject({
      validFrom: '2024-01',
      validFromQualifier: 'ON_OR_BEFORE',
    });
    // A month long before the article is not the day of its story.
    const older = propose(
      'Der Beispielrat hat sich im Januar 2019 gegründet. Geleitet wird er von Eva Probe, Präsidentin des VITAKO.',
      '2024-01-19',
    );
    expect(fact(older, 'HOLDS_OFFICE_AT', 'person:eva-probe', 'org:vitako')).toMatchObject({ validFrom: '2024-01-19' });
  });

  it('proposes nothing where no words state a relation', () => {
    expect(propose('Lydia Hüskens, das OZG und der Digitalrat. Markus Bauer im Salzlandkreis.').facts).toEqual([]);
  });
});

describe('the source article (Kommune21, 31.8.2022)', () => {
  const p = proposeFacts(DRAFT, index);
  const body = SOURCE.slice(0, SOURCE.indexOf('Stichwörter'));
  const inBody = proposeFacts({ ...DRAFT, text: body }, index);

  it('recognises the people, bodies and regions it names, all already in the graph', () => {
    expect(entity(p, 'person:lydia-hueskens')).toMatchObject({
      existingId: 'person:lydia-hueskens',
      reason: 'NAME',
      matched: 'Lydia Hüskens',
      role: 'Ministerin für Infrastruktur und Digitales',
    });
    expect(entity(p, 'person:bernd-schloemer')?.role).toBe('Landes-CIO, Staatssekretär');
    expect(entity(p, 'person:markus-bauer')?.role).toBe('Landrat');
    expect(entity(p, 'org:digitalrat-sachsen-anhalt')).toMatchObject({ reason: 'ALIAS', matched: 'Digitalrat' });
    expect(entity(p, 'org:mid-sachsen-anhalt')).toMatchObject({
      reason: 'NAME',
      quote:
        'In Sachsen-Anhalt wird das Ministerium für Infrastruktur und Digitales (MID) vom Digitalrat in den Bereichen Technologie, Innovation und Digitalisierung beraten.',
    });
    expect(entity(p, 'region:15')).toMatchObject({
      reason: 'REGION',
      quote: 'In Sachsen-Anhalt traf der Digitalrat zum zweiten Mal zusammen.',
    });
    for (const key of ['region:15089', 'region:bernburg-saale', 'law:ozg', 'initiative:ozg-umsetzung']) {
      expect(entity(p, key)).toBeDefined();
    }
    expect(inBody.entities.filter((e) => e.existingId === null)).toEqual([]);
  });

  it('proposes each entity once, and no article', () => {
    const keys = p.entities.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => kindOfId(k) === 'ARTICLE')).toEqual([]);
  });

  it('finds the dateline 31.8.2022 and the later dates', () => {
    expect(p.dates[0]).toEqual({ date: '2022-08-31', precision: 'DAY', text: '31.8.2022', quote: '[31.8.2022]' });
    expect(p.dates.map((d) => d.date)).toEqual([
      '2022-08-31',
      '2024-04-09',
      '2024-04-03',
      '2024-03-28',
      '2025-06',
      '2024-03-06',
    ]);
  });

  it('proposes the facts the article states in words, each a fact the seed editors also found', () => {
    expect(fact(inBody, 'HOLDS_OFFICE_AT', 'person:lydia-hueskens', 'org:mid-sachsen-anhalt')).toMatchObject({
      key: 'rel:lydia-hueskens-holds-office-at-mid-sachsen-anhalt',
      role: 'Ministerin für Infrastruktur und Digitales',
      validFrom: '2022-08-31',
      validFromQualifier: 'ON_OR_BEFORE',
      quote:
        'Neben der Ministerin für Infrastruktur und Digitales, Lydia Hüskens, dem Landes-CIO Bernd Schlömer und dem Landrat Markus Bauer als Gastgeber waren bei dem Treffen zahlreiche Kommunalvertreter anwesend.',
    });
    expect(fact(inBody, 'ADVISES', 'org:digitalrat-sachsen-anhalt', 'org:mid-sachsen-anhalt')).toBeDefined();
    expect(fact(inBody, 'REFERS_TO', 'person:bernd-schloemer', 'law:ozg')?.quote).toBe(
      'Staatssekretär Schlömer verwies auf das Onlinezugangsgesetz.',
    );
    const stated = new Set(seed.relations.map((r) => `${r.type} ${r.from} ${r.to}`));
    expect(inBody.facts.map((f) => `${f.type} ${f.from} ${f.to}`).filter((f) => !stated.has(f))).toEqual([]);
  });

  it('quotes whole sentences verbatim and only relates entities it proposes, by the vocabulary', () => {
    const text = collapse(SOURCE);
    const kinds = new Map(p.entities.map((e) => [e.key, e.kind]));
    for (const item of [...p.entities, ...p.dates, ...p.facts]) expect(text).toContain(item.quote);
    for (const f of p.facts) {
      const [from, to] = [kinds.get(f.from), kinds.get(f.to)];
      expect(from && to && relationAllowed(f.type, from, to)).toBe(true);
      expect(RelationId.safeParse(f.key).success).toBe(true);
      expect(f.reason).toMatch(/Confidence: (high|medium|low)\.$/);
    }
    expect(new Set(p.facts.map((f) => f.key)).size).toBe(p.facts.length);
  });

  it('suggests an article id and spots an article already in the graph by its URL', () => {
    expect(p.article).toEqual({
      id: 'article:kommune21-2022-08-31-sachsen-anhalt-digitalrat-tritt-erneut-zusammen',
      existingId: null,
    });
    const destatis = proposeFacts(
      {
        ...DRAFT,
        url: 'http://destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html/',
      },
      index,
    );
    expect(destatis.article.existingId).toBe('article:destatis-kreise-2018');
  });
});
