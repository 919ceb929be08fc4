/**
 * The one vocabulary of GovGraph: entity kinds and relation types with the
 * kinds allowed at each end. API, seed loader and web client all read it, so
 * adding a relation type is a change here only.
 */

export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'REGION', 'LAW', 'EVENT', 'INITIATIVE', 'ARTICLE'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

interface KindInfo {
  /** GraphQL object type and Neo4j label. */
  readonly typename: string;
  /** Prefix of the entity's id, e.g. `person:lydia-hueskens`. */
  readonly idPrefix: string;
  readonly de: string;
  readonly en: string;
}

export const KIND_INFO: Readonly<Record<EntityKind, KindInfo>> = {
  PERSON: { typename: 'Person', idPrefix: 'person', de: 'Person', en: 'Person' },
  ORGANIZATION: { typename: 'Organization', idPrefix: 'org', de: 'Organisation', en: 'Organisation' },
  REGION: { typename: 'Region', idPrefix: 'region', de: 'Region', en: 'Region' },
  LAW: { typename: 'Law', idPrefix: 'law', de: 'Gesetz', en: 'Law' },
  EVENT: { typename: 'Event', idPrefix: 'event', de: 'Ereignis', en: 'Event' },
  INITIATIVE: { typename: 'Initiative', idPrefix: 'initiative', de: 'Initiative', en: 'Initiative' },
  ARTICLE: { typename: 'Article', idPrefix: 'article', de: 'Artikel', en: 'Article' },
};

export const RELATION_ID_PREFIX = 'rel';

export function kindOfTypename(typename: string): EntityKind | undefined {
  return ENTITY_KINDS.find((kind) => KIND_INFO[kind].typename === typename);
}

export function kindOfId(id: string): EntityKind | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return ENTITY_KINDS.find((kind) => KIND_INFO[kind].idPrefix === prefix);
}

/** `kind:slug` with a lower-case slug of letters, digits and `-._`. */
const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9._-]{0,199}$/;

