import { de, Faker } from '@faker-js/faker';
import {
  type EntityKind,
  KIND_INFO,
  RELATION_INFO,
  RELATION_TYPES,
  type RelationType,
  relationAllowed,
} from '../shared/vocabulary.js';
import type { NeighborhoodQuery, NeighborhoodQueryVariables } from '../web/src/generated/graphql.js';

/**
 * A canvas-sized synthetic graph for the explorer's benchmark and its big-graph
 * test: `size` entities with German names, of the product's kinds, and about
 * 1.75 relations per entity, all valid by the vocabulary, each with a citation.
 * It is arranged as the explorer meets such a graph: a few hubs (a ministry,
 * a Land, a law …), each with up to 900 neighbours, so that expanding every hub
 * with enough pages puts all of it on the canvas. Hubs share a few neighbours,
 * so the whole is one connected graph. The same size and seed give the same graph.
 *
 * `neighborhood` answers the explorer's Neighborhood query from it the way the
 * server's query does (start entities, neighbours ordered by name up to `limit`,
 * every relation among those returned, counts of neighbours left out), in the
 * exact shape the server sends, typed by the explorer's generated client types.
 */

export type Neighborhood = NeighborhoodQuery['neighborhood'];
type CanvasNode = Neighborhood['nodes'][number];
type CanvasEdge = Neighborhood['edges'][number];

export interface CanvasGraph {
  readonly hubs: readonly string[];
  readonly nodes: ReadonlyMap<string, CanvasNode>;
  readonly edges: readonly CanvasEdge[];
  /** The explorer's query string that shows the whole graph: every hub expanded with enough pages. */
  readonly query: string;
  neighborhood(variables: NeighborhoodQueryVariables): Neighborhood;
}

/** The explorer's page of neighbours (web/src/state/view.ts) and the server's upper limit per request. */
const PAGE_SIZE = 60;
const MAX_PER_HUB = 900;
/** Neighbours each hub shares with the next, so the hubs' neighbourhoods join up. */
const SHARED = 12;
/** Relations among a hub's neighbours, per neighbour (besides each one's relation to the hub). */
const CROSS_PER_NODE = 0.75;

const TOPICS = [
  'Digitalisierung',
  'Onlinezugang',
  'Breitbandausbau',
  'E-Akte',
  'Verwaltungscloud',
  'Open Data',
  'Künstliche Intelligenz',
  'Registermodernisierung',
  'Smart Region',
  'IT-Sicherheit',
];
const BODIES = ['Ministerium für', 'Landesamt für', 'Zweckverband', 'Kompetenzzentrum', 'Amt für', 'Stabsstelle'];
const EVENTS = ['Sitzung des Digitalrats zu', 'Fachtag', 'Kongress', 'Kabinettsbeschluss zu', 'Workshop'];
const LAWS = ['Onlinezugangsgesetz', 'E-Government-Gesetz', 'Registermodernisierungsgesetz', 'Digitalgesetz'];
const OFFICES = ['Ministerin', 'Staatssekretär', 'Referatsleiterin', 'Landrat', 'CIO', 'Abteilungsleiter'];

const MEMBER_KINDS: ReadonlyArray<{ weight: number; value: EntityKind }> = [
  { weight: 40, value: 'PERSON' },
  { weight: 20, value: 'ORGANIZATION' },
  { weight: 18, value: 'EVENT' },
  { weight: 10, value: 'INITIATIVE' },
  { weight: 8, value: 'REGION' },
  { weight: 4, value: 'LAW' },
];
const HUB_KINDS: readonly EntityKind[] = ['ORGANIZATION', 'REGION', 'LAW', 'INITIATIVE', 'ORGANIZATION', 'EVENT'];

/** A relation type the vocabulary allows between two kinds, and which way it points; null when there is none. */
function relationBetween(faker: Faker, a: EntityKind, b: EntityKind): { type: RelationType; forward: boolean } | null {
  const forward = RELATION_TYPES.filter((t) => relationAllowed(t, a, b)).map((type) => ({ type, forward: true }));
  const backward = RELATION_TYPES.filter((t) => relationAllowed(t, b, a)).map((type) => ({ type, forward: false }));
  const all = [...forward, ...backward];
  return all.length === 0 ? null : faker.helpers.arrayElement(all);
}

