import { useId, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.js';
import { type IntakeProposal, type IntakeResult, proposeFacts, submitIntake } from './api.js';
import { Dialog } from './Dialog.js';
import { IntakeReview } from './IntakeReview.js';
import { endOf, type Review, reviewOf, submissionOf, typeFieldOf } from './intakeReview.js';
import { Alert } from './Messages.js';
import { errorText } from './messages.js';
import { entityCandidate, entityProblems } from './rules.js';

interface DraftValues {
  title: string;
  publishedOn: string;
  url: string;
  publisher: string;
  text: string;
}

const MAX_TEXT = 100_000;

interface Props {
  readonly language: Language;
  readonly onClose: () => void;
  /** Facts went live: the canvas reloads and shows the article's facts. */
  readonly onApplied: (articleId: string) => void;
}

/**
 * An editor pastes an article; the server proposes the entities, dates and
 * facts it states, each with the sentence it came from. The editor accepts,
 * edits or rejects each; what is accepted becomes facts cited to the article
 * in one transaction — or waits for a second editor's approval.
 */
export function IntakeDialog({ language, onClose, onApplied }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [proposal, setProposal] = useState<IntakeProposal | null>(null);
  const [draft, setDraft] = useState<DraftValues | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [busy, setBusy] = useState(false);

  const resolver: Resolver<DraftValues> = async (values) => {
    const candidate = entityCandidate('ARTICLE', {
      name: values.title,
      publishedOn: values.publishedOn,
      url: values.url,
      publisher: values.publisher,
    });
    const errors: Record<string, { type: string; message: string }> = {};
    for (const p of entityProblems('ARTICLE', candidate, language)) {
      const field = p.field === 'name' ? 'title' : p.field;
      errors[field] ??= { type: 'model', message: p.message };
    }
    if (!values.text.trim()) errors.text = { type: 'required', message: t('edit.required') };
    else if (values.text.length > MAX_TEXT)
      errors.text = { type: 'max', message: t('edit.intake.tooLong', { max: MAX_TEXT }) };
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
  const { register, handleSubmit, formState } = useForm<DraftValues>({
    defaultValues: { title: '', publishedOn: '', url: '', publisher: '', text: '' },
    resolver,
  });

  const propose = handleSubmit(async (values) => {
    setFailure(null);
    setBusy(true);
    try {
      const found = await proposeFacts({
        title: values.title.trim(),
        publishedOn: values.publishedOn.trim(),
        url: values.url.trim(),
        publisher: values.publisher.trim(),
        text: values.text,
      });
      setDraft(values);
      setProposal(found);
      setReview(reviewOf(found));
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  });

  const submit = async () => {
    if (!proposal || !review || !draft) return;
    setFailure(null);
    const { input, problems } = submissionOf(proposal, review, draft);
    if (!input) {
      const first = problems[0];
      const fact = first?.fact ? review.facts[first.fact] : undefined;
      const factName = fact
        ? `${endOf(proposal, review, fact.from).name} – ${endOf(proposal, review, fact.to).name}`
        : '';
      const entity = first?.entity ? endOf(proposal, review, first.entity) : null;
      const field = entity?.kind ? typeFieldOf(entity.kind)?.name : undefined;
      setFailure(
        t(`edit.intake.problem.${first?.problem ?? 'nothing'}`, {
          fact: factName,
          entity: entity?.name ?? '',
          field: field ? t(`edit.fields.${field}`) : '',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const done = await submitIntake(input);
      setResult(done);
      if (done.status === 'APPLIED' && done.article) onApplied(done.article.id);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof DraftValues, multiline = false) => {
    const error = formState.errors[name]?.message;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{t(`edit.intake.fields.${name}`)}</label>
        {multiline ? (
          <textarea id={`${id}-${name}`} rows={10} aria-invalid={error ? true : undefined} {...register(name)} />
        ) : (
          <input id={`${id}-${name}`} type="text" aria-invalid={error ? true : undefined} {...register(name)} />
        )}
        {error && <span className="field-error">{error}</span>}
      </div>
    );
  };

  return (
    <Dialog title={t('edit.intake.title')} onClose={onClose} wide>
      {!proposal && (
        <form className="form" onSubmit={propose} noValidate>
          <p className="muted">{t('edit.intake.explain')}</p>
          {field('title')}
          {field('publisher')}
          {field('publishedOn')}
          {field('url')}
          {field('text', true)}
          <Alert message={failure} />
          <div className="form-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {t('edit.intake.propose')}
            </button>
          </div>
        </form>
      )}
      {proposal && review && !result && (
        <div className="form intake-review">
          <Alert
            message={
              proposal.article.existing &&
              t('edit.intake.existing', { title: proposal.article.existing.name, id: proposal.article.existing.id })
            }
          />
          <IntakeReview proposal={proposal} review={review} onChange={setReview} language={language} />
          <Alert message={failure} />
          <div className="form-buttons">
            <button
              type="button"
              className="primary"
              disabled={busy || Boolean(proposal.article.existing)}
              onClick={() => void submit()}
            >
              {t('edit.intake.submit')}
            </button>
            <button type="button" onClick={() => setProposal(null)}>
              {t('edit.intake.back')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="form">
          <p className="notice" role="status">
            {result.status === 'APPLIED'
              ? t('edit.intake.applied', { count: result.relations.length })
              : t('edit.intake.pending')}
          </p>
          <div className="form-buttons">
            <button type="button" className="primary" onClick={onClose}>
              {t('edit.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
