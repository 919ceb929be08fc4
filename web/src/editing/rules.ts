import type { z } from 'zod';
import { Entity, KIND_ATTRIBUTES, Relation } from '../../../shared/model.js';
import {
  DATE_QUALIFIERS,
  type DateQualifier,
  type EntityKind,
  EVENT_TYPE,
  INITIATIVE_TYPE,
  KIND_INFO,
  ORG_TYPE,
  REGION_LEVEL,
  RELATION_INFO,
  RELATION_TYPES,
  type RelationType,
  relationAllowed,
} from '../../../shared/vocabulary.js';
import type { Language } from '../i18n/language.js';

/**
 * The editors' forms check input with the very schemas the server checks it
 * with (shared/model.ts); this module turns form text into model
 * candidates and the model's messages into the editor's language.
 */

/** Form values are text, as typed: aliases one per line, tags separated by commas. */
export type FormValues = Record<string, string>;

export type FieldType = 'text' | 'number' | 'list' | 'choice' | 'date';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** For a choice: the values with their German and English labels. */
  readonly options?: ReadonlyArray<{ value: string; de: string; en: string }>;
  readonly required: boolean;
}

const CHOICES: Record<string, { values: readonly string[]; labels: Record<string, readonly [string, string]> }> = {
  orgType: ORG_TYPE,
  level: REGION_LEVEL,
  eventType: EVENT_TYPE,
  initiativeType: INITIATIVE_TYPE,
};

const QUALIFIER_LABELS: Record<string, readonly [string, string]> = {
  EXACT: ['genau', 'exactly'],
  ON_OR_BEFORE: ['spätestens', 'on or before'],
  ON_OR_AFTER: ['frühestens', 'on or after'],
};
export const QUALIFIER_OPTIONS = DATE_QUALIFIERS.map((value) => ({
  value,
  de: QUALIFIER_LABELS[value]?.[0] ?? value,
  en: QUALIFIER_LABELS[value]?.[1] ?? value,
}));

const REQUIRED: Partial<Record<EntityKind, readonly string[]>> = {
  ORGANIZATION: ['orgType'],
  REGION: ['level'],
  EVENT: ['eventType'],
  INITIATIVE: ['initiativeType'],
  ARTICLE: ['publisher', 'publishedOn', 'url'],
};
const DATES = new Set(['date', 'populationDate', 'publishedOn']);

/** The kind-specific fields of a form, in the model's order. */
export function fieldsOf(kind: EntityKind): FieldSpec[] {
  const fields: FieldSpec[] = [];
  for (const [name, schema] of Object.entries(KIND_ATTRIBUTES[kind] as Record<string, z.ZodType>)) {
    const type = schema.def.type;
    const choice = CHOICES[name];
    const options =
      name === 'dateQualifier'
        ? QUALIFIER_OPTIONS
        : choice?.values.map((value) => ({
            value,
            de: choice.labels[value]?.[0] ?? value,
            en: choice.labels[value]?.[1] ?? value,
          }));
    const spec: FieldSpec = options
      ? { name, type: 'choice', options, required: false }
      : {
          name,
          type: DATES.has(name) ? 'date' : type === 'number' ? 'number' : type === 'array' ? 'list' : 'text',
          required: false,
        };
    fields.push({ ...spec, required: (REQUIRED[kind] ?? []).includes(name) });
  }
  return fields;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const commaList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** What the form's text means as an entity of the model (without id); empty fields are left out. */
export function entityCandidate(
  kind: EntityKind,
  values: FormValues,
): { kind: EntityKind; name: string } & Record<string, unknown> {
  const candidate: { kind: EntityKind; name: string } & Record<string, unknown> = {
    kind,
    name: (values.name ?? '').trim(),
    aliases: lines(values.aliases),
    description: values.description?.trim() ? values.description.trim() : null,
  };
  for (const field of fieldsOf(kind)) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') continue;
    if (field.type === 'number') candidate[field.name] = Number(raw.replace(',', '.'));
    else if (field.type === 'list') candidate[field.name] = commaList(raw);
    else candidate[field.name] = raw;
  }
  return candidate;
}

/** The form's text for an entity as the API returns it. */
export function entityValues(entity: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(entity)) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    values[key] = String(value);
  }
  values.aliases = Array.isArray(entity.aliases) ? (entity.aliases as string[]).join('\n') : '';
  if (Array.isArray(entity.tags)) values.tags = (entity.tags as string[]).join(', ');
  return values;
}

/**
 * The fields of `after` that differ from `before`, as a patch: a cleared
 * field is null, a field not changed is left out.
 */
