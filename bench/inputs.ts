import { de, Faker } from '@faker-js/faker';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Inputs } from './operations.js';
import { type Scale, synId } from './synthetic.js';

/**
 * What each benchmarked operation is asked, drawn with a seeded generator
 * from the synthetic graph: the same seed and scale give the same questions.
 * Edits come in a separate pool for each side, so their versions never
 * collide; their versions are read when the edits start.
 */
export interface InputLists {
  readonly search: Array<Inputs['search']>;
  readonly neighborhood1: Array<Inputs['neighborhood1']>;
  readonly neighborhood2: Array<Inputs['neighborhood2']>;
  readonly paths: Array<Inputs['paths']>;
  readonly timeline: Array<Inputs['timeline']>;
  readonly nested: Array<Inputs['nested']>;
  /** One pool per side. */
  readonly updateEntity: Array<Array<Inputs['updateEntity']>>;
}

async function read<T>(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<T[]> {
  const { records } = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return records.map((record) => record.toObject() as T);
}

export async function pickInputs(
  driver: Driver,
  scale: Scale,
  seed: number,
  count: number,
  sides = 3,
): Promise<InputLists> {
  const faker = new Faker({ locale: [de] });
  faker.seed(seed + 1);
  const people = (n: number) => Array.from({ length: n }, () => synId('PERSON', faker.number.int(scale.people - 1)));
  const anyEntity = () =>
    faker.helpers.weightedArrayElement([
      { weight: 5, value: () => synId('PERSON', faker.number.int(scale.people - 1)) },
      { weight: 3, value: () => synId('ORGANIZATION', faker.number.int(scale.organisations - 1)) },
      { weight: 2, value: () => synId('REGION', faker.number.int(scale.regions - 1)) },
      { weight: 1, value: () => synId('INITIATIVE', faker.number.int(scale.initiatives - 1)) },
    ])();

  // Analysts search for surnames: the last word of a person's name.
  const names = await read<{ name: string }>(driver, 'MATCH (p:Person) WHERE p.id IN $ids RETURN p.name AS name', {
    ids: people(count),
  });
  const search = names.map(({ name }) => ({ q: name.split(' ').at(-1) ?? name }));

  // Path ends a few hops apart, found by a walk from a random start, so that a path exists.
  const paths: { from: string; to: string }[] = [];
  while (paths.length < count) {
    const from = anyEntity();
    const hops = faker.number.int({ min: 2, max: 4 });
    const [row] = await read<{ to: string }>(
      driver,
      `MATCH (a:Entity {id: $from})-[rs*${hops}]-(b:Entity)
       WHERE b <> a AND all(r IN rs WHERE type(r) <> 'MENTIONS')
       RETURN b.id AS to SKIP $skip LIMIT 1`,
      { from, skip: neo4j.int(faker.number.int(20)) },
    );
    if (row) paths.push({ from, to: row.to });
  }

  const timeline = Array.from({ length: count }, () => {
    const start = faker.date.between({ from: '2018-01-01', to: '2026-01-01' });
    const end = new Date(start.getTime() + faker.number.int({ min: 7, max: 90 }) * 86_400_000);
    return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
  });

  return {
    search,
    neighborhood1: Array.from({ length: count }, () => ({ id: anyEntity() })),
    neighborhood2: Array.from({ length: count }, () => ({ id: anyEntity() })),
    paths,
    timeline,
    nested: Array.from({ length: count }, () => ({ id: anyEntity() })),
    // Side k edits people whose number leaves k when divided by the number of sides: no two sides share one.
    updateEntity: Array.from({ length: sides }, (_, side) =>
      Array.from({ length: count }, () => ({
        id: synId('PERSON', faker.number.int(Math.floor(scale.people / sides) - 1) * sides + side),
        version: 0,
        description: faker.lorem.sentence({ min: 6, max: 14 }),
      })),
    ),
  };
}
