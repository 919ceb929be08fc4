import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.js';
import { type Change, fetchHistory } from './api.js';
import { Alert } from './Messages.js';
import { errorText } from './messages.js';

interface Props {
  readonly id: string;
  readonly language: Language;
  /** Editors see who made each change and the values before and after; the API refuses them to others. */
  readonly audit: boolean;
  /** Reverts a change (editors); absent for readers. */
  readonly onRevert?: (change: Change) => Promise<void>;
  /** Changes when the graph changed, so the list reloads. */
  readonly revision: number;
}

const parse = (json: string | null | undefined): Record<string, unknown> =>
  json ? (JSON.parse(json) as Record<string, unknown>) : {};
const shown = (value: unknown): string =>
  value === null || value === undefined
    ? '–'
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** Operations that say more than the action: part of a merge, a revert, an article's intake. */
const NAMED_OPERATIONS = new Set(['mergeEntities', 'revertChange', 'submitIntake', 'approveIntake']);

/** Missing, null and an empty list all mean "nothing". */
const normal = (value: unknown) => JSON.stringify(Array.isArray(value) && value.length === 0 ? null : (value ?? null));

/** The fields a change touched, with their value before and after. */
export function changedFields(
  change: Pick<Change, 'before' | 'after'>,
): Array<{ field: string; before: string; after: string }> {
  const before = parse(change.before);
  const after = parse(change.after);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => normal(before[key]) !== normal(after[key]))
    .map((field) => ({ field, before: shown(before[field]), after: shown(after[field]) }));
}

/** Every recorded change of an entity or relation, newest first: who, when, which fields from what to what. */
export function HistoryList({ id, language, audit, onRevert, revision }: Props) {
  const { t } = useTranslation();
  const [changes, setChanges] = useState<readonly Change[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchHistory(id, audit)
      .then((list) => {
        setChanges(list);
        setFailure(null);
      })
      .catch((error: unknown) => setFailure(errorText(error, t)));
  }, [id, audit, t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision means the graph changed: reload
  useEffect(load, [load, revision]);
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  return (
    <section className="history-list" aria-label={t('edit.history.title')}>
      <Alert message={failure} />
      {changes?.length === 0 && <p className="muted">{t('edit.history.none')}</p>}
      {!audit && changes !== null && changes.length > 0 && <p className="muted">{t('edit.history.editorsOnly')}</p>}
      <ol>
        {changes?.map((change) => (
          <li key={change.id}>
            <p>
              <strong>{t(`edit.history.action.${change.action}`)}</strong>{' '}
              {change.by
                ? t('edit.history.byAt', { by: change.by, at: new Date(change.at).toLocaleString(locale) })
                : t('edit.history.at', { at: new Date(change.at).toLocaleString(locale) })}
              {NAMED_OPERATIONS.has(change.operation) && (
                <span className="muted"> ({t(`edit.history.operation.${change.operation}`)})</span>
              )}
              {change.reverts && <span className="muted"> {t('edit.history.isRevert')}</span>}
              {change.revertedBy && <span className="muted"> {t('edit.history.reverted')}</span>}
            </p>
            {change.action === 'UPDATE' && audit && (
              <table className="diff">
                <tbody>
                  {changedFields(change).map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{t(`edit.fields.${f.field}`, { defaultValue: f.field })}</th>
                      <td>
                        <del>{f.before}</del>
                      </td>
                      <td>
                        <ins>{f.after}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {onRevert && !change.revertedBy && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => {
                  setBusy(change.id);
                  onRevert(change)
                    .then(load)
                    .catch((error: unknown) => setFailure(errorText(error, t)))
                    .finally(() => setBusy(null));
                }}
              >
                {t('edit.history.revert')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
