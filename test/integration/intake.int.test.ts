import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { createGovGraphYoga, type GovGraphYoga } from '../../server/http/yoga.js';
import { Accounts } from '../../server/services/accounts/accounts.js';
import { loadSeed } from '../../server/services/seed/load.js';
import type { Role } from '../../shared/vocabulary.js';
import { startScratchNeo4j } from '../support/scratch.js';

// proposeFacts needs an editor's account, and accounts are writes: so a Neo4j of its own, with the same seed.
let scratch: Awaited<ReturnType<typeof startScratchNeo4j>>;
let db: Database;
let yoga: GovGraphYoga;
const PASSWORD = 'correct horse battery staple';
const tokens: Partial<Record<Role, string>> = {};

const SOURCE = readFileSync(
  new URL('../../seed/sources/kommune21-2022-08-31-digitalrat-sachsen-anhalt.txt', import.meta.url),
  'utf8',
);
const ARTICLE = {
  title: 'Sachsen-Anhalt: Digitalrat tritt erneut zusammen',
  publishedOn: '2022-08-31',
  url: 'https://www.kommune21.de/meldung_39647_Digitalrat+tritt+erneut+zusammen.html',
  publisher: 'Kommune21',
  text: SOURCE,
};

const PROPOSE = `query ($article: ArticleDraft!) {
  proposeFacts(article: $article) {
    article { id existing { id name } }
    entities { key existing { id name } kind name matched reason role quote }
    dates { date precision text quote }
    facts { key type from to role validFrom validFromQualifier quote reason }
  }
}`;

interface Proposal {
  article: { id: string; existing: { id: string; name: string } | null };
  entities: Array<{
    key: string;
    existing: { id: string; name: string } | null;
    kind: string;
    name: string;
    matched: string;
    reason: string;
    role: string | null;
    quote: string;
  }>;
  dates: Array<{ date: string; precision: string; text: string; quote: string }>;
  facts: Array<{
    key: string;
    type: string;
    from: string;
    to: string;
    role: string | null;
    validFrom: string | null;
    validFromQualifier: string | null;
    quote: string;
    reason: string;
  }>;
}

interface Reply<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function call<T = { proposeFacts: Proposal }>(
  query: string,
  variables: Record<string, unknown>,
  role: Role | 'anonymous' = 'editor',
): Promise<Reply<T>> {
  const response = await yoga.fetch('http://govgraph.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(role === 'anonymous' ? {} : { authorization: `Bearer ${tokens[role]}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Reply<T>;
}
const propose = (article: Record<string, unknown>, role: Role | 'anonymous' = 'editor') =>
  call(PROPOSE, { article }, role);
const count = async () => (await db.read({ name: 'count', text: 'MATCH (n) RETURN count(n) AS n' }))[0]?.n;

beforeAll(async () => {
  scratch = await startScratchNeo4j();
  db = scratch.db;
  await loadSeed(db);
  yoga = createGovGraphYoga(db);
  const accounts = new Accounts(db);
  const admin = await accounts.createUser({ email: 'admin@govgraph.test', password: PASSWORD, role: 'admin' }, 'test');
  for (const role of ['viewer', 'editor'] as const) {
    await accounts.createUser({ email: `${role}@govgraph.test`, password: PASSWORD, role }, admin.email);
  }
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    tokens[role] = (await accounts.createApiToken(`${role}@govgraph.test`, `test ${role}`, admin.email)).token;
  }
});

afterAll(() => scratch?.stop());

