import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../state/view.js';
import { type EditableEntity, fetchEditable } from './api.js';
import { Dialog } from './Dialog.js';
import { EntityForm } from './EntityForm.js';
import { HistoryList } from './HistoryList.js';
import { errorText } from './messages.js';

/** Which editing dialog is open. */
export type EditTask =
  | { readonly task: 'new-entity' }
  | { readonly task: 'edit-entity'; readonly id: string }
  | { readonly task: 'history'; readonly id: string; readonly name: string };

interface Props {
  readonly task: EditTask;
  readonly language: Language;
  readonly canEdit: boolean;
  readonly revision: number;
  readonly onClose: () => void;
  /** The graph changed: the canvas reloads; a new entity is put on it. */
  readonly onChanged: (change: { created?: string; deleted?: string }) => void;
}

/** The editing dialogs, one at a time. */
export function Editor({ task, language, canEdit, revision, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  if (task.task === 'history') {
    return (
      <Dialog title={t('edit.history.titleOf', { name: task.name })} onClose={onClose} wide>
        <HistoryList id={task.id} language={language} revision={revision} />
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
  return <EditEntity id={task.id} language={language} canEdit={canEdit} onClose={onClose} onChanged={onChanged} />;
}

function EditEntity({
  id,
  language,
  onClose,
  onChanged,
}: {
  id: string;
  language: Language;
  canEdit: boolean;
  onClose: () => void;
  onChanged: Props['onChanged'];
}) {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<EditableEntity | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    fetchEditable(id)
      .then((found) => (found ? setEntity(found) : setFailure(t('edit.errors.notFound'))))
      .catch((error: unknown) => setFailure(errorText(error, t)));
  }, [id, t]);
  return (
    <Dialog
      title={entity ? t('edit.entity.editTitle', { name: entity.name }) : t('edit.loading')}
      onClose={onClose}
      wide
    >
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {entity && (
        <EntityForm
          mode={{ create: false, entity }}
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