function day(faker: Faker): string {
  return faker.date.between({ from: '2016-01-01', to: '2025-12-31' }).toISOString().slice(0, 10);
}

function entity(faker: Faker, kind: EntityKind, n: number): CanvasNode {
  const id = `${KIND_INFO[kind].idPrefix}:canvas-${String(n).padStart(5, '0')}`;
  const city = faker.location.city();
  const topic = faker.helpers.arrayElement(TOPICS);
  const described = faker.datatype.boolean(0.2);
  const base = { id, kind, description: null as string | null };
  switch (kind) {
    case 'PERSON': {
      const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
      return { ...base, name, description: described ? `${faker.helpers.arrayElement(OFFICES)} in ${city}` : null };
    }
    case 'ORGANIZATION':
      return {
        ...base,
        name: faker.datatype.boolean(0.2)
          ? faker.company.name()
          : `${faker.helpers.arrayElement(BODIES)} ${topic} ${city}`,
      };
    case 'REGION':
      return { ...base, name: faker.helpers.arrayElement([`Landkreis ${city}`, city, `Gemeinde ${city}`]) };
    case 'LAW':
      return { ...base, name: `${faker.helpers.arrayElement(LAWS)} ${faker.location.state()} (${n})` };
    case 'INITIATIVE':
      return { ...base, name: `${topic} ${city}`, description: described ? `Projekt zu ${topic}` : null };
    case 'EVENT':
      return {
        ...base,
        name: `${faker.helpers.arrayElement(EVENTS)} ${topic} in ${city}`,
        date: { date: day(faker), precision: 'DAY' as const, qualifier: 'EXACT' as const },
      };
    case 'ARTICLE':
      return { ...base, name: `${topic}: ${city}` };
  }
}

/** Numbers skewed towards 0: a few entities gather many relations, as ministries do. */
const skewed = (faker: Faker, below: number) => Math.floor(faker.number.float({ min: 0, max: 1 }) ** 2 * below);

export function canvasGraph(size: number, seed = 20221031): CanvasGraph {
  if (!Number.isInteger(size) || size < 2) throw new Error(`a canvas graph needs at least 2 entities, not ${size}`);
  const faker = new Faker({ locale: [de] });
  faker.seed(seed + size);
  const hubCount = Math.ceil(size / (MAX_PER_HUB - SHARED));
  let n = 0;
  const hubs = Array.from({ length: hubCount }, (_, i) => entity(faker, HUB_KINDS[i % HUB_KINDS.length] ?? 'LAW', n++));
  const members = Array.from({ length: size - hubCount }, () =>
    entity(faker, faker.helpers.weightedArrayElement(MEMBER_KINDS), n++),
  );
  // Each hub's own share of the members, plus the first few of the next hub's share.
  const share = Math.ceil(members.length / hubCount);
  const groups = hubs.map((_, i) => [
    ...members.slice(i * share, (i + 1) * share),
    ...(i + 1 < hubCount ? members.slice((i + 1) * share, (i + 1) * share + SHARED) : []),
  ]);
  const articles = Array.from({ length: 40 }, (_, i) => ({
    id: `article:canvas-${String(i).padStart(3, '0')}`,
    title: `${faker.helpers.arrayElement(TOPICS)}: ${faker.location.city()} ${faker.helpers.arrayElement(['startet', 'plant', 'beschließt', 'diskutiert'])} ${faker.helpers.arrayElement(TOPICS)}`,
    publishedOn: day(faker),
    url: `https://example.org/canvas/${i}`,
  }));
  const edges: CanvasEdge[] = [];
  const linked = new Set<string>();
  const relate = (a: CanvasNode, b: CanvasNode): boolean => {
    const relation = relationBetween(faker, a.kind, b.kind);
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (!relation || a.id === b.id || linked.has(key)) return false;
    linked.add(key);
    const [from, to] = relation.forward ? [a, b] : [b, a];
    const article = faker.helpers.arrayElement(articles);
    const since = faker.datatype.boolean(0.6) ? day(faker) : null;
    const precision = faker.helpers.arrayElement(['DAY', 'MONTH', 'YEAR'] as const);
    edges.push({
      id: `rel:canvas-${String(edges.length).padStart(6, '0')}`,
      type: relation.type,
      role:
        relation.type === 'HOLDS_OFFICE_AT'
          ? faker.helpers.arrayElement(OFFICES)
          : relation.type === 'HOSTED'
            ? 'Gastgeber'
            : null,
      from: { id: from.id },
      to: { id: to.id },
      validFrom: since
        ? {
            date: precision === 'DAY' ? since : precision === 'MONTH' ? since.slice(0, 7) : since.slice(0, 4),
            precision,
            qualifier: faker.helpers.arrayElement(['EXACT', 'ON_OR_BEFORE'] as const),
          }
        : null,
      validTo: null,
      citations: [
        {
          quote: `${from.name} ${RELATION_INFO[relation.type].de} ${to.name}.`,
          note: null,
          article,
        },
      ],
    });
    return true;
  };
  for (const [i, hub] of hubs.entries()) {
    const group = groups[i] ?? [];
    for (const member of group) relate(hub, member);
    // A kind pair the vocabulary has no relation for is drawn again; a bounded number of tries keeps it finite.
    let made = 0;
    for (let tries = 0; made < group.length * CROSS_PER_NODE && tries < group.length * 4; tries++) {
      const a = group[faker.number.int({ min: 0, max: group.length - 1 })];
      const b = group[skewed(faker, group.length)];
      if (a && b && relate(a, b)) made += 1;
    }
  }
  const nodes = new Map([...hubs, ...members].map((node) => [node.id, node]));
  const query = `?e=${hubs.map((hub, i) => `${hub.id}*${Math.ceil((groups[i]?.length ?? 0) / PAGE_SIZE)}`).join(',')}`;
  return { hubs: hubs.map((h) => h.id), nodes, edges, query, neighborhood: (v) => answer(nodes, edges, v) };
}