export function patchOf(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'kind' || key === 'id') continue;
    const was = before[key] ?? null;
    const is = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) patch[key] = is;
  }
  return patch;
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** Checks an entity candidate with the model's schema; problems per field, in the reader's language. */
export function entityProblems(kind: EntityKind, candidate: Record<string, unknown>, language: Language): Problem[] {
  const id = `${KIND_INFO[kind].idPrefix}:form`;
  const result = Entity.safeParse({ ...candidate, id });
  const problems = result.success ? [] : result.error.issues.map((issue) => problemOf(issue, language));
  if (kind === 'ARTICLE' && !candidate.url) problems.push({ field: 'url', message: say('required', language) });
  return problems;
}

export interface RelationDraft {
  readonly type: RelationType | '';
  readonly from: { id: string; kind: EntityKind } | null;
  readonly to: { id: string; kind: EntityKind } | null;
  readonly role: string;
  readonly validFrom: string;
  readonly validFromQualifier: string;
  readonly validTo: string;
  readonly validToQualifier: string;
  readonly citations: ReadonlyArray<{ article: string; quote: string; note: string }>;
}

/** A qualifier chosen in a form, or null for none (or anything that is not one). */
const qualifierOf = (value: string): DateQualifier | null =>
  DATE_QUALIFIERS.find((qualifier) => qualifier === value.trim()) ?? null;

/** The relation a draft whose type is chosen means, as the API takes it (without id). */
export function relationCandidate(draft: RelationDraft & { readonly type: RelationType }) {
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    type: draft.type,
    from: draft.from?.id ?? '',
    to: draft.to?.id ?? '',
    role: orNull(draft.role),
    validFrom: orNull(draft.validFrom),
    validFromQualifier: orNull(draft.validFrom) ? qualifierOf(draft.validFromQualifier) : null,
    validTo: orNull(draft.validTo),
    validToQualifier: orNull(draft.validTo) ? qualifierOf(draft.validToQualifier) : null,
    citations: draft.citations.map((c) => ({ article: c.article, quote: orNull(c.quote), note: orNull(c.note) })),
  };
}

/** Relation types allowed between two kinds (all of them while an end is not chosen). */
export function typesBetween(from: EntityKind | null, to: EntityKind | null): RelationType[] {
  return RELATION_TYPES.filter(
    (type) =>
      (from === null || RELATION_INFO[type].from.includes(from)) &&
      (to === null || RELATION_INFO[type].to.includes(to)),
  );
}

export function relationProblems(draft: RelationDraft, language: Language): Problem[] {
  const problems: Problem[] = [];
  if (!draft.type) problems.push({ field: 'type', message: say('required', language) });
  if (!draft.from) problems.push({ field: 'from', message: say('required', language) });
  if (!draft.to) problems.push({ field: 'to', message: say('required', language) });
  if (draft.type && draft.from && draft.to && !relationAllowed(draft.type, draft.from.kind, draft.to.kind)) {
    problems.push({ field: 'type', message: say('kinds', language) });
  }
  draft.citations.forEach((c, i) => {
    if (!c.article) problems.push({ field: `citations.${i}.article`, message: say('article', language) });
  });
  const result = Relation.safeParse({
    ...relationCandidate({ ...draft, type: draft.type || 'ADVISES' }),
    id: 'rel:form',
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const problem = problemOf(issue, language);
      if (['from', 'to', 'type'].includes(problem.field)) continue;
      if (problem.field.endsWith('.article') && problems.some((p) => p.field === problem.field)) continue;
      problems.push(problem);
    }
  }
  return problems;
}

// ---- Messages ----

const SAY = {
  required: ['Pflichtfeld.', 'Required.'],
  kinds: [
    'Diese Beziehung ist zwischen diesen Arten nicht erlaubt.',
    'This relation is not allowed between these kinds.',
  ],
  article: ['Einen Artikel als Quelle wählen.', 'Choose an article as the source.'],
  choice: ['Einen Wert aus der Liste wählen.', 'Choose a value from the list.'],
  invalid: ['Ungültiger Wert.', 'Not a valid value.'],
  tooLong: ['Höchstens {n} Zeichen.', 'At most {n} characters.'],
  tooFew: ['Mindestens {n} Einträge.', 'At least {n} entries.'],
  positive: ['Muss größer als 0 sein.', 'Must be greater than 0.'],
  whole: ['Eine ganze Zahl angeben.', 'Must be a whole number.'],
  number: ['Eine Zahl angeben.', 'Must be a number.'],
  notNegative: ['Darf nicht negativ sein.', 'Must not be negative.'],
} as const;

