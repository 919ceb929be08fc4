/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An article an editor pasted, for proposeFacts. */
export type ArticleDraft = {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedOn: string;
  /** At most 300 characters. */
  publisher?: string | null | undefined;
  /** 1 to 100,000 characters. */
  text: string;
  /** Not empty, at most 500 characters. */
  title: string;
  /** http(s). */
  url: string;
};

/** Where a fact comes from: an article already in the graph and, where it says so in words, the quote. */
export type CitationInput = {
  article: string;
  /** How the fact follows from the article where it is implied rather than stated. */
  note?: string | null | undefined;
  /** Verbatim from the article. */
  quote?: string | null | undefined;
};

/** How sure the intake is of a proposed fact: HIGH where the words say it plainly. */
export type Confidence =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** A new entity. Without an id, one is made from the kind and name (person:lydia-hueskens). */
export type CreateEntityInput = {
  abbreviation?: string | null | undefined;
  address?: string | null | undefined;
  ags?: string | null | undefined;
  aliases?: Array<string> | null | undefined;
  areaKm2?: number | null | undefined;
  author?: string | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string | null | undefined;
  dateQualifier?: DateQualifier | null | undefined;
  description?: string | null | undefined;
  eventType?: EventType | null | undefined;
  id?: string | null | undefined;
  initiativeType?: InitiativeType | null | undefined;
  kind: EntityKind;
  kreisType?: string | null | undefined;
  level?: RegionLevel | null | undefined;
  license?: string | null | undefined;
  name: string;
  nuts?: string | null | undefined;
  orgType?: OrgType | null | undefined;
  population?: number | null | undefined;
  populationDate?: string | null | undefined;
  publishedOn?: string | null | undefined;
  publisher?: string | null | undefined;
  source?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  url?: string | null | undefined;
  website?: string | null | undefined;
};

/** A new fact. Without an id, one is made from its ends and type (rel:lydia-hueskens-holds-office-at-mid-sachsen-anhalt). */
export type CreateRelationInput = {
  /** At least one. */
  citations: Array<CitationInput>;
  from: string;
  id?: string | null | undefined;
  /** e.g. Landrat, Gastgeber. */
  role?: string | null | undefined;
  to: string;
  type: RelationType;
  /** YYYY, YYYY-MM or YYYY-MM-DD; its form is its precision. */
  validFrom?: string | null | undefined;
  validFromQualifier?: DateQualifier | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD; its form is its precision. */
  validTo?: string | null | undefined;
  validToQualifier?: DateQualifier | null | undefined;
};

/** How exactly a date is known. */
export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** How a date relates to the fact: exactly then, or at the latest / the earliest then. */
export type DateQualifier =
  | 'EXACT'
  | 'ON_OR_AFTER'
  | 'ON_OR_BEFORE';

/** The kinds of entity in the graph. */
export type EntityKind =
  /** Article (Artikel) */
  | 'ARTICLE'
  /** Event (Ereignis) */
  | 'EVENT'
  /** Initiative (Initiative) */
  | 'INITIATIVE'
  /** Law (Gesetz) */
  | 'LAW'
  /** Organisation (Organisation) */
  | 'ORGANIZATION'
  /** Person (Person) */
  | 'PERSON'
  /** Region (Region) */
  | 'REGION';

/** What to change; fields left out stay as they are, null clears an optional one. */
export type EntityPatch = {
  abbreviation?: string | null | undefined;
  address?: string | null | undefined;
  ags?: string | null | undefined;
  aliases?: Array<string> | null | undefined;
  areaKm2?: number | null | undefined;
  author?: string | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string | null | undefined;
  dateQualifier?: DateQualifier | null | undefined;
  description?: string | null | undefined;
  eventType?: EventType | null | undefined;
  initiativeType?: InitiativeType | null | undefined;
  kreisType?: string | null | undefined;
  level?: RegionLevel | null | undefined;
  license?: string | null | undefined;
  name?: string | null | undefined;
  nuts?: string | null | undefined;
  orgType?: OrgType | null | undefined;
  population?: number | null | undefined;
  populationDate?: string | null | undefined;
  publishedOn?: string | null | undefined;
  publisher?: string | null | undefined;
  source?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  url?: string | null | undefined;
  website?: string | null | undefined;
};

/** What kind of event. */
export type EventType =
  /** Decision or vote (Beschluss / Abstimmung) */
  | 'DECISION'
  /** Meeting (Sitzung / Treffen) */
  | 'MEETING'
  /** Other (Sonstiges) */
  | 'OTHER';

/** What a proposed fact rests on: a title naming the body (TITLE_NAMES) or an office of it (TITLE_OFFICE_OF), a title and the only fitting place in the sentence (TITLE_ONLY_PLACE), a verb or noun (CUE; CUE_PASSIVE with the agent after "von"), quotation marks (QUOTATION), an event and a place (EVENT_PLACE), "X in Y" (LOCATED). */
export type FactBasisKind =
  | 'CUE'
  | 'CUE_PASSIVE'
  | 'EVENT_PLACE'
  | 'LOCATED'
  | 'QUOTATION'
  | 'TITLE_NAMES'
  | 'TITLE_OFFICE_OF'
  | 'TITLE_ONLY_PLACE';

