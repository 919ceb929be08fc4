/**
 * The hostile-input corpus: bad requests generated from tables (what to send × where to put it), each
 * answered by a real GovGraph over HTTP. test/integration/hostile-input.int.test.ts sends them.
 */

import {
  contentTypesAndMethods,
  cypherInjection,
  giantInput,
  luceneSyntax,
  malformedBodies,
  unknownFieldsAndArguments,
  wrongVariableTypes,
} from './requests.js';
import {
  BAD_CURSORS,
  BAD_DATES,
  type BadRequest,
  CURSOR_FIELDS,
  DATE_FIELDS,
  json,
  op,
  SEED,
  STRING_ARGUMENTS,
} from './tables.js';

/** Bad requests about what a request asks: dates, cursors, bombs, batches, fragments, GET, extensions, roles. */

function* badDates(): Generator<BadRequest> {
  for (const field of DATE_FIELDS) {
    for (const date of BAD_DATES) {
      yield {
        category: 'bad dates',
        name: `${field.slice(17, 60)} = ${JSON.stringify(date)}`,
        body: op(field, { d: date }),
        expect: 'refused',
      };
    }
  }
  for (const date of ['2022-02-30', '2022-13', 'gestern', '2022-09-01T10:00', '']) {
    yield {
      category: 'bad dates',
      name: `createRelation.validFrom = ${JSON.stringify(date)}`,
      as: 'editor',
      body: op(
        `mutation ($d: String) { createRelation(input: { from: "${SEED.person}", to: "law:ozg", type: SUPPORTS, validFrom: $d, citations: [{ article: "${SEED.article}" }] }) { id } }`,
        { d: date },
      ),
      expect: 'refused',
    };
    yield {
      category: 'bad dates',
      name: `createEntity.date = ${JSON.stringify(date)}`,
      as: 'editor',
      body: op(
        'mutation ($d: String) { createEntity(input: { kind: EVENT, name: "E", eventType: MEETING, date: $d }) { id } }',
        {
          d: date,
        },
      ),
      expect: 'refused',
    };
  }
  yield {
    category: 'bad dates',
    name: 'a literal date that is not a string',
    body: op('{ timeline(from: 20220901) { totalCount } }'),
    expect: 'refused',
  };
  yield {
    category: 'bad dates',
    name: 'to before from',
    body: op('{ timeline(from: "2023-01-01", to: "2022-01-01") { totalCount } }'),
    expect: 'refused',
  };
}

function* badCursors(): Generator<BadRequest> {
  for (const field of CURSOR_FIELDS) {
    for (const cursor of BAD_CURSORS) {
      yield {
        category: 'bad cursors',
        name: `${field('…').slice(2, 40)} cursor ${cursor.slice(0, 30)}`,
        body: op(field(cursor)),
        // An empty cursor is no cursor this API gave out either.
        expect: 'refused',
        code: 'BAD_USER_INPUT',
      };
    }
  }
}

/** `depth` levels of relations → to → relations → …, one more than the depth limit allows. */
const deepQuery = (depth: number) => {
  let inner = 'id';
  for (let i = 0; i < depth; i += 1) inner = `relations(first: 1) { nodes { to { ${inner} } } }`;
  return `{ node(id: "law:ozg") { ... on Law { ${inner} } } }`;
};