function say(key: keyof typeof SAY, language: Language, n?: number): string {
  const text = SAY[key][language === 'de' ? 0 : 1];
  return n === undefined ? text : text.replace('{n}', String(n));
}

/**
 * The model's own messages (shared/model.ts) in German; a unit test
 * checks every message the model can give has an entry here.
 */
const GERMAN: ReadonlyArray<readonly [RegExp, string | ((m: RegExpMatchArray) => string)]> = [
  [
    /^must be a date as YYYY, YYYY-MM or YYYY-MM-DD$/,
    'Datum als JJJJ, JJJJ-MM oder JJJJ-MM-TT angeben, z. B. 2022-08-31.',
  ],
  [/^is not a real date$/, 'Dieses Datum gibt es nicht.'],
  [/^must be an id( like .*)?$/, 'Eine Kennung wie person:lydia-hueskens angeben (Kleinbuchstaben, ohne Leerzeichen).'],
  [/^must be a relation id$|^must be an id like rel:/, 'Eine Kennung wie rel:hueskens-ministerin-mid angeben.'],
  [/^must be text$/, 'Text eingeben.'],
  [/^must not be empty$/, 'Pflichtfeld.'],
  [/^is not valid Unicode text/, 'Enthält ein ungültiges Zeichen (ein halbes Surrogat-Paar).'],
  [
    /^must not hold control characters other than line breaks/,
    'Keine Steuerzeichen (wie NUL) außer Zeilenumbrüchen und Tabulatoren.',
  ],
  [/^must not hold control characters/, 'Keine Steuerzeichen wie Tabulator, Zeilenumbruch oder NUL.'],
  [/^must be an http\(s\) URL$/, 'Eine Adresse mit http:// oder https:// angeben.'],
  [/^must be an article id/, 'Einen Artikel als Quelle wählen.'],
  [/^must be a number$/, 'Eine Zahl angeben.'],
  [/^must be digits$/, 'Nur Ziffern angeben.'],
  [/^must be a German NUTS code$/, 'Einen deutschen NUTS-Code angeben (DE…).'],
  [/^every fact needs at least one citation$/, 'Jeder Fakt braucht mindestens eine Quelle.'],
  [/^must start with "(.+)" for kind (\w+)$/, (m) => `Muss für diese Art mit „${m[1]}“ beginnen.`],
  [/^is not a property of kind (\w+)$/, 'Gehört nicht zu dieser Art.'],
  [/^is required for kind (\w+)$/, 'Pflichtfeld für diese Art.'],
  [/^needs a date$/, 'Braucht ein Datum.'],
  [/^is before validFrom (.+)$/, (m) => `Liegt vor dem Beginn (${m[1]}).`],
  [/^needs validFrom$/, 'Braucht ein Anfangsdatum.'],
  [/^needs validTo$/, 'Braucht ein Enddatum.'],
];

/** A model message in German, or null when there is no translation for it. */
export function germanMessage(message: string): string | null {
  for (const [pattern, german] of GERMAN) {
    const match = message.match(pattern);
    if (match) return typeof german === 'string' ? german : german(match);
  }
  return null;
}

const capitalised = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

interface IssueLike {
  readonly code: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly origin?: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly inclusive?: boolean;
  readonly expected?: string;
}

/** One issue of the model's check, named by its field, in the reader's language. */
export function problemOf(issue: IssueLike, language: Language): Problem {
  const field = issue.path.map(String).join('.') || 'form';
  const n = Number(issue.maximum ?? issue.minimum ?? 0);
  let message: string | null = null;
  if (issue.code === 'too_big' && issue.origin === 'string') message = say('tooLong', language, n);
  else if (issue.code === 'too_small' && issue.origin === 'array' && n > 1) message = say('tooFew', language, n);
  else if (issue.code === 'too_small' && issue.origin === 'number')
    message = issue.inclusive ? say('notNegative', language) : say('positive', language);
  else if (issue.code === 'invalid_type' && issue.expected === 'int') message = say('whole', language);
  else if (issue.code === 'invalid_type' && issue.expected === 'number') message = say('number', language);
  else if (issue.code === 'invalid_value') message = say('choice', language);
  else if (issue.code === 'unrecognized_keys') message = say('invalid', language);
  if (!message) message = language === 'de' ? germanMessage(issue.message) : capitalised(issue.message);
  if (!message) message = say('invalid', language);
  return { field, message: message.endsWith('.') ? message : `${message}.` };
}
