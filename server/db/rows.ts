import type { EntityKind, RelationType, Role } from '../../shared/vocabulary.js';
import type { Plain } from './plain.js';

/** A row as Neo4j answers it, converted to plain values (see plain.ts). */
export type Row = Record<string, Plain>;

/** A node's or relationship's stored properties, read with `{.*}`. */
export type Props = Readonly<Record<string, Plain>>;

/** A stored entity node read with `{.*}`. */
export type EntityProps = Props & { readonly id: string; readonly kind: EntityKind; readonly name: string };

/** A stored relationship read as `r {.*, type: type(r), from: …, to: …}`. */
export type RelationProps = Props & { readonly type: RelationType; readonly from: string; readonly to: string };

/** An account as queries return it (never its password hash, except to the login check). */
export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}

export type ChangeAction = 'CREATE' | 'UPDATE' | 'DELETE';

/** One recorded change. `before` and `after` are JSON of the model; a relation's include its type, from and to. */
export interface ChangeRow {
  readonly id: string;
  /** All changes one mutation made share a batch; reverting a change reverts its batch. */
  readonly batch: string;
  /** The mutation that made the batch, e.g. mergeEntities. */
  readonly operation: string;
  readonly target: string;
  readonly action: ChangeAction;
  readonly at: string;
  readonly by: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly fromVersion: number | null;
  /** The target's version after the change; null after a deletion. */
  readonly toVersion: number | null;
  /** The batch this one reverted. */
  readonly reverts: string | null;
  /** The batch that reverted this one. */
  readonly revertedBy: string | null;
}

export type IntakeStatus = 'PENDING' | 'APPLIED' | 'REJECTED';

/** A submitted intake as stored: the proposal (payload, JSON) and, once decided, who decided what. */
export interface IntakeRow {
  readonly id: string;
  readonly status: IntakeStatus;
  readonly title: string;
  readonly articleId: string | null;
  readonly text: string | null;
  readonly payload: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
  readonly batch: string | null;
}

/** What an idempotency key keeps: the request it was first used with, its batches and its answer. */
export interface KeptAnswerRow {
  readonly request: string;
  readonly batches: readonly string[];
  readonly response: string | null;
}

type ChangeRows = { readonly change: ChangeRow };
type IntakeRows = { readonly intake: IntakeRow };
type EntityRows = { readonly entity: EntityProps };
type RelationRows = { readonly relation: RelationProps };
type UserRows = { readonly user: UserRow };
/** The articles that mention an entity and the entities it mentions. */
type LinkRows = { readonly mentionedIn: readonly string[]; readonly mentions: readonly string[] };

type Counted<K extends string, V> = ReadonlyArray<{ readonly [key in K]: V } & { readonly count: number }>;

/**
 * The shape of the rows each query returns (its RETURN clause), declared once here: `Database.read` and the
 * other calls hand callers rows of this type. A query not listed returns untyped rows (`Row`).
 */
export interface QueryRows {
  'user-by-email': { readonly user: UserRow & { readonly passwordHash: string } };
  'user-create': UserRows;
  'user-set-role': { readonly user: UserRow; readonly refused: boolean };
  'user-set-password': { readonly id: string };
  'session-user': {
    readonly user: UserRow;
    readonly superseded: boolean;
    readonly sinceReplaced: number;
    readonly age: number;
    readonly idle: number;
    readonly expiresAt: string;
  };
  'session-alive': UserRows;
  'token-user': UserRows;
  'token-create': {
    readonly token: {
      readonly id: string;
      readonly name: string;
      readonly createdAt: string;
      readonly expiresAt: string | null;
    };
    readonly email: string;
  };
  'changes-of': ChangeRows;
  'changes-of-batch': ChangeRows;
  'changes-recent': ChangeRows;
  'changes-record': { readonly at: string };
  'intake-relations': { readonly id: string; readonly type: string; readonly from: string; readonly to: string };
  'intake-create': IntakeRows;
  'intake-lock': IntakeRows;
  'intake-decide': IntakeRows;
  'intakes-pending': IntakeRows;
  'entity-lock': EntityRows;
  'entities-lock': { readonly id: string; readonly kind: EntityKind };
  'entity-create': EntityRows;
  'entity-update': EntityRows;
  'entity-relations': RelationRows;
  'relation-lock': RelationRows;
  'relation-create': RelationRows;
  'relation-update': RelationRows;
  'export-entities': EntityRows;
  'export-relations': RelationRows;
  'article-citers': { readonly relations: readonly string[]; readonly figured: readonly string[] };
  'mentions-move': LinkRows;
  'entity-links': LinkRows;
  stats: {
    readonly kinds: Counted<'kind', EntityKind>;
    readonly relationTypes: Counted<'type', RelationType>;
    readonly regionLevels: Counted<'level', string>;
    readonly newestArticleDate: string | null;
  };
  'idempotency-find': KeptAnswerRow;
  paths: {
    readonly paths: ReadonlyArray<{ readonly nodes: readonly string[]; readonly edges: readonly string[] }>;
    readonly nodes: readonly EntityProps[];
    readonly edges: readonly RelationProps[];
  };
  'relation-counts': { readonly id: string; readonly counts: Counted<'type', RelationType> };
}