describe('proposeFacts', () => {
  it('is for editors: anonymous callers are asked to log in, viewers are refused', async () => {
    const anonymous = await propose(ARTICLE, 'anonymous');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    const viewer = await propose(ARTICLE, 'viewer');
    expect(viewer.errors?.[0]).toMatchObject({
      message: 'Your role (viewer) may not use proposeFacts.',
      extensions: { code: 'FORBIDDEN' },
    });
    for (const role of ['editor', 'admin'] as const) expect((await propose(ARTICLE, role)).errors).toBeUndefined();
  });

  it('proposes from the source article what it names, with the graph entities resolved, and changes nothing', async () => {
    const before = await count();
    const { data, errors } = await propose(ARTICLE);
    expect(errors).toBeUndefined();
    const proposal = data?.proposeFacts;
    expect(proposal?.article).toEqual({
      id: 'article:kommune21-2022-08-31-sachsen-anhalt-digitalrat-tritt-erneut-zusammen',
      existing: null,
    });
    const byKey = new Map(proposal?.entities.map((e) => [e.key, e]));
    expect(byKey.get('person:lydia-hueskens')).toEqual({
      key: 'person:lydia-hueskens',
      existing: { id: 'person:lydia-hueskens', name: 'Lydia Hüskens' },
      kind: 'PERSON',
      name: 'Lydia Hüskens',
      matched: 'Lydia Hüskens',
      reason: 'NAME',
      role: 'Ministerin für Infrastruktur und Digitales',
      quote:
        'Neben der Ministerin für Infrastruktur und Digitales, Lydia Hüskens, dem Landes-CIO Bernd Schlömer und dem Landrat Markus Bauer als Gastgeber waren bei dem Treffen zahlreiche Kommunalvertreter anwesend.',
    });
    expect(byKey.get('org:digitalrat-sachsen-anhalt')).toMatchObject({
      existing: { name: 'Digitalrat Sachsen-Anhalt' },
      reason: 'ALIAS',
      matched: 'Digitalrat',
    });
    expect(byKey.get('region:15')).toMatchObject({ kind: 'REGION', reason: 'REGION', existing: { id: 'region:15' } });
    expect(proposal?.entities.every((e) => e.existing?.id === e.key)).toBe(true);
    expect(proposal?.dates[0]).toEqual({
      date: '2022-08-31',
      precision: 'DAY',
      text: '31.8.2022',
      quote: '[31.8.2022]',
    });
    expect(proposal?.facts.find((f) => f.type === 'HOLDS_OFFICE_AT' && f.from === 'person:lydia-hueskens')).toEqual({
      key: 'rel:lydia-hueskens-holds-office-at-mid-sachsen-anhalt',
      type: 'HOLDS_OFFICE_AT',
      from: 'person:lydia-hueskens',
      to: 'org:mid-sachsen-anhalt',
      role: 'Ministerin für Infrastruktur und Digitales',
      validFrom: '2022-08-31',
      validFromQualifier: 'ON_OR_BEFORE',
      quote: byKey.get('person:lydia-hueskens')?.quote,
      reason:
        'The title „Ministerin für Infrastruktur und Digitales“ of Lydia Hüskens is an office of the Ministerium für Infrastruktur und Digitales. Confidence: high.',
    });
    expect(proposal?.facts.map((f) => `${f.type} ${f.from} ${f.to}`)).toEqual(
      expect.arrayContaining([
        'ADVISES org:digitalrat-sachsen-anhalt org:mid-sachsen-anhalt',
        'REFERS_TO person:bernd-schloemer law:ozg',
      ]),
    );
    expect(await count()).toBe(before);
  });

  it('proposes a new person by title, and says when the article is already in the graph', async () => {
    const { data } = await propose({
      ...ARTICLE,
      url: 'https://destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html',
      text: 'Landrätin Anna Beispiel des Salzlandkreises sprach über die OZG-Umsetzung.',
    });
    expect(data?.proposeFacts.article.existing).toEqual({
      id: 'article:destatis-kreise-2018',
      name: 'Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte am 31.12.2018',
    });
    expect(data?.proposeFacts.entities[0]).toMatchObject({
      key: 'person:anna-beispiel',
      existing: null,
      reason: 'TITLE_PATTERN',
      role: 'Landrätin',
    });
  });

  it('sees an entity an editor just created, without waiting for the cache to expire', async () => {
    const text = 'Staatssekretärin Erika Probefrau betonte die OZG-Umsetzung.';
    const first = await propose({ ...ARTICLE, text });
    expect(first.data?.proposeFacts.entities[0]).toMatchObject({ key: 'person:erika-probefrau', existing: null });
    const created = await call<{ createEntity: { id: string } }>(
      'mutation { createEntity(input: {kind: PERSON, name: "Erika Probefrau", aliases: ["E. Probefrau"]}) { id } }',
      {},
    );
    expect(created.data?.createEntity.id).toBe('person:erika-probefrau');
    const second = await propose({ ...ARTICLE, text });
    expect(second.data?.proposeFacts.entities[0]).toMatchObject({
      key: 'person:erika-probefrau',
      existing: { id: 'person:erika-probefrau' },
      reason: 'NAME',
    });
  });

  it('reads the dictionary once and then from its cache; the entities it names in one batch', async () => {
    await propose(ARTICLE);
    const before = db.roundTrips;
    await propose(ARTICLE);
    // One read for the API token, one for all the entities proposed: none for the dictionary.
    expect(db.roundTrips - before).toBe(2);
  });

  it.each([
    ['title', { title: '  ' }, 'The article is not valid: title must not be empty.'],
    ['title', { title: 'x'.repeat(501) }, 'The article is not valid: title must be at most 500 characters.'],
    [
      'publishedOn',
      { publishedOn: '31.8.2022' },
      'The article is not valid: publishedOn must be a date as YYYY, YYYY-MM or YYYY-MM-DD.',
    ],
    ['publishedOn', { publishedOn: '2022-02-30' }, 'The article is not valid: publishedOn is not a real date.'],
    ['url', { url: 'ftp://example.org/a' }, 'The article is not valid: url must be an http(s) URL.'],
    ['text', { text: ' \n ' }, 'The article is not valid: text must not be empty.'],
    ['text', { text: 'a'.repeat(100_001) }, 'The article is not valid: text must be at most 100000 characters.'],
  ])('refuses a bad %s with BAD_USER_INPUT naming the field', async (field, change, message) => {
    const { data, errors } = await propose({ ...ARTICLE, ...change });
    expect(data ?? null).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', argument: `article.${field}` },
    });
  });

  it('takes a text of the full 100 000 characters', async () => {
    let text = '';
    while (text.length < 100_000) text += `${SOURCE}\n\n`;
    const { data, errors } = await propose({ ...ARTICLE, text: text.slice(0, 100_000) });
    expect(errors).toBeUndefined();
    expect(data?.proposeFacts.entities.length).toBeGreaterThan(20);
  });
});