export function isWellFormedId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export const RELATION_TYPES = [
  'HOLDS_OFFICE_AT',
  'MEMBER_OF',
  'ADVISES',
  'PART_OF',
  'LOCATED_IN',
  'RESPONSIBLE_FOR',
  'PARTICIPATED_IN',
  'HOSTED',
  'TOOK_PLACE_IN',
  'CONCERNS',
  'IMPLEMENTS',
  'AMENDS',
  'SUPPORTS',
  'OPPOSES',
  'REFERS_TO',
  'SPOKE_ABOUT',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

interface RelationInfo {
  readonly from: readonly EntityKind[];
  readonly to: readonly EntityKind[];
  readonly de: string;
  readonly en: string;
}

const ACTORS = ['PERSON', 'ORGANIZATION', 'REGION'] as const satisfies readonly EntityKind[];
const SUBJECTS = [
  'LAW',
  'INITIATIVE',
  'EVENT',
  'ORGANIZATION',
  'REGION',
  'PERSON',
] as const satisfies readonly EntityKind[];

export const RELATION_INFO: Readonly<Record<RelationType, RelationInfo>> = {
  HOLDS_OFFICE_AT: { from: ['PERSON'], to: ['ORGANIZATION', 'REGION'], de: 'hat Amt inne bei', en: 'holds office at' },
  MEMBER_OF: {
    from: ['PERSON', 'ORGANIZATION', 'REGION'],
    to: ['ORGANIZATION'],
    de: 'ist Mitglied von',
    en: 'member of',
  },
  ADVISES: { from: ['PERSON', 'ORGANIZATION'], to: ['ORGANIZATION', 'PERSON', 'REGION'], de: 'berät', en: 'advises' },
  PART_OF: {
    from: ['ORGANIZATION', 'REGION', 'INITIATIVE', 'EVENT'],
    to: ['ORGANIZATION', 'REGION', 'INITIATIVE', 'EVENT'],
    de: 'ist Teil von',
    en: 'part of',
  },
  LOCATED_IN: { from: ['ORGANIZATION', 'INITIATIVE'], to: ['REGION'], de: 'hat Sitz in', en: 'located in' },
  RESPONSIBLE_FOR: {
    from: ACTORS,
    to: ['INITIATIVE', 'LAW', 'REGION', 'ORGANIZATION'],
    de: 'ist zuständig für',
    en: 'responsible for',
  },
  PARTICIPATED_IN: { from: ACTORS, to: ['EVENT', 'INITIATIVE'], de: 'nahm teil an', en: 'participated in' },
  HOSTED: { from: ACTORS, to: ['EVENT'], de: 'war Gastgeber von', en: 'hosted' },
  TOOK_PLACE_IN: { from: ['EVENT'], to: ['REGION'], de: 'fand statt in', en: 'took place in' },
  CONCERNS: { from: ['EVENT', 'LAW', 'INITIATIVE'], to: SUBJECTS, de: 'betrifft', en: 'concerns' },
  IMPLEMENTS: {
    from: ['ORGANIZATION', 'REGION', 'INITIATIVE'],
    to: ['LAW', 'INITIATIVE'],
    de: 'setzt um',
    en: 'implements',
  },
  AMENDS: { from: ['LAW'], to: ['LAW'], de: 'ändert', en: 'amends' },
  SUPPORTS: {
    from: ACTORS,
    to: ['LAW', 'INITIATIVE', 'ORGANIZATION', 'REGION', 'PERSON'],
    de: 'unterstützt',
    en: 'supports',
  },
  OPPOSES: { from: ACTORS, to: ['LAW', 'INITIATIVE'], de: 'lehnt ab', en: 'opposes' },
  REFERS_TO: { from: ['PERSON', 'ORGANIZATION'], to: SUBJECTS, de: 'verweist auf', en: 'refers to' },
  SPOKE_ABOUT: { from: ACTORS, to: SUBJECTS, de: 'äußerte sich zu', en: 'spoke about' },
};

export function relationAllowed(type: RelationType, from: EntityKind, to: EntityKind): boolean {
  const info = RELATION_INFO[type];
  return info.from.includes(from) && info.to.includes(to);
}

/** Closed lists of qualifiers, each value with its German and English label. */
function labelled<const T extends string>(labels: Record<T, readonly [de: string, en: string]>) {
  const values = Object.keys(labels) as T[];
  return { values, labels } as const;
}

export const REGION_LEVEL = labelled({
  BUND: ['Bund', 'Federation'],
  LAND: ['Land', 'State'],
  KREIS: ['Kreis / kreisfreie Stadt', 'District / district-free city'],
  GEMEINDE: ['Gemeinde', 'Municipality'],
});
export const REGION_LEVELS = REGION_LEVEL.values;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const ORG_TYPE = labelled({
  MINISTRY: ['Ministerium', 'Ministry'],
  COUNCIL: ['Gremium / Rat', 'Council or board'],
  AUTHORITY: ['Behörde / Agentur', 'Authority or agency'],
  PUBLIC_IT_PROVIDER: ['Öffentlicher IT-Dienstleister', 'Public IT service provider'],
  ADMINISTRATION: ['Verwaltung', 'Administration'],
  PARLIAMENT: ['Parlament / Länderkammer', 'Parliament'],
  PARTY: ['Partei / Fraktion', 'Party or parliamentary group'],
  ASSOCIATION: ['Verband', 'Association'],
  COMPANY: ['Unternehmen', 'Company'],
  LAB: ['Labor / Innovationsraum', 'Lab'],
  MEDIA: ['Medium / Verlag', 'Media'],
  OTHER: ['Sonstige', 'Other'],
});
export const ORG_TYPES = ORG_TYPE.values;
export type OrgType = (typeof ORG_TYPES)[number];

export const INITIATIVE_TYPE = labelled({
  PROGRAMME: ['Programm', 'Programme'],
  PROJECT: ['Projekt', 'Project'],
  TOPIC: ['Thema', 'Topic'],
  ROLE: ['Funktion / Stelle', 'Role or position'],
  SERIES: ['Reihe', 'Series'],
});
export const INITIATIVE_TYPES = INITIATIVE_TYPE.values;
export type InitiativeType = (typeof INITIATIVE_TYPES)[number];

export const EVENT_TYPE = labelled({
  MEETING: ['Sitzung / Treffen', 'Meeting'],
  DECISION: ['Beschluss / Abstimmung', 'Decision or vote'],
  OTHER: ['Sonstiges', 'Other'],
});
export const EVENT_TYPES = EVENT_TYPE.values;
export type EventType = (typeof EVENT_TYPES)[number];

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** How a date relates to when something happened: "recently, as reported on 31.8.2022" is ON_OR_BEFORE. */
export const DATE_QUALIFIERS = ['EXACT', 'ON_OR_BEFORE', 'ON_OR_AFTER'] as const;
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];

/** An account's role: viewers read, editors edit, admins also manage accounts. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
