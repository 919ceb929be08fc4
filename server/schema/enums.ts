import {
  DATE_PRECISIONS,
  DATE_QUALIFIERS,
  ENTITY_KINDS,
  EVENT_TYPE,
  INITIATIVE_TYPE,
  KIND_INFO,
  ORG_TYPE,
  REGION_LEVEL,
  RELATION_INFO,
  RELATION_TYPES,
} from '../../shared/vocabulary.js';
import { builder } from './builder.js';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of entity in the graph.',
  values: Object.fromEntries(
    ENTITY_KINDS.map((kind) => [kind, { value: kind, description: `${KIND_INFO[kind].en} (${KIND_INFO[kind].de})` }]),
  ) as Record<(typeof ENTITY_KINDS)[number], { value: (typeof ENTITY_KINDS)[number]; description: string }>,
});

export const RelationTypeEnum = builder.enumType('RelationType', {
  description: 'The vocabulary of relations, each with the kinds allowed at its ends.',
  values: Object.fromEntries(
    RELATION_TYPES.map((type) => {
      const info = RELATION_INFO[type];
      return [
        type,
        { value: type, description: `${info.en} / ${info.de}: ${info.from.join(', ')} → ${info.to.join(', ')}` },
      ];
    }),
  ) as Record<(typeof RELATION_TYPES)[number], { value: (typeof RELATION_TYPES)[number]; description: string }>,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which relations of an entity: those it starts, those it ends, or both.',
  values: { OUT: { value: 'OUT' }, IN: { value: 'IN' }, BOTH: { value: 'BOTH' } } as const,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How exactly a date is known.',
  values: Object.fromEntries(DATE_PRECISIONS.map((p) => [p, { value: p }])) as Record<
    (typeof DATE_PRECISIONS)[number],
    { value: (typeof DATE_PRECISIONS)[number] }
  >,
});

export const DateQualifierEnum = builder.enumType('DateQualifier', {
  description: 'How a date relates to the fact: exactly then, or at the latest / the earliest then.',
  values: Object.fromEntries(DATE_QUALIFIERS.map((q) => [q, { value: q }])) as Record<
    (typeof DATE_QUALIFIERS)[number],
    { value: (typeof DATE_QUALIFIERS)[number] }
  >,
});

/** An enum from one of the vocabulary's labelled lists, each value described in German and English. */
function labelledEnum<T extends string>(
  name: string,
  description: string,
  list: { readonly values: readonly T[]; readonly labels: Record<T, readonly [string, string]> },
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      list.values.map((value) => [
        value,
        { value, description: `${list.labels[value][1]} (${list.labels[value][0]})` },
      ]),
    ) as Record<T, { value: T; description: string }>,
  });
}

export const RegionLevelEnum = labelledEnum(
  'RegionLevel',
  'Bund, Land, Kreis (incl. kreisfreie Städte) or Gemeinde.',
  REGION_LEVEL,
);
export const OrgTypeEnum = labelledEnum('OrgType', 'What kind of organisation.', ORG_TYPE);
export const InitiativeTypeEnum = labelledEnum(
  'InitiativeType',
  'Programme, project, topic, role or series.',
  INITIATIVE_TYPE,
);
export const EventTypeEnum = labelledEnum('EventType', 'What kind of event.', EVENT_TYPE);
