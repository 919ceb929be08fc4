import type { Figure } from '../../shared/model.js';
import type { EntityKind } from '../../shared/vocabulary.js';
import type { CitationRecord, EntityRecord, PartialDateRecord, RelationRecord } from '../db/records.js';
import type { RelationTypeCount } from '../services/graph/graph.js';
import { builder } from './builder.js';

/** Declared apart from their fields so entity and relation types can refer to each other. */
export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');
export const RelationRef = builder.objectRef<RelationRecord>('Relation');
export const CitationRef = builder.objectRef<CitationRecord>('Citation');
export const PartialDateRef = builder.objectRef<PartialDateRecord>('PartialDate');
export const FigureRef = builder.objectRef<Figure>('Figure');
export const RelationTypeCountRef = builder.objectRef<RelationTypeCount>('RelationTypeCount');

export const KindRefs = {
  PERSON: builder.objectRef<EntityRecord>('Person'),
  ORGANIZATION: builder.objectRef<EntityRecord>('Organization'),
  REGION: builder.objectRef<EntityRecord>('Region'),
  LAW: builder.objectRef<EntityRecord>('Law'),
  EVENT: builder.objectRef<EntityRecord>('Event'),
  INITIATIVE: builder.objectRef<EntityRecord>('Initiative'),
  ARTICLE: builder.objectRef<EntityRecord>('Article'),
} satisfies Record<EntityKind, unknown>;
