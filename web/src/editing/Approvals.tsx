import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import type { Language } from '../i18n/language.js';
import { approveIntake, fetchPendingIntakes, type PendingIntake, rejectIntake } from './api.js';
import { Dialog } from './Dialog.js';
import { Alert, Notice } from './Messages.js';
import { errorText } from './messages.js';

interface Props {
  readonly language: Language;
  readonly revision: number;
  readonly onClose: () => void;
  readonly onApplied: (articleId: string) => void;
}

/** What an intake would add, read from what was submitted. */
function summary(intake: PendingIntake): { facts: number; newEntities: string[] } {
  try {
    const payload = JSON.parse(intake.payload) as { facts?: unknown[]; newEntities?: Array<{ name?: string }> };
    return {
      facts: payload.facts?.length ?? 0,
      newEntities: (payload.newEntities ?? []).map((e) => e.name ?? '?'),
    };
  } catch {
    return { facts: 0, newEntities: [] };
  }
}

/**
 * Four eyes: articles other editors submitted wait here until a second
 * editor applies them (checked again against the graph as it is now) or
 * rejects them with a reason.
 */
export function Approvals({ language, revision, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<readonly PendingIntake[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    fetchPendingIntakes()
      .then(setPending)
      .catch((error: unknown) => setFailure(errorText(error, t)));
  }, [t]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision means the graph changed: reload
  useEffect(load, [load, revision]);
  const locale = language === 'de' ? 'de-DE' : 'en-GB';

  const act = async (intake: PendingIntake, approve: boolean) => {
    setFailure(null);
    setNotice(null);
    try {
      if (approve) {
        const result = await approveIntake(intake.id);
        setNotice(t('edit.approvals.applied', { title: intake.title, count: result.relations.length }));
        if (result.article) onApplied(result.article.id);
      } else {
        const reason = (reasons[intake.id] ?? '').trim();
        if (!reason) {
          setFailure(t('edit.approvals.needReason'));
          return;
        }
        await rejectIntake(intake.id, reason);
        setNotice(t('edit.approvals.rejected', { title: intake.title }));
      }
      load();
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.code === 'FORBIDDEN' ? t('edit.approvals.own') : errorText(error, t),
      );
    }
  };

  return (
    <Dialog title={t('edit.approvals.title')} onClose={onClose} wide>
      <Alert message={failure} />
      <Notice message={notice} />
      {pending?.length === 0 && <p className="muted">{t('edit.approvals.none')}</p>}
      <ul className="proposals">
        {pending?.map((intake) => {
          const { facts, newEntities } = summary(intake);
          return (
            <li key={intake.id}>
              <fieldset className="form" aria-label={intake.title}>
                <p>
                  <strong>{intake.title}</strong>{' '}
                  {t('edit.approvals.by', {
                    by: intake.submittedBy,
                    at: new Date(intake.submittedAt).toLocaleString(locale),
                  })}
                </p>
                <p>
                  {t('edit.approvals.adds', { count: facts })}
                  {newEntities.length > 0 && ` ${t('edit.approvals.newEntities', { names: newEntities.join(', ') })}`}
                </p>
                <label>
                  {t('edit.approvals.reason')}
                  <input
                    type="text"
                    value={reasons[intake.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [intake.id]: e.target.value })}
                  />
                </label>
                <div className="form-buttons">
                  <button type="button" className="primary" onClick={() => void act(intake, true)}>
                    {t('edit.approvals.approve')}
                  </button>
                  <button type="button" className="danger" onClick={() => void act(intake, false)}>
                    {t('edit.approvals.reject')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
