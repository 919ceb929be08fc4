import {
  type BadRequest,
  CYPHER_INJECTIONS,
  LUCENE_QUERIES,
  MAX_BODY_BYTES_UNDER_TEST,
  op,
  SEED,
  STRING_ARGUMENTS,
} from './tables.js';

/** Bad requests about the request itself: its body, content type, method, variables and fields. */

export function* malformedBodies(): Generator<BadRequest> {
  const bodies: Array<[string, string | Uint8Array]> = [
    ['empty', ''],
    ['only whitespace', ' \n\t '],
    ['open brace', '{'],
    ['truncated', '{"query": "{ stats { entities } }"'],
    ['trailing garbage', '{"query": "{ stats { entities } }"} x'],
    ['null', 'null'],
    ['a number', '123'],
    ['a string', '"{ stats { entities } }"'],
    ['true', 'true'],
    ['an empty object', '{}'],
    ['query null', '{"query": null}'],
    ['query a number', '{"query": 5}'],
    ['query an object', '{"query": {"stats": true}}'],
    ['query a list', '{"query": ["{ stats { entities } }"]}'],
    ['query empty', '{"query": ""}'],
    ['query only a comment', '{"query": "# nothing"}'],
    ['variables a string', '{"query": "{ stats { entities } }", "variables": "x"}'],
    ['variables a number', '{"query": "{ stats { entities } }", "variables": 5}'],
    ['variables a list', '{"query": "{ stats { entities } }", "variables": [1]}'],
    ['operationName a number', '{"query": "{ stats { entities } }", "operationName": 5}'],
    ['operationName unknown', '{"query": "query A { stats { entities } }", "operationName": "B"}'],
    ['two operations, no name', '{"query": "query A { stats { entities } } query B { stats { relations } }"}'],
    ['single quotes', "{'query': '{ stats { entities } }'}"],
    ['a comment in JSON', '{"query": /* x */ "{ stats { entities } }"}'],
    ['a byte-order mark', '\uFEFF{"query": "{ stats { entities } }"}'],
    ['NUL bytes', '{"query": "{ stats { entities } }\u0000"}'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
    ['a lone surrogate escape', '{"query": "{ search(query: \\"\\ud800\\") { totalCount } }"}'],
    [
      '100,000 nested arrays',
      `{"query": "{ stats { entities } }", "variables": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    ],
    [
      '100,000 nested objects',
      `{"query": "{ stats { entities } }", "variables": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    ],
    [
      '__proto__ in variables',
      '{"query": "query ($q: String!) { search(query: $q) { totalCount } }", "variables": {"__proto__": {"q": "OZG"}}}',
    ],
    [
      'constructor in variables',
      '{"query": "query ($q: String!) { search(query: $q) { totalCount } }", "variables": {"constructor": {"prototype": {"q": 1}}}}',
    ],
    ['a huge number', `{"query": "{ stats { entities } }", "variables": {"x": 1${'0'.repeat(400)}}}`],
    ['duplicate keys', '{"query": "{ stats { entities } }", "query": "mutation { logout }"}'],
    ['not GraphQL', '{"query": "SELECT * FROM users"}'],
    ['Cypher as the query', '{"query": "MATCH (n) DETACH DELETE n"}'],
    ['an unterminated string', '{"query": "{ search(query: \\"OZG) { totalCount } }"}'],
    ['an unterminated block string', '{"query": "{ search(query: \\"\\"\\"OZG) { totalCount } }"}'],
    ['a stray character', '{"query": "{ stats { entities } } §"}'],
    ['an unclosed selection', '{"query": "{ stats { entities "}'],
  ];
  // Valid JSON, oddly shaped: unused variables, numbers beyond doubles, a key twice (the last wins).
  const acceptable = new Set(['100,000 nested arrays', '100,000 nested objects', 'a huge number', 'duplicate keys']);
  for (const [name, body] of bodies) {
    yield { category: 'malformed body', name, body, expect: acceptable.has(name) ? 'handled' : 'refused' };
  }
  yield {
    category: 'malformed body',
    name: '100,000 nested arrays as a typed variable',
    body: `{"query": "query ($k: [EntityKind!]) { search(query: \\"OZG\\", kinds: $k) { totalCount } }", "variables": {"k": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
    expect: 'refused',
  };
  yield {
    category: 'malformed body',
    name: '10,000 nested input objects as a typed variable',
    as: 'editor',
    body: `{"query": "mutation ($i: CreateEntityInput!) { createEntity(input: $i) { id } }", "variables": {"i": ${'{"name":'.repeat(10_000)}1${'}'.repeat(10_000)}}}`,
    expect: 'refused',
  };
}

export function* contentTypesAndMethods(): Generator<BadRequest> {
  const good = op('{ stats { entities } }');
  const types = [
    'text/plain',
    'text/html',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=----x',
    'application/octet-stream',
    'application/json; charset=latin1',
    'application/graphql',
    'image/png',
    '*/*',
    'application/json, text/plain',
    ';;;',
  ];
  // JSON is JSON whatever charset is claimed; a list of types names JSON first.
  const acceptable = new Set(['application/json; charset=latin1', 'application/json, text/plain']);
  for (const type of types) {
    yield {
      category: 'content type and method',
      name: `${type} with a JSON body`,
      headers: { 'content-type': type },
      body: good,
      expect: acceptable.has(type) ? 'handled' : 'refused',
    };
  }
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=----x']) {
    yield {
      category: 'content type and method',
      name: `${type} with a CSRF header and a broken form`,
      headers: { 'content-type': type, 'x-govgraph-csrf': '1' },
      body: '------x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query": ',
      expect: 'refused',
    };
  }
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    yield { category: 'content type and method', name: method, method, body: good, expect: 'refused' };
  }
  yield {
    category: 'content type and method',
    name: 'a CORS preflight from another site',
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    body: undefined,
    expect: 'handled',
  };
  yield {
    category: 'content type and method',
    name: 'an accept the server cannot give',
    headers: { accept: 'image/png' },
    body: good,
    expect: 'refused',
    code: 'BAD_REQUEST',
    status: 406,
  };
  yield {
    category: 'content type and method',
    name: 'an accept of plain text only',
    headers: { accept: 'text/plain' },
    body: good,
    expect: 'refused',
    code: 'BAD_REQUEST',
    status: 406,
  };
  yield {
    category: 'content type and method',
    name: 'HEAD',
    method: 'HEAD',
    expect: 'refused',
    status: 405,
  };
  yield {
    category: 'content type and method',
    name: 'GET without the CSRF header',
    method: 'GET',
    search: `?query=${encodeURIComponent('{ stats { entities } }')}`,
    headers: { accept: 'application/json' },
    expect: 'refused',
  };
  for (const [name, search, expect] of [
    ['GET without a query', '', 'refused'],
    [
      'GET with variables that are not JSON',
      `?query=${encodeURIComponent('{ stats { entities } }')}&variables=%7B`,
      'refused',
    ],
    [
      'GET with extensions that are not JSON',
      `?query=${encodeURIComponent('{ stats { entities } }')}&extensions=x`,
      'refused',
    ],
    [
      'GET with variables that are JSON but not an object',
      `?query=${encodeURIComponent('{ stats { entities } }')}&variables=5`,
      'refused',
    ],
    // The first of two queries counts, as for any URL parameter.
    ['GET with two queries', `?query=${encodeURIComponent('{ stats { entities } }')}&query=x`, 'handled'],
    ['GET with a broken percent-encoding', '?query=%E0%A4%A', 'refused'],
  ] as const) {
    yield {
      category: 'content type and method',
      name,
      method: 'GET',
      search,
      headers: { accept: 'application/json', 'x-govgraph-csrf': '1' },
      expect,
    };
  }
}

export function* wrongVariableTypes(): Generator<BadRequest> {
  const table: Array<[string, string, unknown[]]> = [
    ['String!', 'search(query: $v) { totalCount }', [5, true, null, {}, [], ['OZG'], 1.5]],
    [
      'Int',
      'search(query: "OZG", first: $v) { totalCount }',
      ['5', 1.5, 2 ** 31, -(2 ** 31) - 1, 1e100, 'abc', true, {}, [1], -1, 101],
    ],
    [
      '[EntityKind!]',
      'search(query: "OZG", kinds: $v) { totalCount }',
      ['person', 'NOPE', 5, [null], [{}], [], [['PERSON']]],
    ],
    [
      '[ID!]!',
      'neighborhood(ids: $v) { truncated }',
      [null, [], [null], [{}], [[]], [true], Array.from({ length: 51 }, (_, i) => `person:p${i}`)],
    ],
    ['Int', 'neighborhood(ids: ["law:ozg"], depth: $v) { truncated }', [0, 4, 50, -1, 1.5, '2']],
    ['Int', 'neighborhood(ids: ["law:ozg"], limit: $v) { truncated }', [-1, 1001, 2 ** 31 - 1]],
    ['Int', 'paths(from: "law:ozg", to: "person:lydia-hueskens", maxLength: $v) { length }', [0, 7, -5, 1000]],
    ['Int', 'paths(from: "law:ozg", to: "person:lydia-hueskens", maxPaths: $v) { length }', [0, 51, -1]],
    ['[RelationType!]', 'neighborhood(ids: ["law:ozg"], relationTypes: $v) { truncated }', ['supports', 'DROP', [5]]],
    ['[EventType!]', 'timeline(eventTypes: $v) { totalCount }', ['meeting', [null], 'MEETING; DROP']],
    ['ID!', 'node(id: $v) { id }', [{}, [], true, 1.5, null]],
    ['Int', 'recentChanges(first: $v) { id }', [-1, 100_000, '1']],
  ];
  for (const [type, field, values] of table) {
    for (const value of values) {
      yield {
        category: 'wrong variable types',
        name: `${field.split('{')[0]}= ${JSON.stringify(value).slice(0, 40)}`,
        body: op(`query ($v: ${type}) { ${field} }`, { v: value }),
        expect: 'refused',
      };
    }
  }
  // Literals of the wrong type, and a variable used where its type does not fit.
  for (const literal of ['5', 'true', 'null', '{a: 1}', '[1]', 'PERSON', '$undeclared']) {
    yield {
      category: 'wrong variable types',
      name: `search(query: ${literal})`,
      body: op(`{ search(query: ${literal}) { totalCount } }`),
      expect: 'refused',
    };
  }
  // Text that is not Unicode: stored, Neo4j would turn it into U+FFFD, another text than the one accepted.
  for (const [name, query, variables] of [
    ['a lone surrogate in a search', 'query ($v: String!) { search(query: $v) { totalCount } }', { v: 'OZG \ud800' }],
    [
      'a lone surrogate in a new name',
      'mutation ($v: String!) { createEntity(input: { kind: PERSON, name: $v }) { id } }',
      { v: 'Anna \udc00 Muster' },
    ],
    [
      'a lone surrogate in an alias',
      'mutation ($v: [String!]) { createEntity(input: { kind: PERSON, name: "Anna Muster", aliases: $v }) { id } }',
      { v: ['ok', 'a\ud800b'] },
    ],
    [
      'a lone surrogate in a quote',
      `mutation ($i: CreateRelationInput!) { createRelation(input: $i) { id } }`,
      {
        i: {
          from: SEED.person,
          to: SEED.law,
          type: 'SUPPORTS',
          citations: [{ article: SEED.article, quote: '\udfff' }],
        },
      },
    ],
  ] as const) {
    yield {
      category: 'wrong variable types',
      name,
      as: 'editor',
      body: op(query, variables),
      expect: 'refused',
      code: 'BAD_USER_INPUT',
    };
  }
  yield {
    category: 'wrong variable types',
    name: 'an Int variable where a String is needed',
    body: op('query ($v: Int) { search(query: $v) { totalCount } }', { v: 5 }),
    expect: 'refused',
  };
  yield {
    category: 'wrong variable types',
    name: 'a variable of an unknown type',
    body: op('query ($v: Nope) { search(query: $v) { totalCount } }', { v: 'OZG' }),
    expect: 'refused',
  };
  yield {
    category: 'wrong variable types',
    name: 'an input object with a field of the wrong type',
    as: 'editor',
    body: op('mutation ($i: CreateEntityInput!) { createEntity(input: $i) { id } }', {
      i: { kind: 'PERSON', name: 5, aliases: 'x' },
    }),
    expect: 'refused',
  };
  yield {
    category: 'wrong variable types',
    name: 'an input object with an unknown field',
    as: 'editor',
    body: op('mutation ($i: CreateEntityInput!) { createEntity(input: $i) { id } }', {
      i: { kind: 'PERSON', name: 'X', version: 7, recordedBy: 'someone else' },
    }),
    expect: 'refused',
  };
}

export function* unknownFieldsAndArguments(): Generator<BadRequest> {
  const queries = [
    '{ nope }',
    '{ stats { nope } }',
    '{ search(query: "OZG", nope: 1) { totalCount } }',
    '{ search(query: "OZG", query: "x") { totalCount } }',
    '{ search { totalCount } }',
    '{ search(query: "OZG") }',
    '{ stats { entities { count } } }',
    '{ node(id: "law:ozg") { ... on Nope { id } } }',
    '{ node(id: "law:ozg") { ... on Stats { entities } } }',
    '{ node(id: "law:ozg") { name } }',
    '{ __typename @nope }',
    '{ __typename @include }',
    '{ __typename @include(if: "yes") }',
    '{ __typename @skip(if: true) @skip(if: false) }',
    'mutation { nope }',
    'mutation { createEntity { id } }',
    'mutation { createEntity(input: { kind: PERSON, name: "X", nope: 1 }) { id } }',
    'subscription { graphChanged { batch } }',
    'subscription { nope }',
    'subscription { graphChanged { batch } stats: graphChanged { at } }',
    'query ($a: Int, $a: Int) { stats { entities } }',
    'query ($unused: Int) { stats { entities } }',
    'fragment F on Query { stats { entities } }',
    'fragment F on Query { stats { entities } } fragment F on Query { stats { relations } } { ...F }',
    '{ ...Missing }',
    '{ stats { entities } stats: search(query: "OZG") { totalCount } }',
    '{ a: search(query: "a") { totalCount } a: search(query: "b") { totalCount } }',
    '{ __schema { nope } }',
    '{ __type(name: 5) { name } }',
    'query Q { stats { entities } } mutation Q { logout }',
  ];
  for (const query of queries) {
    yield {
      category: 'unknown fields and arguments',
      name: query.slice(0, 70),
      body: op(query),
      as: query.startsWith('mutation') ? 'editor' : 'anonymous',
      expect: 'refused',
    };
  }
}

export function* luceneSyntax(): Generator<BadRequest> {
  for (const query of LUCENE_QUERIES) {
    yield {
      category: 'Lucene syntax in search',
      name: JSON.stringify(query).slice(0, 60),
      body: op('query ($q: String!) { search(query: $q, first: 5) { totalCount edges { node { id } } } }', {
        q: query,
      }),
      expect: 'handled',
    };
  }
}

export function* cypherInjection(): Generator<BadRequest> {
  for (const argument of STRING_ARGUMENTS) {
    for (const injection of CYPHER_INJECTIONS) {
      yield {
        category: 'Cypher injection',
        name: `${argument.name} = ${JSON.stringify(injection).slice(0, 40)}`,
        body: argument.request(injection),
        as: argument.as ?? 'anonymous',
        // Reads of an unknown id answer null and searches find nothing: both fine, as long as nothing breaks.
        expect: argument.handled ? 'handled' : argument.as || argument.name.startsWith('login') ? 'refused' : 'handled',
      };
    }
  }
}

export function* giantInput(): Generator<BadRequest> {
  const huge = 'x'.repeat(200_000);
  for (const argument of STRING_ARGUMENTS) {
    yield {
      category: 'giant strings and bodies',
      name: `${argument.name} of 200,000 characters`,
      body: argument.request(huge),
      as: argument.as ?? 'anonymous',
      expect: argument.handled ? 'handled' : 'refused',
    };
  }
  yield {
    category: 'giant strings and bodies',
    name: 'a body over the limit (2 MB)',
    body: op('query ($q: String!) { search(query: $q) { totalCount } }', {
      q: 'x'.repeat(2 * MAX_BODY_BYTES_UNDER_TEST),
    }),
    expect: 'refused',
    status: 413,
    code: 'REQUEST_ENTITY_TOO_LARGE',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'a body just over the limit',
    body: `{"query": "{ stats { entities } }", "x": "${'y'.repeat(MAX_BODY_BYTES_UNDER_TEST)}"}`,
    expect: 'refused',
    status: 413,
    code: 'REQUEST_ENTITY_TOO_LARGE',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'a streamed body over the limit, without Content-Length',
    body: chunked(3 * MAX_BODY_BYTES_UNDER_TEST),
    expect: 'refused',
    status: 413,
    code: 'REQUEST_ENTITY_TOO_LARGE',
  };
  const body = op('{ stats { entities } }');
  for (const [name, head] of [
    ['a Content-Length that is not a number', 'Content-Length: abc'],
    ['a negative Content-Length', 'Content-Length: -1'],
    ['two Content-Lengths', `Content-Length: ${body.length}\r\nContent-Length: 5`],
    ['Content-Length and chunked together', `Content-Length: 5\r\nTransfer-Encoding: chunked`],
    ['a Content-Length over the limit', `Content-Length: ${10 * MAX_BODY_BYTES_UNDER_TEST}`],
    ['a broken chunk size', 'Transfer-Encoding: chunked'],
  ] as const) {
    const payload = name === 'a broken chunk size' ? `zz\r\n${body}\r\n0\r\n\r\n` : body;
    yield {
      category: 'giant strings and bodies',
      name,
      raw: `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${head}\r\nConnection: close\r\n\r\n${payload}`,
      expect: 'refused',
    };
  }
  yield {
    category: 'giant strings and bodies',
    name: 'headers of 40 kB',
    raw: `GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`,
    expect: 'refused',
    status: 431,
    code: 'BAD_REQUEST',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'a query of 100,000 spaces',
    body: op(`{${' '.repeat(100_000)}stats { entities } }`),
    expect: 'handled',
  };
  yield {
    category: 'giant strings and bodies',
    name: '10,000 variables',
    body: op('{ stats { entities } }', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i]))),
    expect: 'handled',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'a name of 100,000 characters',
    as: 'editor',
    body: op('mutation ($n: String!) { createEntity(input: { kind: PERSON, name: $n }) { id } }', {
      n: 'N'.repeat(100_000),
    }),
    expect: 'refused',
  };
  yield {
    category: 'giant strings and bodies',
    name: '100,000 aliases',
    as: 'editor',
    body: op(
      'mutation ($a: [String!]) { createEntity(input: { kind: PERSON, name: "Many Aliases", aliases: $a }) { id } }',
      {
        a: Array.from({ length: 100_000 }, (_, i) => `alias ${i}`),
      },
    ),
    expect: 'refused',
    status: 413,
  };
  yield {
    category: 'giant strings and bodies',
    name: '10,000 ids',
    body: op('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 10_000 }, (_, i) => `person:p${i}`),
    }),
    expect: 'refused',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'an article text over 100,000 characters',
    as: 'editor',
    body: op(
      'query ($t: String!) { proposeFacts(article: { title: "T", publishedOn: "2024-01-01", url: "https://example.org/", text: $t }) { facts { key } } }',
      { t: 'Wort '.repeat(20_001) },
    ),
    expect: 'refused',
  };
  yield {
    category: 'giant strings and bodies',
    name: 'a URL of 100,000 characters',
    method: 'GET',
    search: `?query=${'x'.repeat(100_000)}`,
    headers: { 'x-govgraph-csrf': '1' },
    expect: 'refused',
  };
  // Node refuses headers over 16 KiB with 431 and closes the connection: sent with GET, the client reads the 431.
  for (const [name, header] of [
    ['an Authorization header of 100,000 characters', { authorization: `Bearer ${'t'.repeat(100_000)}` }],
    ['a cookie of 100,000 characters', { cookie: `govgraph_session=${'c'.repeat(100_000)}` }],
    ['a header of 15,000 characters', { 'x-anything': 'h'.repeat(15_000) }],
  ] as const) {
    yield {
      category: 'giant strings and bodies',
      name,
      method: 'GET',
      search: `?query=${encodeURIComponent('{ me { email } }')}`,
      headers: { 'x-govgraph-csrf': '1', ...header },
      expect: name.includes('15,000') ? 'handled' : 'refused',
    };
  }
}

/** A body streamed in chunks, so the request has no Content-Length. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"query": "{ stats { entities } }", "x": "'));
    },
    pull(controller) {
      if (sent >= bytes) {
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}
