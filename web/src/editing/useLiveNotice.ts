import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.js';
import { useLiveChanges } from './live.js';

/**
 * Another editor's change (or one's own in another tab): `revision` counts them, so the canvas reloads what it
 * shows without a reload of the page, and `notice` says who changed how much when. `changed` counts one's own.
 */
export function useLiveNotice(language: Language, audit: boolean) {
  const { t } = useTranslation();
  const [revision, setRevision] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  useLiveChanges((change) => {
    setRevision((r) => r + 1);
    const count = change.entityIds.length + change.relationIds.length + change.deletedIds.length;
    const time = new Date(change.at).toLocaleTimeString(language);
    setNotice(
      change.by
        ? t('edit.live.changed', { by: change.by, count, time })
        : t('edit.live.changedBySomeone', { count, time }),
    );
  }, audit);
  return { revision, notice, changed: () => setRevision((r) => r + 1) };
}