/** Programme, project, topic, role or series. */
export type InitiativeType =
  /** Programme (Programm) */
  | 'PROGRAMME'
  /** Project (Projekt) */
  | 'PROJECT'
  /** Role or position (Funktion / Stelle) */
  | 'ROLE'
  /** Series (Reihe) */
  | 'SERIES'
  /** Topic (Thema) */
  | 'TOPIC';

/** The article. Without an id, one is made from the title (article:…). */
export type IntakeArticleInput = {
  author?: string | null | undefined;
  id?: string | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedOn: string;
  publisher: string;
  tags?: Array<string> | null | undefined;
  title: string;
  url?: string | null | undefined;
};

/** A fact the article states, cited to it with the quote that says so. from/to: ids in the graph or of newEntities. */
export type IntakeFactInput = {
  /** The fact of the graph with this type and these ends (FactProposal.existing): the article is added as a further source of it instead of a second fact; its role and dates stay. */
  existing?: string | null | undefined;
  from: string;
  /** How the fact follows from the quote, where it is implied. */
  note?: string | null | undefined;
  /** Verbatim from the article. */
  quote: string;
  role?: string | null | undefined;
  to: string;
  type: RelationType;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  validFrom?: string | null | undefined;
  validFromQualifier?: DateQualifier | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  validTo?: string | null | undefined;
  validToQualifier?: DateQualifier | null | undefined;
};

/** An article and what an editor confirmed from it; applied all or nothing. */
export type IntakeInput = {
  article: IntakeArticleInput;
  facts: Array<IntakeFactInput>;
  /** Further entities the article mentions (without a fact). */
  mentions?: Array<string> | null | undefined;
  /** Entities the graph does not have yet. */
  newEntities?: Array<CreateEntityInput> | null | undefined;
  /** The pasted text, kept with the intake. */
  text?: string | null | undefined;
};

/** PENDING waits for a second editor (GOVGRAPH_FOUR_EYES); APPLIED is in the graph; REJECTED is not. */
export type IntakeStatus =
  | 'APPLIED'
  | 'PENDING'
  | 'REJECTED';

/** What kind of organisation. */
export type OrgType =
  /** Administration (Verwaltung) */
  | 'ADMINISTRATION'
  /** Association (Verband) */
  | 'ASSOCIATION'
  /** Authority or agency (Behörde / Agentur) */
  | 'AUTHORITY'
  /** Company (Unternehmen) */
  | 'COMPANY'
  /** Council or board (Gremium / Rat) */
  | 'COUNCIL'
  /** Lab (Labor / Innovationsraum) */
  | 'LAB'
  /** Media (Medium / Verlag) */
  | 'MEDIA'
  /** Ministry (Ministerium) */
  | 'MINISTRY'
  /** Other (Sonstige) */
  | 'OTHER'
  /** Parliament (Parlament / Länderkammer) */
  | 'PARLIAMENT'
  /** Party or parliamentary group (Partei / Fraktion) */
  | 'PARTY'
  /** Public IT service provider (Öffentlicher IT-Dienstleister) */
  | 'PUBLIC_IT_PROVIDER';

/** How the intake found an entity in the text. */
export type ProposalReason =
  /** By one of its aliases or abbreviations (MID, OZG, Digitalrat). */
  | 'ALIAS'
  /** A new person named without a title, by a first name before the surname ("Katrin Suder"). */
  | 'FIRST_NAME'
  /** By its name (folded: Hueskens = Hüskens), or a surname named in full before. */
  | 'NAME'
  /** A new organisation by the form of its name: a body's head noun with what it is of ("Landesamt für Statistik"), or a legal form ("Esatus AG"). */
  | 'NAME_PATTERN'
  /** A Land, Kreis or Gemeinde of the graph, by its name or alias. */
  | 'REGION'
  /** By a title before a name ("Landrätin Anna Muster"), or as the ministry a minister's title names. */
  | 'TITLE_PATTERN';

/** Bund, Land, Kreis (incl. kreisfreie Städte) or Gemeinde. */
export type RegionLevel =
  /** Federation (Bund) */
  | 'BUND'
  /** Municipality (Gemeinde) */
  | 'GEMEINDE'
  /** District / district-free city (Kreis / kreisfreie Stadt) */
  | 'KREIS'
  /** State (Land) */
  | 'LAND';

/** What to change of a fact; fields left out stay as they are, null clears one (clearing a date clears its qualifier). Citations can be replaced but never emptied. Type and ends cannot change: delete the fact and create another. */
export type RelationPatch = {
  citations?: Array<CitationInput> | null | undefined;
  role?: string | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD; its form is its precision. */
  validFrom?: string | null | undefined;
  validFromQualifier?: DateQualifier | null | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD; its form is its precision. */
  validTo?: string | null | undefined;
  validToQualifier?: DateQualifier | null | undefined;
};

