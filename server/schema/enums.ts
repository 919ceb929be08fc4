import {
  DATE_PRECISIONS,
  ENTITY_KINDS,
  KIND_INFO,
  REGION_LEVELS,
  RELATION_INFO,
  RELATION_TYPES,
} from '../domain/vocabulary.js';
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

export const RegionLevelEnum = builder.enumType('RegionLevel', {
  description: 'Bund, Land, Kreis (incl. kreisfreie Städte) or Gemeinde.',
  values: Object.fromEntries(REGION_LEVELS.map((l) => [l, { value: l }])) as Record<
    (typeof REGION_LEVELS)[number],
    { value: (typeof REGION_LEVELS)[number] }
  >,
});
