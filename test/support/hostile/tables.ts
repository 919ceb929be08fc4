/** What the hostile-input corpus is made of: the request shape, its categories, and the hostile values. */

export type Caller = 'anonymous' | 'viewer' | 'editor' | 'admin';

export interface BadRequest {
  readonly category: Category;
  readonly name: string;
  readonly method?: string;
  /** Appended to /graphql (a query string for GET). */
  readonly search?: string;
  readonly headers?: Record<string, string>;
  /** A JSON POST by default; strings and bytes are sent as they are. */
  readonly body?: string | Uint8Array | ReadableStream<Uint8Array>;
  readonly as?: Caller;
  /** Sent as it is over a socket, for what fetch refuses to send (a Content-Length that lies). */
  readonly raw?: string;
  /**
   * refused: a 4xx, or errors that each carry a code. handled: the same, or an answer with data and no
   * errors (a search for "OZG*" is hostile-looking input that simply finds OZG).
   */
  readonly expect: 'refused' | 'handled';
  /** The one code the answer must carry, where the corpus knows it. */
  readonly code?: string;
  readonly status?: number;
}

export const CATEGORIES = [
  'malformed body',
  'content type and method',
  'wrong variable types',
  'unknown fields and arguments',
  'Lucene syntax in search',
  'Cypher injection',
  'giant strings and bodies',
  'bad dates',
  'bad cursors',
  'query bombs',
  'batches',
  'fragment cycles',
  'GET mutations',
  'extensions and persisted queries',
  'authentication',
  'malformed ids',
  'control characters',
  'cross-origin',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ids that exist in the seed graph. */
export const SEED = {
  person: 'person:lydia-hueskens',
  law: 'law:ozg',
  article: 'article:kommune21-2024-03-28-ozg-2-0',
  relation: 'rel:ozg-aenderungsgesetz-aendert-ozg',
  region: 'region:15089',
} as const;

export const MAX_BODY_BYTES_UNDER_TEST = 1024 * 1024;

export const json = (payload: unknown) => JSON.stringify(payload);
export const op = (query: string, variables?: Record<string, unknown>) => json({ query, variables });
/** Strings that try to break out of a Cypher string literal or parameter into a query of their own. */
export const CYPHER_INJECTIONS = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "x'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "person:x' OR '1'='1",
  '`) DETACH DELETE n //',
  '$lucene',
  "\\' RETURN 1 //",
  '1 UNION MATCH (n) RETURN n //',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  'CALL dbms.components() YIELD name RETURN name',
  "'; CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) //",
  '/* */ MATCH (n) SET n.name = "pwned"',
  '\u0000\u0001\u001f',
] as const;

/** Lucene's special characters and query syntax, alone and around real words. */
export const LUCENE_QUERIES = [
  ...'+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /'.split(' '),
  'OZG*',
  '*OZG',
  '?ZG',
  'OZ?',
  'O*G',
  'OZG~',
  'OZG~2',
  'OZG^10',
  'OZG^',
  '"OZG',
  'OZG"',
  '"Lydia Hüskens',
  'Hüskens)',
  '(Hüskens',
  '((((((((((',
  '))))))))))',
  'name:Hüskens',
  'searchName:huskens',
  'searchAliases:*',
  '*:*',
  'id:person\\:lydia-hueskens',
  'OZG AND',
  'AND',
  'OR OR OR',
  'NOT',
  'NOT OZG',
  'OZG && Digitalrat',
  'OZG || Digitalrat',
  '-OZG',
  '+OZG -Digitalrat',
  '!OZG',
  '[a TO z]',
  '{a TO z}',
  '[* TO *]',
  '/.*/',
  '/[a-z]+/',
  '\\',
  'OZG\\',
  '\\\\\\',
  'a:b:c:d',
  '"" "" ""',
  'OZG^1e309',
  '~~~~~',
  '*?*?*?*?',
  '<script>alert(1)</script>',
  '%00',
  '\u0000',
  '\uFFFF\uFFFE',
  '\uD800',
  '🏛️ OZG',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  ` ${'a '.repeat(99)}`,
  'a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 '.repeat(2),
];

/** Dates that are not calendar days written YYYY-MM-DD. */
export const BAD_DATES: unknown[] = [
  '2022-02-30',
  '2023-02-29',
  '2022-13-01',
  '2022-00-10',
  '2022-01-32',
  '22-01-01',
  '2022-1-1',
  '2022/01/01',
  '01.09.2022',
  '2022',
  '2022-09',
  '',
  ' ',
  '2022-09-01T00:00:00Z',
  '2022-09-01 ',
  '99999-01-01',
  '0000-00-00',
  '-2022-01-01',
  '２０２２-09-01',
  '2022-09-01\n',
  "2022-09-01' OR 1=1 //",
  'null',
  20220901,
  true,
  { year: 2022 },
  ['2022-09-01'],
];