/** The vocabulary of relations, each with the kinds allowed at its ends. */
export type RelationType =
  /** advises / berät: PERSON, ORGANIZATION → ORGANIZATION, PERSON, REGION */
  | 'ADVISES'
  /** amends / ändert: LAW → LAW */
  | 'AMENDS'
  /** concerns / betrifft: EVENT, LAW, INITIATIVE → LAW, INITIATIVE, EVENT, ORGANIZATION, REGION, PERSON */
  | 'CONCERNS'
  /** holds office at / hat Amt inne bei: PERSON → ORGANIZATION, REGION */
  | 'HOLDS_OFFICE_AT'
  /** hosted / war Gastgeber von: PERSON, ORGANIZATION, REGION → EVENT */
  | 'HOSTED'
  /** implements / setzt um: ORGANIZATION, REGION, INITIATIVE → LAW, INITIATIVE */
  | 'IMPLEMENTS'
  /** located in / hat Sitz in: ORGANIZATION, INITIATIVE → REGION */
  | 'LOCATED_IN'
  /** member of / ist Mitglied von: PERSON, ORGANIZATION, REGION → ORGANIZATION */
  | 'MEMBER_OF'
  /** opposes / lehnt ab: PERSON, ORGANIZATION, REGION → LAW, INITIATIVE */
  | 'OPPOSES'
  /** participated in / nahm teil an: PERSON, ORGANIZATION, REGION → EVENT, INITIATIVE */
  | 'PARTICIPATED_IN'
  /** part of / ist Teil von: ORGANIZATION, REGION, INITIATIVE, EVENT → ORGANIZATION, REGION, INITIATIVE, EVENT */
  | 'PART_OF'
  /** refers to / verweist auf: PERSON, ORGANIZATION → LAW, INITIATIVE, EVENT, ORGANIZATION, REGION, PERSON */
  | 'REFERS_TO'
  /** responsible for / ist zuständig für: PERSON, ORGANIZATION, REGION → INITIATIVE, LAW, REGION, ORGANIZATION */
  | 'RESPONSIBLE_FOR'
  /** spoke about / äußerte sich zu: PERSON, ORGANIZATION, REGION → LAW, INITIATIVE, EVENT, ORGANIZATION, REGION, PERSON */
  | 'SPOKE_ABOUT'
  /** supports / unterstützt: PERSON, ORGANIZATION, REGION → LAW, INITIATIVE, ORGANIZATION, REGION, PERSON */
  | 'SUPPORTS'
  /** took place in / fand statt in: EVENT → REGION */
  | 'TOOK_PLACE_IN';

/** viewer reads, editor also edits, admin also manages accounts and API tokens. */
export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'VIEWER';

/** Where a search hit matched. */
export type SearchField =
  /** In one of its aliases or abbreviations. */
  | 'ALIAS'
  /** In its name. */
  | 'NAME';