function* queryBombs(): Generator<BadRequest> {
  const bombs: Array<[string, string]> = [
    ['depth 13', deepQuery(5)],
    ['depth 40', deepQuery(20)],
    ['21 aliases', `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`],
    ['1000 aliases', `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`],
    ['6000 tokens', `{ ${'__typename '.repeat(6000)} }`],
    ['31 directives', `{ __typename ${'@include(if: true) '.repeat(31)} }`],
    ['1000 directives', `{ stats { entities ${'@skip(if: false) '.repeat(1000)} } }`],
    [
      'cost: 100 × 100 × 100 relations',
      '{ search(query: "a", first: 100) { nodes { relations(first: 100) { nodes { from { relations(first: 100) { nodes { id } } } } } } } }',
    ],
    [
      'a wide and deep neighbourhood',
      `{ ${Array.from({ length: 20 }, (_, i) => `n${i}: neighborhood(ids: ["law:ozg"], depth: 3, limit: 1000) { nodes { id relations(first: 100) { nodes { id } } } }`).join(' ')} }`,
    ],
    [
      'introspection nested 12 levels of possibleTypes and interfaces',
      `{ __type(name: "Entity") { ${'possibleTypes { interfaces { '.repeat(12)} name ${'} } '.repeat(12)} } }`,
    ],
    [
      'introspection nested 30 levels of fields and types',
      `{ __schema { types { ${'fields { type { ofType { '.repeat(30)} name ${'} } } '.repeat(30)} } } }`,
    ],
    [
      'introspection nested 40 levels through __typename',
      `{ __schema { ${'types { interfaces { possibleTypes { '.repeat(40)} name ${'} } } '.repeat(40)} } }`,
    ],
    ['many operations in one document', Array.from({ length: 500 }, (_, i) => `query Q${i} { __typename }`).join(' ')],
    ['a string literal of 500,000 characters', `{ search(query: "${'a'.repeat(500_000)}") { totalCount } }`],
    [
      '10,000 nested lists in a literal',
      `{ search(query: "OZG", kinds: ${'['.repeat(10_000)}${']'.repeat(10_000)}) { totalCount } }`,
    ],
    ['10,000 nested input objects', `{ search(query: ${'{a: '.repeat(2000)}1${'}'.repeat(2000)}) { totalCount } }`],
    ['2000 nested selections', `{ ${'stats { '.repeat(2000)}${'} '.repeat(2000)} }`],
    ['2000 nested inline fragments', `{ ${'... on Query { '.repeat(2000)}__typename${' }'.repeat(2000)} }`],
  ];
  for (const [name, query] of bombs) {
    yield { category: 'query bombs', name, body: op(query), expect: 'refused' };
  }
  // Cheap to send, costly to answer: weighed by what they ask of the database.
  const deep = 'neighborhood(ids: ["region:de"], depth: 3, limit: 1000) { truncated }';
  const longest = 'paths(from: "person:lydia-hueskens", to: "region:01", maxLength: 6, maxPaths: 50) { length }';
  const costly: Array<[string, string]> = [
    ['20 aliased deep neighbourhoods', `{ ${Array.from({ length: 20 }, (_, i) => `n${i}: ${deep}`).join(' ')} }`],
    [
      'two deep neighbourhoods around 50 ids',
      `{ a: ${deep.replace('"region:de"', Array.from({ length: 50 }, (_, i) => `"region:${String(i + 1).padStart(2, '0')}"`).join(', '))} b: ${deep} }`,
    ],
    ['four of the longest path searches', `{ a: ${longest} b: ${longest} c: ${longest} d: ${longest} }`],
  ];
  for (const [name, query] of costly) {
    yield { category: 'query bombs', name, body: op(query), expect: 'refused', code: 'QUERY_LIMIT_EXCEEDED' };
  }
  // Fragments that double at each level: 2^30 fields if expanded naively.
  const doubling = [
    'fragment F0 on Query { stats { entities } }',
    ...Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`),
    '{ ...F30 }',
  ].join(' ');
  yield { category: 'query bombs', name: 'fragments doubling 30 times', body: op(doubling), expect: 'refused' };
  const doublingAliases = [
    'fragment F0 on Query { a: __typename b: __typename }',
    ...Array.from({ length: 25 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} x${i}: __typename ...F${i} }`),
    '{ ...F25 }',
  ].join(' ');
  yield {
    category: 'query bombs',
    name: 'fragments with aliases doubling 25 times',
    body: op(doublingAliases),
    expect: 'refused',
  };
  // Many same-named fields with different arguments: OverlappingFieldsCanBeMerged is quadratic.
  const conflicting = `{ ${Array.from({ length: 1500 }, (_, i) => `stats { entities } search(query: "a${i}") { totalCount }`).join(' ')} }`;
  yield { category: 'query bombs', name: '1500 conflicting search fields', body: op(conflicting), expect: 'refused' };
}