/** The server's neighbourhood query (cypher/queries/neighborhood.cypher) over the generated graph. */
function answer(
  nodes: ReadonlyMap<string, CanvasNode>,
  edges: readonly CanvasEdge[],
  variables: NeighborhoodQueryVariables,
): Neighborhood {
  const ids = Array.isArray(variables.ids) ? variables.ids : [variables.ids];
  const types = variables.relationTypes ? new Set<string>([variables.relationTypes].flat()) : null;
  const limit = variables.limit ?? 100;
  const depth = variables.depth ?? 1;
  const usable = edges.filter((e) => !types || types.has(e.type));
  const around = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = around.get(a);
    if (list) list.push(b);
    else around.set(a, [b]);
  };
  for (const e of usable) {
    link(e.from.id, e.to.id);
    link(e.to.id, e.from.id);
  }
  const starts = ids.flatMap((id) => nodes.get(id) ?? []);
  const distance = new Map(starts.map((s) => [s.id, 0]));
  let frontier = starts.map((s) => s.id);
  for (let hop = 1; hop <= depth; hop++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const m of around.get(id) ?? [])
        if (!distance.has(m)) {
          distance.set(m, hop);
          next.push(m);
        }
    frontier = next;
  }
  const reached = [...distance.entries()]
    .filter(([, d]) => d > 0)
    .flatMap(([id, d]) => {
      const node = nodes.get(id);
      return node ? [{ node, d }] : [];
    })
    .sort((a, b) => a.d - b.d || (a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0))
    .map((r) => r.node);
  const picked = [...starts, ...reached.slice(0, limit)];
  const inPicked = new Set(picked.map((p) => p.id));
  const hiddenNeighbors = picked.flatMap((p) => {
    const count = new Set((around.get(p.id) ?? []).filter((m) => !inPicked.has(m))).size;
    return count > 0 ? [{ entity: { id: p.id }, count }] : [];
  });
  return {
    truncated: reached.length > limit,
    nodes: picked,
    edges: usable.filter((e) => inPicked.has(e.from.id) && inPicked.has(e.to.id)),
    hiddenNeighbors,
  };
}