type EditableEntity_Article_Fragment = { publisher: string | null, publishedOn: string | null, url: string | null, tags: Array<string>, license: string | null, author: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

type EditableEntity_Event_Fragment = { eventType: EventType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null, date: { date: string, qualifier: DateQualifier } | null };

type EditableEntity_Initiative_Fragment = { initiativeType: InitiativeType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

type EditableEntity_Law_Fragment = { abbreviation: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

type EditableEntity_Organization_Fragment = { orgType: OrgType | null, website: string | null, address: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

type EditableEntity_Person_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

type EditableEntity_Region_Fragment = { level: RegionLevel | null, ags: string | null, nuts: string | null, kreisType: string | null, areaKm2: number | null, population: number | null, populationDate: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null };

export type EditableEntityFragment =
  | EditableEntity_Article_Fragment
  | EditableEntity_Event_Fragment
  | EditableEntity_Initiative_Fragment
  | EditableEntity_Law_Fragment
  | EditableEntity_Organization_Fragment
  | EditableEntity_Person_Fragment
  | EditableEntity_Region_Fragment
;

export type ChangeEntryFragment = { id: string, batch: string, operation: string, reverts: string | null, revertedBy: string | null, toVersion: number | null, target: string, action: string, at: string, fromVersion: number | null };

export type ChangeAuditFragment = { by: string | null, before: string | null, after: string | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, role: Role } | null };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { id: string, email: string, role: Role } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type EditableEntityQueryVariables = Exact<{
  id: string;
}>;


export type EditableEntityQuery = { node:
    | { publisher: string | null, publishedOn: string | null, url: string | null, tags: Array<string>, license: string | null, author: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { eventType: EventType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null, date: { date: string, qualifier: DateQualifier } | null }
    | { initiativeType: InitiativeType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { abbreviation: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { orgType: OrgType | null, website: string | null, address: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { level: RegionLevel | null, ags: string | null, nuts: string | null, kreisType: string | null, areaKm2: number | null, population: number | null, populationDate: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | Record<PropertyKey, never>
   | null };

export type CreateEntityMutationVariables = Exact<{
  input: CreateEntityInput;
}>;


export type CreateEntityMutation = { createEntity:
    | { publisher: string | null, publishedOn: string | null, url: string | null, tags: Array<string>, license: string | null, author: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { eventType: EventType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null, date: { date: string, qualifier: DateQualifier } | null }
    | { initiativeType: InitiativeType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { abbreviation: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { orgType: OrgType | null, website: string | null, address: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { level: RegionLevel | null, ags: string | null, nuts: string | null, kreisType: string | null, areaKm2: number | null, population: number | null, populationDate: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
   };

export type UpdateEntityMutationVariables = Exact<{
  id: string;
  version: number;
  patch: EntityPatch;
}>;


export type UpdateEntityMutation = { updateEntity:
    | { publisher: string | null, publishedOn: string | null, url: string | null, tags: Array<string>, license: string | null, author: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { eventType: EventType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null, date: { date: string, qualifier: DateQualifier } | null }
    | { initiativeType: InitiativeType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { abbreviation: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { orgType: OrgType | null, website: string | null, address: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { level: RegionLevel | null, ags: string | null, nuts: string | null, kreisType: string | null, areaKm2: number | null, population: number | null, populationDate: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
   };

export type DeleteEntityMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteEntityMutation = { deleteEntity: string };

export type HistoryQueryVariables = Exact<{
  id: string;
  audit: boolean;
}>;


export type HistoryQuery = { history: Array<{ id: string, batch: string, operation: string, reverts: string | null, revertedBy: string | null, toVersion: number | null, target: string, action: string, at: string, fromVersion: number | null } & { by?: string | null, before?: string | null, after?: string | null }> };

export type EditableRelationFragment = { id: string, version: number, type: RelationType, role: string | null, from:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
  , to:
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
    | { id: string, kind: EntityKind, name: string }
  , validFrom: { date: string, qualifier: DateQualifier } | null, validTo: { date: string, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string } }> };

export type EditableRelationQueryVariables = Exact<{
  id: string;
}>;


export type EditableRelationQuery = { node:
    | { id: string, version: number, type: RelationType, role: string | null, from:
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      , to:
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
        | { id: string, kind: EntityKind, name: string }
      , validFrom: { date: string, qualifier: DateQualifier } | null, validTo: { date: string, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string } }> }
    | Record<PropertyKey, never>
   | null };

export type CreateRelationMutationVariables = Exact<{
  input: CreateRelationInput;
}>;


export type CreateRelationMutation = { createRelation: { id: string, version: number, type: RelationType, role: string | null, from:
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    , to:
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    , validFrom: { date: string, qualifier: DateQualifier } | null, validTo: { date: string, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string } }> } };

export type UpdateRelationMutationVariables = Exact<{
  id: string;
  version: number;
  patch: RelationPatch;
}>;


export type UpdateRelationMutation = { updateRelation: { id: string, version: number, type: RelationType, role: string | null, from:
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    , to:
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
      | { id: string, kind: EntityKind, name: string }
    , validFrom: { date: string, qualifier: DateQualifier } | null, validTo: { date: string, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string } }> } };

export type DeleteRelationMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteRelationMutation = { deleteRelation: string };

export type MergeEntitiesMutationVariables = Exact<{
  survivor: string;
  survivorVersion: number;
  duplicate: string;
  duplicateVersion: number;
}>;


export type MergeEntitiesMutation = { mergeEntities:
    | { publisher: string | null, publishedOn: string | null, url: string | null, tags: Array<string>, license: string | null, author: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { eventType: EventType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null, date: { date: string, qualifier: DateQualifier } | null }
    | { initiativeType: InitiativeType | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { abbreviation: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { orgType: OrgType | null, website: string | null, address: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
    | { level: RegionLevel | null, ags: string | null, nuts: string | null, kreisType: string | null, areaKm2: number | null, population: number | null, populationDate: string | null, id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string | null, version: number, recordedAt: string | null, recordedBy: string | null }
   };

export type RevertChangeMutationVariables = Exact<{
  id: string;
}>;


export type RevertChangeMutation = { revertChange: Array<{ id: string, batch: string, operation: string, reverts: string | null, revertedBy: string | null, toVersion: number | null, target: string, action: string, at: string, fromVersion: number | null, by: string | null, before: string | null, after: string | null }> };

export type ProposeFactsQueryVariables = Exact<{
  article: ArticleDraft;
}>;


export type ProposeFactsQuery = { proposeFacts: { article: { id: string, existing:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }, entities: Array<{ key: string, kind: EntityKind, name: string, matched: string, reason: ProposalReason, role: string | null, type: string | null, quote: string, existing:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null }>, dates: Array<{ date: string, precision: DatePrecision, text: string, quote: string }>, facts: Array<{ key: string, type: RelationType, from: string, to: string, role: string | null, validFrom: string | null, validFromQualifier: DateQualifier | null, validTo: string | null, validToQualifier: DateQualifier | null, quote: string, reason: string, confidence: Confidence, existing: { id: string } | null, basis: { kind: FactBasisKind, text: string } }> } };

export type GraphChangedSubscriptionVariables = Exact<{
  audit: boolean;
}>;


export type GraphChangedSubscription = { graphChanged: { batch: string, at: string, by?: string | null, entityIds: Array<string>, relationIds: Array<string>, deletedIds: Array<string> } };

export type IntakeEntryFragment = { id: string, status: IntakeStatus, title: string, submittedBy: string, submittedAt: string, decidedBy: string | null, decidedAt: string | null, reason: string | null, payload: string, article: { id: string } | null };

export type SubmitIntakeMutationVariables = Exact<{
  input: IntakeInput;
}>;


export type SubmitIntakeMutation = { submitIntake: { status: IntakeStatus, intake: { id: string, status: IntakeStatus, title: string, submittedBy: string, submittedAt: string, decidedBy: string | null, decidedAt: string | null, reason: string | null, payload: string, article: { id: string } | null } | null, article: { id: string, title: string } | null, relations: Array<{ id: string }> } };

export type PendingIntakesQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingIntakesQuery = { pendingIntakes: Array<{ id: string, status: IntakeStatus, title: string, submittedBy: string, submittedAt: string, decidedBy: string | null, decidedAt: string | null, reason: string | null, payload: string, article: { id: string } | null }> };

export type ApproveIntakeMutationVariables = Exact<{
  id: string;
}>;


export type ApproveIntakeMutation = { approveIntake: { status: IntakeStatus, article: { id: string, title: string } | null, relations: Array<{ id: string }> } };

export type RejectIntakeMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type RejectIntakeMutation = { rejectIntake: { id: string, status: IntakeStatus, title: string, submittedBy: string, submittedAt: string, decidedBy: string | null, decidedAt: string | null, reason: string | null, payload: string, article: { id: string } | null } };

type EntityCard_Article_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

type EntityCard_Event_Fragment = { id: string, kind: EntityKind, name: string, description: string | null, date: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null };

type EntityCard_Initiative_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

type EntityCard_Law_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

type EntityCard_Organization_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

type EntityCard_Person_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

type EntityCard_Region_Fragment = { id: string, kind: EntityKind, name: string, description: string | null };

export type EntityCardFragment =
  | EntityCard_Article_Fragment
  | EntityCard_Event_Fragment
  | EntityCard_Initiative_Fragment
  | EntityCard_Law_Fragment
  | EntityCard_Organization_Fragment
  | EntityCard_Person_Fragment
  | EntityCard_Region_Fragment
;

export type FactFragment = { id: string, type: RelationType, role: string | null, from:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , to:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , validFrom: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, validTo: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string, publishedOn: string | null, url: string | null } }> };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
  orgTypes?: Array<OrgType> | OrgType | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, edges: Array<{ score: number, matched: { field: SearchField, text: string }, node:
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null, date: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null }
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
        | { orgType: OrgType | null, aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
        | { aliases: Array<string>, id: string, kind: EntityKind, name: string, description: string | null, region: { id: string, name: string } | null }
       }> } };

export type NeighborhoodQueryVariables = Exact<{
  ids: Array<string> | string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
  asOf?: string | null | undefined;
  relationTypes?: Array<RelationType> | RelationType | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null, date: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
    >, edges: Array<{ id: string, type: RelationType, role: string | null, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , validFrom: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, validTo: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string, publishedOn: string | null, url: string | null } }> }>, hiddenNeighbors: Array<{ count: number, entity:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type PathsQueryVariables = Exact<{
  from: string;
  to: string;
  asOf?: string | null | undefined;
}>;


export type PathsQuery = { paths: { length: number | null, paths: Array<{ nodeIds: Array<string>, edgeIds: Array<string> }>, nodes: Array<
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null, date: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
      | { id: string, kind: EntityKind, name: string, description: string | null }
    >, edges: Array<{ id: string, type: RelationType, role: string | null, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , validFrom: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, validTo: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string, publishedOn: string | null, url: string | null } }> }> } };

export type EntitiesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type EntitiesQuery = { nodes: Array<
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | { id: string, kind: EntityKind, name: string, description: string | null, date: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null }
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | { id: string, kind: EntityKind, name: string, description: string | null }
    | Record<PropertyKey, never>
   | null> };

export type ArticleFactsQueryVariables = Exact<{
  id: string;
}>;


export type ArticleFactsQuery = { article: { id: string, name: string, facts: { totalCount: number, nodes: Array<{ id: string }> } } | null };

export type RelationsQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type RelationsQuery = { nodes: Array<
    | { id: string, type: RelationType, role: string | null, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , validFrom: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, validTo: { date: string, precision: DatePrecision, qualifier: DateQualifier } | null, citations: Array<{ quote: string | null, note: string | null, article: { id: string, title: string, publishedOn: string | null, url: string | null } }> }
    | Record<PropertyKey, never>
   | null> };

export type RelationCountsQueryVariables = Exact<{
  id: string;
  asOf?: string | null | undefined;
}>;


export type RelationCountsQuery = { node:
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | { relationCounts: Array<{ type: RelationType, count: number }> }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EditableEntityFragmentDoc = new TypedDocumentString(`
    fragment EditableEntity on Entity {
  id
  kind
  name
  aliases
  description
  version
  recordedAt
  recordedBy
  ... on Organization {
    orgType
    website
    address
  }
  ... on Region {
    level
    ags
    nuts
    kreisType
    areaKm2
    population
    populationDate
  }
  ... on Law {
    abbreviation
  }
  ... on Event {
    eventType
    date {
      date
      qualifier
    }
  }
  ... on Initiative {
    initiativeType
  }
  ... on Article {
    publisher
    publishedOn
    url
    tags
    license
    author
  }
}
    `, {"fragmentName":"EditableEntity"}) as unknown as TypedDocumentString<EditableEntityFragment, unknown>;
export const ChangeEntryFragmentDoc = new TypedDocumentString(`
    fragment ChangeEntry on Change {
  id
  batch
  operation
  reverts
  revertedBy
  toVersion
  target
  action
  at
  fromVersion
}
    `, {"fragmentName":"ChangeEntry"}) as unknown as TypedDocumentString<ChangeEntryFragment, unknown>;
export const ChangeAuditFragmentDoc = new TypedDocumentString(`
    fragment ChangeAudit on Change {
  by
  before
  after
}
    `, {"fragmentName":"ChangeAudit"}) as unknown as TypedDocumentString<ChangeAuditFragment, unknown>;
export const EditableRelationFragmentDoc = new TypedDocumentString(`
    fragment EditableRelation on Relation {
  id
  version
  type
  role
  from {
    id
    kind
    name
  }
  to {
    id
    kind
    name
  }
  validFrom {
    date
    qualifier
  }
  validTo {
    date
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
    }
  }
}
    `, {"fragmentName":"EditableRelation"}) as unknown as TypedDocumentString<EditableRelationFragment, unknown>;
export const IntakeEntryFragmentDoc = new TypedDocumentString(`
    fragment IntakeEntry on Intake {
  id
  status
  title
  submittedBy
  submittedAt
  decidedBy
  decidedAt
  reason
  payload
  article {
    id
  }
}
    `, {"fragmentName":"IntakeEntry"}) as unknown as TypedDocumentString<IntakeEntryFragment, unknown>;
export const EntityCardFragmentDoc = new TypedDocumentString(`
    fragment EntityCard on Entity {
  id
  kind
  name
  description
  ... on Event {
    date {
      date
      precision
      qualifier
    }
  }
}
    `, {"fragmentName":"EntityCard"}) as unknown as TypedDocumentString<EntityCardFragment, unknown>;
export const FactFragmentDoc = new TypedDocumentString(`
    fragment Fact on Relation {
  id
  type
  role
  from {
    id
  }
  to {
    id
  }
  validFrom {
    date
    precision
    qualifier
  }
  validTo {
    date
    precision
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
      publishedOn
      url
    }
  }
}
    `, {"fragmentName":"Fact"}) as unknown as TypedDocumentString<FactFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    role
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    id
    email
    role
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const EditableEntityDocument = new TypedDocumentString(`
    query EditableEntity($id: ID!) {
  node(id: $id) {
    ...EditableEntity
  }
}
    fragment EditableEntity on Entity {
  id
  kind
  name
  aliases
  description
  version
  recordedAt
  recordedBy
  ... on Organization {
    orgType
    website
    address
  }
  ... on Region {
    level
    ags
    nuts
    kreisType
    areaKm2
    population
    populationDate
  }
  ... on Law {
    abbreviation
  }
  ... on Event {
    eventType
    date {
      date
      qualifier
    }
  }
  ... on Initiative {
    initiativeType
  }
  ... on Article {
    publisher
    publishedOn
    url
    tags
    license
    author
  }
}`) as unknown as TypedDocumentString<EditableEntityQuery, EditableEntityQueryVariables>;
export const CreateEntityDocument = new TypedDocumentString(`
    mutation CreateEntity($input: CreateEntityInput!) {
  createEntity(input: $input) {
    ...EditableEntity
  }
}
    fragment EditableEntity on Entity {
  id
  kind
  name
  aliases
  description
  version
  recordedAt
  recordedBy
  ... on Organization {
    orgType
    website
    address
  }
  ... on Region {
    level
    ags
    nuts
    kreisType
    areaKm2
    population
    populationDate
  }
  ... on Law {
    abbreviation
  }
  ... on Event {
    eventType
    date {
      date
      qualifier
    }
  }
  ... on Initiative {
    initiativeType
  }
  ... on Article {
    publisher
    publishedOn
    url
    tags
    license
    author
  }
}`) as unknown as TypedDocumentString<CreateEntityMutation, CreateEntityMutationVariables>;
export const UpdateEntityDocument = new TypedDocumentString(`
    mutation UpdateEntity($id: ID!, $version: Int!, $patch: EntityPatch!) {
  updateEntity(id: $id, version: $version, patch: $patch) {
    ...EditableEntity
  }
}
    fragment EditableEntity on Entity {
  id
  kind
  name
  aliases
  description
  version
  recordedAt
  recordedBy
  ... on Organization {
    orgType
    website
    address
  }
  ... on Region {
    level
    ags
    nuts
    kreisType
    areaKm2
    population
    populationDate
  }
  ... on Law {
    abbreviation
  }
  ... on Event {
    eventType
    date {
      date
      qualifier
    }
  }
  ... on Initiative {
    initiativeType
  }
  ... on Article {
    publisher
    publishedOn
    url
    tags
    license
    author
  }
}`) as unknown as TypedDocumentString<UpdateEntityMutation, UpdateEntityMutationVariables>;
export const DeleteEntityDocument = new TypedDocumentString(`
    mutation DeleteEntity($id: ID!, $version: Int!) {
  deleteEntity(id: $id, version: $version)
}
    `) as unknown as TypedDocumentString<DeleteEntityMutation, DeleteEntityMutationVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($id: ID!, $audit: Boolean!) {
  history(id: $id, first: 50) {
    ...ChangeEntry
    ...ChangeAudit @include(if: $audit)
  }
}
    fragment ChangeEntry on Change {
  id
  batch
  operation
  reverts
  revertedBy
  toVersion
  target
  action
  at
  fromVersion
}
fragment ChangeAudit on Change {
  by
  before
  after
}`) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const EditableRelationDocument = new TypedDocumentString(`
    query EditableRelation($id: ID!) {
  node(id: $id) {
    ...EditableRelation
  }
}
    fragment EditableRelation on Relation {
  id
  version
  type
  role
  from {
    id
    kind
    name
  }
  to {
    id
    kind
    name
  }
  validFrom {
    date
    qualifier
  }
  validTo {
    date
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<EditableRelationQuery, EditableRelationQueryVariables>;
export const CreateRelationDocument = new TypedDocumentString(`
    mutation CreateRelation($input: CreateRelationInput!) {
  createRelation(input: $input) {
    ...EditableRelation
  }
}
    fragment EditableRelation on Relation {
  id
  version
  type
  role
  from {
    id
    kind
    name
  }
  to {
    id
    kind
    name
  }
  validFrom {
    date
    qualifier
  }
  validTo {
    date
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<CreateRelationMutation, CreateRelationMutationVariables>;
export const UpdateRelationDocument = new TypedDocumentString(`
    mutation UpdateRelation($id: ID!, $version: Int!, $patch: RelationPatch!) {
  updateRelation(id: $id, version: $version, patch: $patch) {
    ...EditableRelation
  }
}
    fragment EditableRelation on Relation {
  id
  version
  type
  role
  from {
    id
    kind
    name
  }
  to {
    id
    kind
    name
  }
  validFrom {
    date
    qualifier
  }
  validTo {
    date
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
    }
  }
}`) as unknown as TypedDocumentString<UpdateRelationMutation, UpdateRelationMutationVariables>;
export const DeleteRelationDocument = new TypedDocumentString(`
    mutation DeleteRelation($id: ID!, $version: Int!) {
  deleteRelation(id: $id, version: $version)
}
    `) as unknown as TypedDocumentString<DeleteRelationMutation, DeleteRelationMutationVariables>;
export const MergeEntitiesDocument = new TypedDocumentString(`
    mutation MergeEntities($survivor: ID!, $survivorVersion: Int!, $duplicate: ID!, $duplicateVersion: Int!) {
  mergeEntities(
    survivor: $survivor
    survivorVersion: $survivorVersion
    duplicate: $duplicate
    duplicateVersion: $duplicateVersion
  ) {
    ...EditableEntity
  }
}
    fragment EditableEntity on Entity {
  id
  kind
  name
  aliases
  description
  version
  recordedAt
  recordedBy
  ... on Organization {
    orgType
    website
    address
  }
  ... on Region {
    level
    ags
    nuts
    kreisType
    areaKm2
    population
    populationDate
  }
  ... on Law {
    abbreviation
  }
  ... on Event {
    eventType
    date {
      date
      qualifier
    }
  }
  ... on Initiative {
    initiativeType
  }
  ... on Article {
    publisher
    publishedOn
    url
    tags
    license
    author
  }
}`) as unknown as TypedDocumentString<MergeEntitiesMutation, MergeEntitiesMutationVariables>;
export const RevertChangeDocument = new TypedDocumentString(`
    mutation RevertChange($id: ID!) {
  revertChange(id: $id) {
    ...ChangeEntry
    ...ChangeAudit
  }
}
    fragment ChangeEntry on Change {
  id
  batch
  operation
  reverts
  revertedBy
  toVersion
  target
  action
  at
  fromVersion
}
fragment ChangeAudit on Change {
  by
  before
  after
}`) as unknown as TypedDocumentString<RevertChangeMutation, RevertChangeMutationVariables>;
export const ProposeFactsDocument = new TypedDocumentString(`
    query ProposeFacts($article: ArticleDraft!) {
  proposeFacts(article: $article) {
    article {
      id
      existing {
        id
        name
      }
    }
    entities {
      key
      kind
      name
      matched
      reason
      role
      type
      quote
      existing {
        id
        name
      }
    }
    dates {
      date
      precision
      text
      quote
    }
    facts {
      key
      type
      from
      to
      role
      validFrom
      validFromQualifier
      validTo
      validToQualifier
      existing {
        id
      }
      quote
      reason
      confidence
      basis {
        kind
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProposeFactsQuery, ProposeFactsQueryVariables>;
export const GraphChangedDocument = new TypedDocumentString(`
    subscription GraphChanged($audit: Boolean!) {
  graphChanged {
    batch
    at
    by @include(if: $audit)
    entityIds
    relationIds
    deletedIds
  }
}
    `) as unknown as TypedDocumentString<GraphChangedSubscription, GraphChangedSubscriptionVariables>;
export const SubmitIntakeDocument = new TypedDocumentString(`
    mutation SubmitIntake($input: IntakeInput!) {
  submitIntake(input: $input) {
    status
    intake {
      ...IntakeEntry
    }
    article {
      id
      title
    }
    relations {
      id
    }
  }
}
    fragment IntakeEntry on Intake {
  id
  status
  title
  submittedBy
  submittedAt
  decidedBy
  decidedAt
  reason
  payload
  article {
    id
  }
}`) as unknown as TypedDocumentString<SubmitIntakeMutation, SubmitIntakeMutationVariables>;
export const PendingIntakesDocument = new TypedDocumentString(`
    query PendingIntakes {
  pendingIntakes {
    ...IntakeEntry
  }
}
    fragment IntakeEntry on Intake {
  id
  status
  title
  submittedBy
  submittedAt
  decidedBy
  decidedAt
  reason
  payload
  article {
    id
  }
}`) as unknown as TypedDocumentString<PendingIntakesQuery, PendingIntakesQueryVariables>;
export const ApproveIntakeDocument = new TypedDocumentString(`
    mutation ApproveIntake($id: ID!) {
  approveIntake(id: $id) {
    status
    article {
      id
      title
    }
    relations {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveIntakeMutation, ApproveIntakeMutationVariables>;
export const RejectIntakeDocument = new TypedDocumentString(`
    mutation RejectIntake($id: ID!, $reason: String!) {
  rejectIntake(id: $id, reason: $reason) {
    ...IntakeEntry
  }
}
    fragment IntakeEntry on Intake {
  id
  status
  title
  submittedBy
  submittedAt
  decidedBy
  decidedAt
  reason
  payload
  article {
    id
  }
}`) as unknown as TypedDocumentString<RejectIntakeMutation, RejectIntakeMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $first: Int, $kinds: [EntityKind!], $orgTypes: [OrgType!]) {
  search(query: $query, first: $first, kinds: $kinds, orgTypes: $orgTypes) {
    totalCount
    edges {
      score
      matched {
        field
        text
      }
      node {
        ...EntityCard
        aliases
        region {
          id
          name
        }
        ... on Organization {
          orgType
        }
      }
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  description
  ... on Event {
    date {
      date
      precision
      qualifier
    }
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const NeighborhoodDocument = new TypedDocumentString(`
    query Neighborhood($ids: [ID!]!, $depth: Int, $limit: Int, $asOf: Date, $relationTypes: [RelationType!]) {
  neighborhood(
    ids: $ids
    depth: $depth
    limit: $limit
    asOf: $asOf
    relationTypes: $relationTypes
  ) {
    truncated
    nodes {
      ...EntityCard
    }
    edges {
      ...Fact
    }
    hiddenNeighbors {
      entity {
        id
      }
      count
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  description
  ... on Event {
    date {
      date
      precision
      qualifier
    }
  }
}
fragment Fact on Relation {
  id
  type
  role
  from {
    id
  }
  to {
    id
  }
  validFrom {
    date
    precision
    qualifier
  }
  validTo {
    date
    precision
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
      publishedOn
      url
    }
  }
}`) as unknown as TypedDocumentString<NeighborhoodQuery, NeighborhoodQueryVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!, $asOf: Date) {
  paths(from: $from, to: $to, maxLength: 6, maxPaths: 10, asOf: $asOf) {
    length
    paths {
      nodeIds
      edgeIds
    }
    nodes {
      ...EntityCard
    }
    edges {
      ...Fact
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  description
  ... on Event {
    date {
      date
      precision
      qualifier
    }
  }
}
fragment Fact on Relation {
  id
  type
  role
  from {
    id
  }
  to {
    id
  }
  validFrom {
    date
    precision
    qualifier
  }
  validTo {
    date
    precision
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
      publishedOn
      url
    }
  }
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const EntitiesDocument = new TypedDocumentString(`
    query Entities($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Entity {
      ...EntityCard
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  description
  ... on Event {
    date {
      date
      precision
      qualifier
    }
  }
}`) as unknown as TypedDocumentString<EntitiesQuery, EntitiesQueryVariables>;
export const ArticleFactsDocument = new TypedDocumentString(`
    query ArticleFacts($id: ID!) {
  article(id: $id) {
    id
    name
    facts(first: 100) {
      totalCount
      nodes {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ArticleFactsQuery, ArticleFactsQueryVariables>;
export const RelationsDocument = new TypedDocumentString(`
    query Relations($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Relation {
      ...Fact
    }
  }
}
    fragment Fact on Relation {
  id
  type
  role
  from {
    id
  }
  to {
    id
  }
  validFrom {
    date
    precision
    qualifier
  }
  validTo {
    date
    precision
    qualifier
  }
  citations {
    quote
    note
    article {
      id
      title
      publishedOn
      url
    }
  }
}`) as unknown as TypedDocumentString<RelationsQuery, RelationsQueryVariables>;
export const RelationCountsDocument = new TypedDocumentString(`
    query RelationCounts($id: ID!, $asOf: Date) {
  node(id: $id) {
    ... on Entity {
      relationCounts(asOf: $asOf) {
        type
        count
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RelationCountsQuery, RelationCountsQueryVariables>;