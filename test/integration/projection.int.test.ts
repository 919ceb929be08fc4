import {
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database, type ObservedStatement } from '../../server/db/database.js';
import { createGovGraphYoga } from '../../server/http/yoga.js';
import { schema } from '../../server/schema/index.js';
import { graphqlClient } from '../support/api.js';

// Every statement the server sends, to see which properties the neighbourhood read.
const statements: ObservedStatement[] = [];
const db = new Database({
  uri: inject('neo4jUri'),
  user: inject('neo4jUser'),
  password: inject('neo4jPassword'),
  observe: (statement) => statements.push(statement),
});
afterAll(() => db.close());
const gql = graphqlClient(createGovGraphYoga(db));

const START = 'person:lydia-hueskens';
/** The start and one entity of every kind, so that every kind's fields are in the answer. */
let starts: string[] = [];
beforeAll(async () => {
  const [row] = await db.read({
    name: 'test-one-per-kind',
    text: 'MATCH (e:Entity) WITH e.kind AS kind, min(e.id) AS id RETURN collect(id) AS ids',
  });
  starts = [START, ...((row?.ids as string[]) ?? [])];
});

/** Fields only editors may read (who recorded an entity): an anonymous reader gets an error there, not data. */
const forEditors = (field: GraphQLField<unknown, unknown>) =>
  (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes !== undefined;

/** The selection of a field with what lies under it: leaves as they are, small objects with their leaves. */
function selection(field: GraphQLField<unknown, unknown>): string | null {
  if (forEditors(field)) return null;
  if (field.args.some((arg) => arg.type.toString().endsWith('!') && arg.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type) || type.name.endsWith('Connection')) return null;
  const leaves = Object.values(type.getFields()).filter(
    (f) => isLeafType(getNamedType(f.type)) && f.args.length === 0 && !forEditors(f),
  );
  return leaves.length > 0 ? `${field.name} { ${leaves.map((f) => f.name).join(' ')} }` : `${field.name} { id }`;
}

function fieldsOf(typeName: string): Array<{ type: string; field: string; select: string }> {
  const iface = schema.getType(typeName) as GraphQLInterfaceType | GraphQLObjectType;
  const types = isObjectType(iface) ? [iface] : schema.getPossibleTypes(iface);
  return types.flatMap((type) =>
    Object.values(type.getFields()).flatMap((field) => {
      const select = field.name === 'id' ? null : selection(field);
      return select ? [{ type: type.name, field: field.name, select }] : [];
    }),
  );
}

interface Answer {
  neighborhood: { nodes: Array<{ id: string }>; edges: Array<{ id: string }> };
}

const lastNeighborhood = () => statements.filter((s) => s.query.name === 'neighborhood').at(-1)?.params;

describe('the neighbourhood reads only what the query asks for', () => {
  it('reads id, kind and name alone for a canvas that asks for no more, and relations without their dates', async () => {
    const { errors } = await gql(
      `{ neighborhood(ids: ["${START}"], depth: 2) {
        nodes { __typename id name kind } edges { id type from { id } to { id name } } hiddenNeighbors { entity { id } count }
      } }`,
    );
    expect(errors).toBeUndefined();
    expect(lastNeighborhood()?.nodeKeys).toEqual(['id', 'kind', 'name']);
    expect(lastNeighborhood()?.edgeKeys).toEqual(['id']);
  });

  it.each(fieldsOf('Entity'))('answers $field of $type as the entity read whole does', async ({ type, select }) => {
    const query = `query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 2, limit: 200) {
      nodes { id ... on ${type} { ${select} } } edges { id from { id ... on ${type} { ${select} } } }
    } }`;
    const { data, errors } = await gql<Answer>(query, { ids: starts });
    expect(errors).toBeUndefined();
    const keys = lastNeighborhood()?.nodeKeys;
    expect(keys, 'the query read a projection, not the whole entity').toEqual(expect.arrayContaining(['id']));
    const nodes = data?.neighborhood.nodes ?? [];
    const whole = await gql<{ nodes: Array<{ id: string }> }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { id } ... on ${type} { ${select} } } }`,
      { ids: nodes.map((n) => n.id) },
    );
    expect(whole.errors).toBeUndefined();
    expect(nodes.filter((n) => Object.keys(n).length > 1).length, `a ${type} in the answer`).toBeGreaterThan(0);
    expect(nodes).toEqual(whole.data?.nodes);
  });

  it.each(fieldsOf('Relation'))('answers $field of a relation as the relation read whole does', async ({ select }) => {
    const { data, errors } = await gql<Answer>(
      `query ($ids: [ID!]!) { neighborhood(ids: $ids, depth: 2, limit: 200) { nodes { id } edges { id ${select} } } }`,
      { ids: starts },
    );
    expect(errors).toBeUndefined();
    expect(lastNeighborhood()?.edgeKeys).toEqual(expect.arrayContaining(['id']));
    const edges = data?.neighborhood.edges ?? [];
    const whole = await gql<{ nodes: Array<{ id: string }> }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Relation { id ${select} } } }`,
      { ids: edges.map((e) => e.id) },
    );
    expect(whole.errors).toBeUndefined();
    expect(edges.length).toBeGreaterThan(0);
    expect(edges).toEqual(whole.data?.nodes);
  });

  it('keeps a partly read entity to its own query: another field of the same request gets it whole', async () => {
    const { data, errors } = await gql<{
      neighborhood: { nodes: Array<{ id: string }> };
      node: { id: string; description: string | null };
    }>(
      `{ neighborhood(ids: ["${START}"]) { nodes { id } }
         node(id: "${START}") { ... on Entity { id description } } }`,
    );
    expect(errors).toBeUndefined();
    expect(lastNeighborhood()?.nodeKeys).toEqual(['id', 'kind', 'name']);
    expect(data?.node.description).toBeTruthy();
  });
});
