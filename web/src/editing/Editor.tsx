import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { SearchBox } from '../components/SearchBox.js';
import { kindLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { Approvals } from './Approvals.js';
import { type EditableEntity, fetchEditable, fetchEditableRelation, mergeEntities, revertChange } from './api.js';
import { Dialog } from './Dialog.js';
import { EntityForm } from './EntityForm.js';
import { HistoryList } from './HistoryList.js';
import { IntakeDialog } from './IntakeDialog.js';
import { Alert, Notice } from './Messages.js';
import { errorText } from './messages.js';
import { RelationForm } from './RelationForm.js';

/** Which editing dialog is open. */
export type EditTask =
  | { readonly task: 'new-entity' }
  | { readonly task: 'edit-entity'; readonly id: string }
  | { readonly task: 'new-relation'; readonly from?: { id: string; kind: EntityKind; name: string } }
  | { readonly task: 'edit-relation'; readonly id: string }
  | { readonly task: 'intake' }
  | { readonly task: 'approvals' }
  | { readonly task: 'history'; readonly id: string; readonly name: string };

interface Props {
  readonly task: EditTask;
  readonly language: Language;
  readonly canEdit: boolean;
  readonly revision: number;
  readonly onClose: () => void;
  /** The graph changed: the canvas reloads; a new entity is put on it. */
  readonly onChanged: (change: { created?: string; deleted?: string; article?: string }) => void;
}

/** The editing dialogs, one at a time. */
export function Editor({ task, language, canEdit, revision, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  if (task.task === 'history') {
    return (
      <Dialog title={t('edit.history.titleOf', { name: task.name })} onClose={onClose} wide>
        <HistoryList
          id={task.id}
          language={language}
          audit={canEdit}
          revision={revision}
          onRevert={
            canEdit
              ? async (change) => {
                  await revertChange(change.id);
                  onChanged({});
                }
              : undefined
          }
        />
      </Dialog>
    );
  }
  if (task.task === 'new-entity') {
    return (
      <Dialog title={t('edit.entity.newTitle')} onClose={onClose} wide>
        <EntityForm
          mode={{ create: true }}
          language={language}
          onSaved={(entity) => {
            onChanged({ created: entity.id });
            onClose();
          }}
        />
      </Dialog>
    );
  }
  if (task.task === 'new-relation') {
    return (
      <Dialog title={t('edit.relation.newTitle')} onClose={onClose} wide>
        <RelationForm
          mode={{ create: true, ...(task.from ? { from: task.from } : {}) }}
          language={language}
          onSaved={() => {
            onChanged({});
            onClose();
          }}
        />
      </Dialog>
    );
  }
  if (task.task === 'intake') {
    return <IntakeDialog language={language} onClose={onClose} onApplied={(article) => onChanged({ article })} />;
  }
  if (task.task === 'approvals') {
    return (
      <Approvals
        language={language}
        revision={revision}
        onClose={onClose}
        onApplied={(article) => onChanged({ article })}
      />
    );
  }
  if (task.task === 'edit-relation') {
    return <EditRelation id={task.id} language={language} onClose={onClose} onChanged={onChanged} />;
  }
  return <EditEntity id={task.id} language={language} onClose={onClose} onChanged={onChanged} />;
}

/** Loads what a dialog edits, by id; says so when it is gone or cannot be read. */
function useLoaded<T>(load: (id: string) => Promise<T | null>, id: string) {
  const { t } = useTranslation();
  const [item, setItem] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    load(id)
      .then((found) => (found ? setItem(found) : setFailure(t('edit.errors.notFound'))))
      .catch((error: unknown) => setFailure(errorText(error, t)));
  }, [load, id, t]);
  return { item, setItem, failure };
}

function EditEntity({
  id,
  language,
  onClose,
  onChanged,
}: {
  id: string;
  language: Language;
  onClose: () => void;
  onChanged: Props['onChanged'];
}) {
  const { t } = useTranslation();
  const { item: entity, setItem: setEntity, failure } = useLoaded(fetchEditable, id);
  return (
    <Dialog
      title={entity ? t('edit.entity.editTitle', { name: entity.name }) : t('edit.loading')}
      onClose={onClose}
      wide
    >
      <Alert message={failure} />
      {entity && (
        <>
          <EntityForm
            key={entity.version}
            mode={{ create: false, entity }}
            language={language}
            onSaved={() => onChanged({})}
            onDeleted={(gone) => {
              onChanged({ deleted: gone });
              onClose();
            }}
          />
          <MergeSection
            survivor={entity}
            language={language}
            onMerged={(merged, duplicate) => {
              setEntity(merged);
              onChanged({ deleted: duplicate });
            }}
          />
        </>
      )}
    </Dialog>
  );
}

function EditRelation({
  id,
  language,
  onClose,
  onChanged,
}: {
  id: string;
  language: Language;
  onClose: () => void;
  onChanged: Props['onChanged'];
}) {
  const { t } = useTranslation();
  const { item: relation, failure } = useLoaded(fetchEditableRelation, id);
  return (
    <Dialog title={t('edit.relation.editTitle')} onClose={onClose} wide>
      <Alert message={failure} />
      {relation && (
        <RelationForm
          mode={{ create: false, relation }}
          language={language}
          onSaved={() => onChanged({})}
          onDeleted={(gone) => {
            onChanged({ deleted: gone });
            onClose();
          }}
        />
      )}
    </Dialog>
  );
}

/**
 * Merges a duplicate of the same kind into the entity being edited: its facts,
 * mentions, name and aliases move over, then it is deleted — one recorded,
 * revertible change.
 */
function MergeSection({
  survivor,
  language,
  onMerged,
}: {
  survivor: EditableEntity;
  language: Language;
  onMerged: (merged: EditableEntity, duplicate: string) => void;
}) {
  const { t } = useTranslation();
  const [duplicate, setDuplicate] = useState<EditableEntity | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const kinds = useMemo(() => [survivor.kind] as const, [survivor.kind]);
  const merge = async () => {
    if (!duplicate) return;
    setFailure(null);
    try {
      const merged = await mergeEntities(survivor, duplicate);
      setDone(t('edit.merge.done', { duplicate: duplicate.name, survivor: merged.name }));
      setDuplicate(null);
      onMerged(merged, duplicate.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  };
  return (
    <details className="merge">
      <summary>{t('edit.merge.title')}</summary>
      <p className="muted">{t('edit.merge.explain', { name: survivor.name })}</p>
      <SearchBox
        label={t('edit.merge.pick', { kind: kindLabel(survivor.kind as EntityKind, language) })}
        language={language}
        kinds={kinds}
        onChoose={(hit) => {
          setFailure(null);
          setDone(null);
          if (hit.id === survivor.id) {
            setFailure(t('edit.merge.self'));
            return;
          }
          fetchEditable(hit.id)
            .then((found) => setDuplicate(found))
            .catch((error: unknown) => setFailure(errorText(error, t)));
        }}
      />
      {duplicate && (
        <div className="confirm">
          <p>{t('edit.merge.confirm', { duplicate: duplicate.name, id: duplicate.id, survivor: survivor.name })}</p>
          <div className="form-buttons">
            <button type="button" className="primary" onClick={() => void merge()}>
              {t('edit.merge.submit')}
            </button>
            <button type="button" onClick={() => setDuplicate(null)}>
              {t('edit.cancel')}
            </button>
          </div>
        </div>
      )}
      <Alert message={failure} />
      <Notice message={done} />
    </details>
  );
}