function* batches(): Generator<BadRequest> {
  const one = { query: '{ stats { entities } }' };
  const lists: Array<[string, unknown[]]> = [
    ['an empty batch', []],
    ['a batch of one', [one]],
    ['a batch of two', [one, one]],
    ['a batch of 1000', Array.from({ length: 1000 }, () => one)],
    ['a batch of mutations', Array.from({ length: 10 }, () => ({ query: 'mutation { logout }' }))],
    ['a batch of nulls', [null, null]],
    ['a batch of strings', ['{ stats { entities } }']],
    ['a batch of batches', [[one], [one]]],
  ];
  for (const [name, list] of lists) {
    yield { category: 'batches', name, body: json(list), as: 'editor', expect: 'refused' };
  }
}

function* fragmentCycles(): Generator<BadRequest> {
  const documents = [
    'fragment A on Query { ...A } { ...A }',
    'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }',
    'fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A } { ...B }',
    'fragment A on Query { stats { entities } ... on Query { ...A } } { ...A }',
    'fragment A on Query { ...B } fragment B on Query { ...A } { __typename }',
    'fragment A on Law { relations { nodes { to { ...B } } } } fragment B on Entity { ... on Law { ...A } } { node(id: "law:ozg") { ...A } }',
    'fragment A on Query { ...A ...A ...A ...A } { ...A }',
    `${Array.from({ length: 300 }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % 300} }`).join(' ')} { ...F0 }`,
    'fragment A on Stats { entities } { ...A }',
    'fragment A on Nope { x } { ...A }',
  ];
  for (const document of documents) {
    yield { category: 'fragment cycles', name: document.slice(0, 70), body: op(document), expect: 'refused' };
  }
}

function* getMutations(): Generator<BadRequest> {
  const mutations = [
    'mutation { logout }',
    'mutation { createEntity(input: { kind: PERSON, name: "Via GET" }) { id } }',
    `mutation { deleteRelation(id: "${SEED.relation}", version: 1) }`,
    'mutation { login(email: "a@b.de", password: "x") { email } }',
    'mutation A { logout } query B { stats { entities } }',
    '  mutation{logout}',
    '# comment\nmutation { logout }',
  ];
  for (const mutation of mutations) {
    for (const csrf of [true, false]) {
      yield {
        category: 'GET mutations',
        name: `${mutation.slice(0, 50)}${csrf ? '' : ' (no CSRF header)'}`,
        method: 'GET',
        search: `?query=${encodeURIComponent(mutation)}${mutation.includes('query B') ? '&operationName=A' : ''}`,
        headers: { accept: 'application/json', ...(csrf ? { 'x-govgraph-csrf': '1' } : {}) },
        as: 'editor',
        expect: 'refused',
      };
    }
  }
}

function* extensionShapes(): Generator<BadRequest> {
  const shapes: unknown[] = [
    'x',
    5,
    [],
    [1, 2],
    true,
    { persistedQuery: 'x' },
    { persistedQuery: null },
    { persistedQuery: { version: 1, sha256Hash: 'abc' } },
    { persistedQuery: { version: 'one', sha256Hash: 5 } },
    { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    { persistedQuery: { version: 1, sha256Hash: "' OR 1=1 //" } },
    { http: { status: 200 } },
    { http: { status: 500, headers: { 'set-cookie': 'x=y' } } },
    { __proto__: { isAdmin: true } },
  ];
  for (const extensions of shapes) {
    yield {
      category: 'extensions and persisted queries',
      name: `extensions ${JSON.stringify(extensions)} without a query`.slice(0, 80),
      body: json({ extensions }),
      expect: 'refused',
    };
    yield {
      category: 'extensions and persisted queries',
      name: `extensions ${JSON.stringify(extensions)} beside a query`.slice(0, 80),
      body: json({ query: '{ search(query: "") { totalCount } }', extensions }),
      expect: 'refused',
    };
  }
  yield {
    category: 'extensions and persisted queries',
    name: 'a documentId',
    body: json({ documentId: 'abc' }),
    expect: 'refused',
  };
}

function* authentication(): Generator<BadRequest> {
  const mutation = op('mutation { createEntity(input: { kind: PERSON, name: "Not Allowed" }) { id } }');
  const headers: Array<[string, Record<string, string>]> = [
    ['no credentials', {}],
    ['Bearer without a token', { authorization: 'Bearer' }],
    ['Bearer and a space', { authorization: 'Bearer ' }],
    ['an unknown token', { authorization: 'Bearer ggt_0000000000000000' }],
    ['an injected token', { authorization: "Bearer ' OR 1=1 //" }],
    ['Basic', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
    ['two schemes', { authorization: 'Bearer a, Bearer b' }],
    ['a session cookie that is garbage', { cookie: 'govgraph_session=%%%; other=1' }],
    ['a session cookie that is injected', { cookie: "govgraph_session=' OR 1=1 //" }],
    ['1,000 cookies', { cookie: Array.from({ length: 1000 }, (_, i) => `c${i}=${i}`).join('; ') }],
  ];
  for (const [name, header] of headers) {
    yield { category: 'authentication', name, headers: header, body: mutation, expect: 'refused' };
  }
  for (const name of ['createUser', 'createApiToken', 'revokeApiToken']) {
    const query =
      name === 'createUser'
        ? 'mutation { createUser(email: "new@govgraph.test", password: "long enough password", role: ADMIN) { id } }'
        : name === 'createApiToken'
          ? 'mutation { createApiToken(email: "x@govgraph.test", name: "t") { id } }'
          : 'mutation { revokeApiToken(id: "x") }';
    yield {
      category: 'authentication',
      name: `${name} as an editor`,
      as: 'editor',
      body: op(query),
      expect: 'refused',
      code: 'FORBIDDEN',
    };
    yield {
      category: 'authentication',
      name: `${name} as a viewer`,
      as: 'viewer',
      body: op(query),
      expect: 'refused',
      code: 'FORBIDDEN',
    };
  }
  yield {
    category: 'authentication',
    name: 'createEntity as a viewer',
    as: 'viewer',
    body: mutation,
    expect: 'refused',
    code: 'FORBIDDEN',
  };
}

/** Ids that are not ids, wherever an id is taken: BAD_USER_INPUT, never an empty answer or "not found". */
function* malformedIds(): Generator<BadRequest> {
  const ids = ['not an id', 'Person:Upper', 'x', '', 'rel:', 'token:', 'change:none', 'intake:0000'];
  const fields: Array<[string, (id: string) => string, 'anonymous' | 'editor' | 'admin']> = [
    ['history', (id) => `{ history(id: ${json(id)}) { id } }`, 'anonymous'],
    ['revokeApiToken', (id) => `mutation { revokeApiToken(id: ${json(id)}) }`, 'admin'],
    ['deleteRelation', (id) => `mutation { deleteRelation(id: ${json(id)}, version: 1) }`, 'editor'],
    [
      'updateRelation',
      (id) => `mutation { updateRelation(id: ${json(id)}, version: 1, patch: { role: "x" }) { id } }`,
      'editor',
    ],
    ['deleteEntity', (id) => `mutation { deleteEntity(id: ${json(id)}, version: 1) }`, 'editor'],
    ['revertChange', (id) => `mutation { revertChange(id: ${json(id)}) { id } }`, 'editor'],
    ['approveIntake', (id) => `mutation { approveIntake(id: ${json(id)}) { status } }`, 'editor'],
  ];
  for (const [name, query, as] of fields) {
    for (const id of ids) {
      yield {
        category: 'malformed ids',
        name: `${name}(${JSON.stringify(id)})`,
        body: op(query(id)),
        as,
        expect: 'refused',
        code: 'BAD_USER_INPUT',
      };
    }
  }
}

/** Control characters and half surrogate pairs in names, roles and aliases: refused, never stored changed. */
function* controlCharacters(): Generator<BadRequest> {
  const texts = [
    'Null\u0000Byte',
    'Escape\u001b[31m',
    'Tab\there',
    'Line\nbreak',
    'Delete\u007f',
    'C1\u0085',
    'Halb\ud800',
  ];
  for (const text of texts) {
    yield {
      category: 'control characters',
      name: `a name ${JSON.stringify(text)}`,
      body: op('mutation ($n: String!) { createEntity(input: { kind: PERSON, name: $n }) { id } }', { n: text }),
      as: 'editor',
      expect: 'refused',
      code: 'BAD_USER_INPUT',
    };
    yield {
      category: 'control characters',
      name: `an alias ${JSON.stringify(text)}`,
      body: op('mutation ($a: String!) { createEntity(input: { kind: PERSON, name: "Ok", aliases: [$a] }) { id } }', {
        a: text,
      }),
      as: 'editor',
      expect: 'refused',
      code: 'BAD_USER_INPUT',
    };
  }
  for (const text of ['Null\u0000Byte', 'Escape\u001b[31m']) {
    yield {
      category: 'control characters',
      name: `a description ${JSON.stringify(text)}`,
      body: op('mutation ($d: String!) { createEntity(input: { kind: PERSON, name: "Ok", description: $d }) { id } }', {
        d: text,
      }),
      as: 'editor',
      expect: 'refused',
      code: 'BAD_USER_INPUT',
    };
  }
  for (const password of ['            ', 'aaaaaaaaaaaa', '123456789012', 'passwordpassword']) {
    yield {
      category: 'control characters',
      name: `a weak password ${JSON.stringify(password)}`,
      body: op(
        'mutation ($p: String!) { createUser(email: "weak@govgraph.test", password: $p, role: VIEWER) { id } }',
        { p: password },
      ),
      as: 'admin',
      expect: 'refused',
      code: 'BAD_USER_INPUT',
    };
  }
}

/** Pages of other origins: they may read without credentials, never log in or act with a cookie. */
function* crossOrigin(): Generator<BadRequest> {
  for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null']) {
    yield {
      category: 'cross-origin',
      name: `a login from ${origin}`,
      headers: { origin },
      body: op('mutation { login(email: "a@govgraph.test", password: "not the password!") { id } }'),
      expect: 'refused',
      code: 'FORBIDDEN',
    };
    yield {
      category: 'cross-origin',
      name: `a change with a planted cookie from ${origin}`,
      headers: { origin, cookie: 'govgraph_session=ggs_planted' },
      body: op('mutation { createEntity(input: { kind: PERSON, name: "Planted" }) { id } }'),
      expect: 'refused',
      code: 'UNAUTHENTICATED',
    };
  }
}

/**
 * One refused request per argument, to be sent before the corpus: the first use of each query makes a fresh
 * Neo4j plan it, which on a loaded machine takes seconds and would say nothing about the input.
 */
export function warmUpRequests(): BadRequest[] {
  return STRING_ARGUMENTS.map((argument) => ({
    category: 'Cypher injection',
    name: `warm-up ${argument.name}`,
    body: argument.request('warm-up'),
    as: argument.as ?? 'anonymous',
    expect: 'handled',
  }));
}

export function hostileCorpus(): BadRequest[] {
  return [
    ...malformedBodies(),
    ...contentTypesAndMethods(),
    ...wrongVariableTypes(),
    ...unknownFieldsAndArguments(),
    ...luceneSyntax(),
    ...cypherInjection(),
    ...giantInput(),
    ...badDates(),
    ...badCursors(),
    ...queryBombs(),
    ...batches(),
    ...fragmentCycles(),
    ...getMutations(),
    ...extensionShapes(),
    ...authentication(),
    ...malformedIds(),
    ...controlCharacters(),
    ...crossOrigin(),
  ];
}
