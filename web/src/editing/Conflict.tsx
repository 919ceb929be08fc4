import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.js';
import type { Language } from '../i18n/language.js';

/** An edit refused because someone saved first: their state, the editor's starting point and input. */
export interface Conflict {
  readonly current: Record<string, unknown>;
  readonly version: number;
  readonly by: string | null;
  readonly at: string | null;
  /** What the editor changed, against the state they started from. */
  readonly mine: Record<string, unknown>;
  readonly base: Record<string, unknown>;
}

const one = (value: unknown): string =>
  value !== null && typeof value === 'object'
    ? Object.values(value)
        .filter((v) => v !== null && v !== '')
        .join(' – ')
    : String(value);
const shown = (value: unknown): string =>
  value === null || value === undefined ? '–' : Array.isArray(value) ? value.map(one).join('; ') : one(value);

/** The conflict a refused edit reports (`extensions` of a CONFLICT error), with what the editor started from. */
export function conflictOf(error: ApiError, base: Record<string, unknown>, mine: Record<string, unknown>): Conflict {
  const ext = error.extensions;
  return {
    current: (ext.current ?? {}) as Record<string, unknown>,
    version: Number(ext.currentVersion),
    by: typeof ext.changedBy === 'string' ? ext.changedBy : null,
    at: typeof ext.changedAt === 'string' ? ext.changedAt : null,
    mine,
    base,
  };
}

/**
 * What changed since the editor opened the form, next to what they typed:
 * each field someone else changed or they changed, before / now / theirs.
 */
export function ConflictView({
  conflict,
  language,
  onRebase,
  onDiscard,
}: {
  conflict: Conflict;
  language: Language;
  onRebase: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const keys = [
    ...new Set([...Object.keys(conflict.current), ...Object.keys(conflict.base), ...Object.keys(conflict.mine)]),
  ]
    .filter((key) => !['id', 'kind', 'figures', 'type', 'from', 'to'].includes(key))
    .filter(
      (key) =>
        key in conflict.mine ||
        JSON.stringify(conflict.current[key] ?? null) !== JSON.stringify(conflict.base[key] ?? null),
    );
  const when = conflict.at ? new Date(conflict.at).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB') : '';
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{t('edit.conflict.title')}</strong>{' '}
        {t('edit.conflict.text', { by: conflict.by ?? '?', at: when, version: conflict.version })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('edit.conflict.field')}</th>
            <th scope="col">{t('edit.conflict.base')}</th>
            <th scope="col">{t('edit.conflict.theirs')}</th>
            <th scope="col">{t('edit.conflict.mine')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`edit.fields.${key}`)}</th>
              <td>{shown(conflict.base[key])}</td>
              <td>{shown(conflict.current[key])}</td>
              <td>{key in conflict.mine ? shown(conflict.mine[key]) : t('edit.conflict.unchanged')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-buttons">
        <button type="button" className="primary" onClick={onRebase}>
          {t('edit.conflict.rebase')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('edit.conflict.discard')}
        </button>
      </div>
    </div>
  );
}
