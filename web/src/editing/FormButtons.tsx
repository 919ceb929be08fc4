import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Editing something saved (Save, and Delete when allowed) rather than creating it. */
  readonly saved: boolean;
  readonly disabled: boolean;
  /** Deletes what is edited; absent when it may not be deleted here. */
  readonly onDelete?: () => Promise<void>;
  /** The question asked before deleting. */
  readonly confirmText: string;
}

/** Save or create, and delete after a second question — the same in every editing form. */
export function FormButtons({ saved, disabled, onDelete, confirmText }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="form-buttons">
      <button type="submit" className="primary" disabled={disabled}>
        {saved ? t('edit.save') : t('edit.create')}
      </button>
      {saved && onDelete && !confirming && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('edit.delete')}
        </button>
      )}
      {confirming && onDelete && (
        <span className="confirm">
          {confirmText}{' '}
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void onDelete();
            }}
          >
            {t('edit.deleteYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('edit.cancel')}
          </button>
        </span>
      )}
    </div>
  );
}