const offsetCursor = (text: string) => Buffer.from(`OffsetConnection:${text}`).toString('base64');

/** Cursors this API never gave out (it gives base64 of OffsetConnection:<offset>). */
export const BAD_CURSORS = [
  offsetCursor('2147483647'),
  offsetCursor('-1'),
  offsetCursor('1.5'),
  offsetCursor('0x10'),
  offsetCursor('01'),
  offsetCursor(''),
  offsetCursor('1e3'),
  `${offsetCursor('1')}=`,
  'x',
  '',
  '====',
  '%%%',
  'YXJyYXljb25uZWN0aW9uOi0x', // arrayconnection:-1
  Buffer.from('arrayconnection:NaN').toString('base64'),
  Buffer.from('arrayconnection:1.5').toString('base64'),
  Buffer.from('arrayconnection:1e309').toString('base64'),
  Buffer.from('arrayconnection:99999999999999999999999').toString('base64'),
  Buffer.from('arrayconnection:9007199254740993').toString('base64'),
  Buffer.from('arrayconnection:').toString('base64'),
  Buffer.from('arrayconnection: 5').toString('base64'),
  Buffer.from('arrayconnection:0x10').toString('base64'),
  Buffer.from("arrayconnection:1' OR 1=1").toString('base64'),
  Buffer.from('otherconnection:5').toString('base64'),
  'ü'.repeat(50),
  'A'.repeat(10_000),
];

/** Every read field with a connection cursor. */
export const CURSOR_FIELDS = [
  (c: string) => `{ search(query: "OZG", after: ${json(c)}) { totalCount } }`,
  (c: string) => `{ search(query: "OZG", last: 2, before: ${json(c)}) { totalCount } }`,
  (c: string) => `{ timeline(after: ${json(c)}) { totalCount } }`,
  (c: string) => `{ node(id: "${SEED.law}") { ... on Law { relations(after: ${json(c)}) { totalCount } } } }`,
  (c: string) =>
    `{ node(id: "${SEED.law}") { ... on Law { mentionedIn(first: 1, after: ${json(c)}) { totalCount } } } }`,
  (c: string) => `{ article(id: "${SEED.article}") { facts(after: ${json(c)}) { totalCount } } }`,
];

/** Every place a day is an argument. */
export const DATE_FIELDS = [
  'query ($d: Date) { neighborhood(ids: ["law:ozg"], asOf: $d) { truncated } }',
  'query ($d: Date) { paths(from: "law:ozg", to: "person:lydia-hueskens", asOf: $d) { length } }',
  'query ($d: Date) { timeline(from: $d) { totalCount } }',
  'query ($d: Date) { timeline(to: $d) { totalCount } }',
  'query ($d: Date) { node(id: "law:ozg") { ... on Law { relations(asOf: $d) { totalCount } } } }',
  'query ($d: Date) { node(id: "law:ozg") { ... on Law { relationCounts(asOf: $d) { count } } } }',
];

