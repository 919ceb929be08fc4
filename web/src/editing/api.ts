import { request } from '../api.js';
import {
  ApproveIntakeDocument,
  type ApproveIntakeMutation,
  type ArticleDraft,
  CreateEntityDocument,
  type CreateEntityInput,
  CreateRelationDocument,
  type CreateRelationInput,
  DeleteEntityDocument,
  DeleteRelationDocument,
  EditableEntityDocument,
  type EditableEntityFragment,
  EditableRelationDocument,
  type EditableRelationFragment,
  type EntityPatch,
  HistoryDocument,
  type HistoryQuery,
  type IntakeInput,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  type MeQuery,
  MergeEntitiesDocument,
  PendingIntakesDocument,
  type PendingIntakesQuery,
  ProposeFactsDocument,
  type ProposeFactsQuery,
  RejectIntakeDocument,
  type RelationPatch,
  RevertChangeDocument,
  SubmitIntakeDocument,
  type SubmitIntakeMutation,
  UpdateEntityDocument,
  UpdateRelationDocument,
} from '../generated/graphql.js';

export type User = NonNullable<MeQuery['me']>;
export type EditableEntity = EditableEntityFragment;
export type Change = HistoryQuery['history'][number];

export async function fetchMe(): Promise<User | null> {
  return (await request(MeDocument, {})).me;
}

export async function login(email: string, password: string): Promise<User> {
  return (await request(LoginDocument, { email, password })).login;
}

export async function logout(): Promise<void> {
  await request(LogoutDocument, {});
}

/** The entity with every property a form edits, and the version an edit is based on; null when gone. */
export async function fetchEditable(id: string): Promise<EditableEntity | null> {
  const node = (await request(EditableEntityDocument, { id })).node;
  return node && 'kind' in node ? (node as EditableEntity) : null;
}

export async function createEntity(input: CreateEntityInput): Promise<EditableEntity> {
  return (await request(CreateEntityDocument, { input })).createEntity;
}

export async function updateEntity(id: string, version: number, patch: EntityPatch): Promise<EditableEntity> {
  return (await request(UpdateEntityDocument, { id, version, patch })).updateEntity;
}

export async function deleteEntity(id: string, version: number): Promise<void> {
  await request(DeleteEntityDocument, { id, version });
}

/** The history of an entity or fact; with `audit` (editors) also who made each change and the values before and after. */
export async function fetchHistory(id: string, audit: boolean): Promise<readonly Change[]> {
  return (await request(HistoryDocument, { id, audit })).history;
}

/** The model's view of an editable entity: what a form starts from and a patch is computed against. */
export function modelOf(entity: EditableEntity): Record<string, unknown> {
  const {
    __typename: _t,
    version: _v,
    recordedAt: _a,
    recordedBy: _b,
    ...rest
  } = entity as EditableEntity & {
    __typename?: string;
  };
  const model: Record<string, unknown> = { ...rest };
  if ('date' in model) {
    const date = model.date as { date: string; qualifier: string } | null;
    model.date = date?.date ?? null;
    // The API reads a date without qualifier as EXACT; the model stores that as no qualifier.
    model.dateQualifier = date?.qualifier === 'EXACT' ? null : (date?.qualifier ?? null);
  }
  for (const [key, value] of Object.entries(model)) if (value === null && key !== 'description') delete model[key];
  return model;
}

// ---- Relations ----

export type EditableRelation = EditableRelationFragment;

export async function fetchEditableRelation(id: string): Promise<EditableRelation | null> {
  const node = (await request(EditableRelationDocument, { id })).node;
  return node && 'type' in node ? (node as EditableRelation) : null;
}

export async function createRelation(input: CreateRelationInput): Promise<EditableRelation> {
  return (await request(CreateRelationDocument, { input })).createRelation;
}

export async function updateRelation(id: string, version: number, patch: RelationPatch): Promise<EditableRelation> {
  return (await request(UpdateRelationDocument, { id, version, patch })).updateRelation;
}

export async function deleteRelation(id: string, version: number): Promise<void> {
  await request(DeleteRelationDocument, { id, version });
}

export async function mergeEntities(
  survivor: { id: string; version: number },
  duplicate: { id: string; version: number },
): Promise<EditableEntity> {
  return (
    await request(MergeEntitiesDocument, {
      survivor: survivor.id,
      survivorVersion: survivor.version,
      duplicate: duplicate.id,
      duplicateVersion: duplicate.version,
    })
  ).mergeEntities;
}

export async function revertChange(id: string): Promise<readonly Change[]> {
  return (await request(RevertChangeDocument, { id })).revertChange;
}

// ---- Article intake ----

export type IntakeProposal = ProposeFactsQuery['proposeFacts'];
export type IntakeResult = SubmitIntakeMutation['submitIntake'];
export type PendingIntake = PendingIntakesQuery['pendingIntakes'][number];

export async function proposeFacts(article: ArticleDraft): Promise<IntakeProposal> {
  return (await request(ProposeFactsDocument, { article })).proposeFacts;
}

export async function submitIntake(input: IntakeInput): Promise<IntakeResult> {
  return (await request(SubmitIntakeDocument, { input })).submitIntake;
}

export async function fetchPendingIntakes(): Promise<readonly PendingIntake[]> {
  return (await request(PendingIntakesDocument, {})).pendingIntakes;
}

export async function approveIntake(id: string): Promise<ApproveIntakeMutation['approveIntake']> {
  return (await request(ApproveIntakeDocument, { id })).approveIntake;
}

export async function rejectIntake(id: string, reason: string): Promise<void> {
  await request(RejectIntakeDocument, { id, reason });
}
