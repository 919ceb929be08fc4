import { afterAll, describe, expect, it } from 'vitest';
import { setupApi } from '../support/api.js';
import { EVENTS, FACTS, factsOf, nameOf, SEED } from '../support/seed-facts.js';

// The analysts' questions of the README ("What GovGraph knows"), each answered through the API as the README says.
const { db, gql } = setupApi();
afterAll(() => db.close());

const LAENDER = SEED.entities.filter((e) => e.kind === 'REGION' && e.level === 'LAND').map((e) => e.id);

interface Fact {
  id: string;
  role: string | null;
  from: { id: string; name: string };
  to: { id: string; name: string };
  validFrom: { date: string; qualifier: string } | null;
  validTo: { date: string; qualifier: string } | null;
}
const FACT = 'id role from { id name } to { id name } validFrom { date qualifier } validTo { date qualifier }';

describe('what an analyst asks, answered through the API', () => {
  it('who were the CIOs of Sachsen-Anhalt since 2017, with start and end as precise as the sources', async () => {
    const { data, errors } = await gql<{ nodes: Array<{ relations: { nodes: Fact[] } }> }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity {
        relations(types: [HOLDS_OFFICE_AT], direction: IN, first: 100) { nodes { ${FACT} } } } } }`,
      { ids: ['org:finanzministerium-sachsen-anhalt', 'org:mid-sachsen-anhalt'] },
    );
    expect(errors).toBeUndefined();
    const cios = (data?.nodes ?? [])
      .flatMap((n) => n.relations.nodes)
      .filter((f) => /CIO des Landes Sachsen-Anhalt/.test(f.role ?? ''));
    const first = (who: string) => cios.filter((f) => f.from.name === who);
    expect(first('Michael Richter').map((f) => f.validTo)).toContainEqual({ date: '2020-04-01', qualifier: 'EXACT' });
    expect(first('Rüdiger Malter')).toContainEqual(
      expect.objectContaining({
        validFrom: { date: '2020-04', qualifier: 'EXACT' },
        validTo: { date: '2021-09', qualifier: 'EXACT' },
      }),
    );
    expect(first('Bernd Schlömer').map((f) => f.validFrom)).toContainEqual({ date: '2021-10', qualifier: 'EXACT' });
  });

  it('which Länder have a ministry with "Digital" in its name, and who leads it', async () => {
    const { data, errors } = await gql<{
      search: {
        totalCount: number;
        nodes: Array<{
          id: string;
          name: string;
          orgType: string;
          region: { id: string } | null;
          relations: { nodes: Fact[] };
        }>;
      };
    }>(`{ search(query: "Digital", orgTypes: [MINISTRY], first: 20) { totalCount nodes {
      id name ... on Organization { orgType } region { id }
      relations(types: [HOLDS_OFFICE_AT], direction: IN, first: 5) { nodes { ${FACT} } } } } }`);
    expect(errors).toBeUndefined();
    const hits = data?.search.nodes ?? [];
    expect(data?.search.totalCount).toBeLessThanOrEqual(20);
    expect(hits.every((h) => h.orgType === 'MINISTRY')).toBe(true);
    const digital = hits.filter((h) => /Digital/.test(h.name));
    const expected = SEED.entities.filter((e) => e.orgType === 'MINISTRY' && /Digital/.test(e.name));
    expect(digital.map((h) => h.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const lands = new Set(digital.map((h) => h.region?.id).filter((id) => id && LAENDER.includes(id)));
    expect(lands.size).toBeGreaterThanOrEqual(9);
    const bayern = digital.find((h) => h.id === 'org:stmd-bayern');
    expect(bayern?.relations.nodes.map((f) => f.from.name)).toEqual(
      expect.arrayContaining(['Judith Gerlach', 'Fabian Mehring']),
    );
  });

  it('who represents each Land in the IT-Planungsrat, and who chairs it', async () => {
    const { data } = await gql<{ node: { relations: { totalCount: number; nodes: Array<Fact & { type: string }> } } }>(
      `{ node(id: "org:it-planungsrat") { ... on Entity {
        relations(types: [MEMBER_OF, HOLDS_OFFICE_AT], direction: IN, first: 100) { totalCount nodes { type ${FACT} } } } } }`,
    );
    const facts = data?.node.relations.nodes ?? [];
    expect(data?.node.relations.totalCount).toBe(facts.length);
    const members = new Set(facts.filter((f) => f.type === 'MEMBER_OF').map((f) => f.from.id));
    for (const land of LAENDER) expect(members).toContain(land);
    expect(members).toContain('region:de');
    const people = facts.filter((f) => f.type === 'MEMBER_OF' && f.from.id.startsWith('person:'));
    expect(people.map((f) => f.role)).toContain('Vertreter des Landes Sachsen-Anhalt');
    const chairs = new Set(facts.filter((f) => /Vorsitzende/.test(f.role ?? '')).map((f) => f.from.name));
    for (const chair of ['Markus Richter', 'Jan Pörksen', 'Patrick Burghardt', 'Ina-Maria Ulbrich'])
      expect(chairs).toContain(chair);
  });

  it('what happened to the OZG-Änderungsgesetz, step by step', async () => {
    const { data } = await gql<{
      timeline: { nodes: Array<{ id: string; name: string; date: { date: string; qualifier: string } }> };
    }>(`{ timeline(entityId: "law:ozg-aenderungsgesetz", first: 100) { nodes { id name date { date qualifier } } } }`);
    const steps = data?.timeline.nodes ?? [];
    const expected = EVENTS.filter((e) =>
      factsOf(e.id).some((r) => r.from === 'law:ozg-aenderungsgesetz' || r.to === 'law:ozg-aenderungsgesetz'),
    );
    expect(steps.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    expect(steps).toContainEqual({
      id: 'event:ozg-aenderungsgesetz-scheitert-im-bundesrat',
      name: 'Scheitern des OZG-Änderungsgesetzes im Bundesrat',
      date: { date: '2024-03-22', qualifier: 'EXACT' },
    });
    const at = (id: string) => steps.findIndex((s) => s.id === id);
    expect(at('event:ozg-aenderungsgesetz-bundestag-beschluss')).toBeLessThan(
      at('event:ozg-aenderungsgesetz-scheitert-im-bundesrat'),
    );
    expect(at('event:ozg-aenderungsgesetz-scheitert-im-bundesrat')).toBeLessThan(
      at('event:ozg-aenderungsgesetz-bundesrat-zustimmung'),
    );
  });

  it('which public IT service providers serve which Länder', async () => {
    const { data } = await gql<{
      neighborhood: {
        nodes: Array<{ id: string; orgType?: string }>;
        edges: Array<{ type: string; from: { id: string }; to: { id: string } }>;
      };
    }>(
      `query ($ids: [ID!]!) { neighborhood(ids: $ids, relationTypes: [SUPPORTS], kinds: [ORGANIZATION], limit: 200) {
        nodes { id ... on Organization { orgType } } edges { type from { id } to { id } } } }`,
      { ids: LAENDER },
    );
    const providers = new Set(
      data?.neighborhood.nodes.filter((n) => n.orgType === 'PUBLIC_IT_PROVIDER').map((n) => n.id),
    );
    const expected = FACTS.filter(
      (r) =>
        r.type === 'SUPPORTS' &&
        LAENDER.includes(r.to) &&
        SEED.entities.find((e) => e.id === r.from)?.orgType === 'PUBLIC_IT_PROVIDER',
    );
    expect(new Set(expected.map((r) => r.from))).toEqual(providers);
    expect(providers.size).toBeGreaterThanOrEqual(6);
    const served = (id: string) =>
      new Set(data?.neighborhood.edges.filter((e) => e.from.id === id).map((e) => nameOf(e.to.id)));
    expect(served('org:dataport')).toEqual(
      new Set(['Hamburg', 'Schleswig-Holstein', 'Bremen', 'Sachsen-Anhalt', 'Mecklenburg-Vorpommern', 'Niedersachsen']),
    );
  });

  it('who links the Digitalrat Sachsen-Anhalt to the IT-Planungsrat', async () => {
    const { data } = await gql<{ paths: { length: number; paths: Array<{ nodeIds: string[] }> } }>(
      `{ paths(from: "org:digitalrat-sachsen-anhalt", to: "org:it-planungsrat", asOf: "2022-09-01") {
        length paths { nodeIds } } }`,
    );
    expect(data?.paths.length).toBe(3);
    const people = new Set(data?.paths.paths.flatMap((p) => p.nodeIds.filter((id) => id.startsWith('person:'))));
    expect([...people]).toEqual(['person:bernd-schloemer']);
  });
});