/** Every string argument, with a request that puts a hostile string into it. Mutations are all refused. */
export const STRING_ARGUMENTS: ReadonlyArray<{
  name: string;
  as?: Caller;
  /** The answer to any string may be data: the history of an unknown id is empty, revoking it says false. */
  handled?: true;
  request: (s: string) => string;
}> = [
  { name: 'search.query', request: (s) => op('query ($s: String!) { search(query: $s) { totalCount } }', { s }) },
  { name: 'node.id', request: (s) => op('query ($s: ID!) { node(id: $s) { id } }', { s }) },
  { name: 'nodes.ids', request: (s) => op('query ($s: ID!) { nodes(ids: [$s, "law:ozg"]) { id } }', { s }) },
  { name: 'article.id', request: (s) => op('query ($s: ID!) { article(id: $s) { id } }', { s }) },
  {
    name: 'neighborhood.ids',
    request: (s) => op('query ($s: ID!) { neighborhood(ids: [$s]) { truncated } }', { s }),
  },
  { name: 'paths.from', request: (s) => op('query ($s: ID!) { paths(from: $s, to: "law:ozg") { length } }', { s }) },
  { name: 'paths.to', request: (s) => op('query ($s: ID!) { paths(from: "law:ozg", to: $s) { length } }', { s }) },
  { name: 'timeline.entityId', request: (s) => op('query ($s: ID) { timeline(entityId: $s) { totalCount } }', { s }) },
  { name: 'timeline.regionId', request: (s) => op('query ($s: ID) { timeline(regionId: $s) { totalCount } }', { s }) },
  {
    name: 'search.after',
    request: (s) => op('query ($s: String) { search(query: "OZG", after: $s) { totalCount } }', { s }),
  },
  {
    name: 'history.id',
    as: 'editor',
    handled: true,
    request: (s) => op('query ($s: ID!) { history(id: $s) { id } }', { s }),
  },
  {
    name: 'createEntity.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID) { createEntity(input: { kind: PERSON, id: $s, name: "X" }) { id } }', { s }),
  },
  {
    name: 'createEntity.name (with a wrong kind property)',
    as: 'editor',
    request: (s) =>
      op('mutation ($s: String!) { createEntity(input: { kind: PERSON, name: $s, orgType: MINISTRY }) { id } }', { s }),
  },
  {
    name: 'updateEntity.patch (stale version)',
    as: 'editor',
    request: (s) =>
      op(
        'mutation ($s: String!) { updateEntity(id: "law:ozg", version: 999999, patch: { name: $s, description: $s, aliases: [$s] }) { id } }',
        { s },
      ),
  },
  {
    name: 'updateEntity.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { updateEntity(id: $s, version: 1, patch: { name: "X" }) { id } }', { s }),
  },
  {
    name: 'deleteEntity.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { deleteEntity(id: $s, version: 1) }', { s }),
  },
  {
    name: 'mergeEntities.duplicate',
    as: 'editor',
    request: (s) =>
      op(
        'mutation ($s: ID!) { mergeEntities(survivor: "law:ozg", survivorVersion: 1, duplicate: $s, duplicateVersion: 1) { id } }',
        { s },
      ),
  },
  {
    name: 'createRelation.from',
    as: 'editor',
    request: (s) =>
      op(
        `mutation ($s: ID!) { createRelation(input: { from: $s, to: "law:ozg", type: SUPPORTS, citations: [{ article: "${SEED.article}" }] }) { id } }`,
        { s },
      ),
  },
  {
    name: 'createRelation.role and quote (an end of the wrong kind)',
    as: 'editor',
    request: (s) =>
      op(
        `mutation ($s: String!) { createRelation(input: { from: "law:ozg", to: "law:ozg", type: HOLDS_OFFICE_AT, role: $s, citations: [{ article: "${SEED.article}", quote: $s }] }) { id } }`,
        { s },
      ),
  },
  {
    name: 'createRelation.citations.article',
    as: 'editor',
    request: (s) =>
      op(
        `mutation ($s: ID!) { createRelation(input: { from: "${SEED.person}", to: "law:ozg", type: SUPPORTS, citations: [{ article: $s }] }) { id } }`,
        { s },
      ),
  },
  {
    name: 'updateRelation.patch (stale version)',
    as: 'editor',
    request: (s) =>
      op(
        `mutation ($s: String!) { updateRelation(id: "${SEED.relation}", version: 999999, patch: { role: $s }) { id } }`,
        { s },
      ),
  },
  {
    name: 'deleteRelation.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { deleteRelation(id: $s, version: 1) }', { s }),
  },
  {
    name: 'revertChange.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { revertChange(id: $s) { id } }', { s }),
  },
  {
    name: 'rejectIntake.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { rejectIntake(id: $s, reason: $s) { id } }', { s }),
  },
  {
    name: 'approveIntake.id',
    as: 'editor',
    request: (s) => op('mutation ($s: ID!) { approveIntake(id: $s) { status } }', { s }),
  },
  {
    name: 'submitIntake.article (no facts)',
    as: 'editor',
    request: (s) =>
      op(
        'mutation ($s: String!) { submitIntake(input: { article: { title: $s, publisher: $s, publishedOn: "2024-01-01", url: "https://example.org/a" }, facts: [], text: $s }) { status } }',
        { s },
      ),
  },
  {
    name: 'proposeFacts.article.url',
    as: 'editor',
    request: (s) =>
      op(
        'query ($s: String!) { proposeFacts(article: { title: "T", publishedOn: "2024-01-01", url: $s, text: "Text" }) { facts { key } } }',
        { s },
      ),
  },
  {
    name: 'login.email',
    request: (s) => op('mutation ($s: String!) { login(email: $s, password: "wrong password!") { email } }', { s }),
  },
  {
    name: 'createUser.email',
    as: 'admin',
    request: (s) =>
      op('mutation ($s: String!) { createUser(email: $s, password: "short", role: VIEWER) { id } }', { s }),
  },
  {
    name: 'createApiToken.email',
    as: 'admin',
    request: (s) => op('mutation ($s: String!) { createApiToken(email: $s, name: $s) { id } }', { s }),
  },
  {
    name: 'revokeApiToken.id',
    as: 'admin',
    handled: true,
    request: (s) => op('mutation ($s: ID!) { revokeApiToken(id: $s) }', { s }),
  },
];
