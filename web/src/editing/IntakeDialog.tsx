import { useId, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EntityKind, RelationType } from '../../../shared/vocabulary.js';
import type { DateQualifier, EventType, IntakeInput, OrgType } from '../generated/graphql.js';
import { kindLabel, relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { type IntakeProposal, type IntakeResult, proposeFacts, submitIntake } from './api.js';
import { Dialog } from './Dialog.js';
import { Alert } from './Messages.js';
import { errorText } from './messages.js';
import { QualifierOptions } from './QualifierOptions.js';
import { entityCandidate, entityProblems, typesBetween } from './rules.js';

interface DraftValues {
  title: string;
  publishedOn: string;
  url: string;
  publisher: string;
  text: string;
}

const MAX_TEXT = 100_000;

/** What the editor decided about each proposal; facts carry their edits. */
interface Review {
  readonly entities: Record<string, { accept: boolean; name: string }>;
  readonly facts: Record<
    string,
    {
      accept: boolean;
      type: RelationType;
      role: string;
      validFrom: string;
      validFromQualifier: string;
      validTo: string;
      validToQualifier: string;
      quote: string;
    }
  >;
}

function reviewOf(proposal: IntakeProposal): Review {
  return {
    entities: Object.fromEntries(proposal.entities.map((e) => [e.key, { accept: true, name: e.name }])),
    facts: Object.fromEntries(
      proposal.facts.map((f) => [
        f.key,
        {
          // A fact the graph holds only gains a source: offered ticked, as it adds nothing new.
          accept: f.confidence === 'HIGH' || f.existing !== null,
          type: f.type,
          role: f.role ?? '',
          validFrom: f.validFrom ?? '',
          validFromQualifier: f.validFromQualifier ?? '',
          validTo: f.validTo ?? '',
          validToQualifier: f.validToQualifier ?? '',
          quote: f.quote,
        },
      ]),
    ),
  };
}

/** Facts by the sentence they come from, in the article's order: an editor reviews it sentence by sentence. */
function bySentence<T extends { readonly quote: string }>(facts: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const fact of facts) groups.set(fact.quote, [...(groups.get(fact.quote) ?? []), fact]);
  return [...groups];
}

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
    const accepted = (key: string) => review.entities[key]?.accept ?? false;
    const newEntities = proposal.entities
      .filter((e) => !e.existing && accepted(e.key))
      .map((e) => ({
        kind: e.kind,
        id: e.key,
        name: review.entities[e.key]?.name.trim() || e.name,
        // What the text says the new body is (a ministry, a company …), for the editor to correct later if need be.
        ...(e.kind === 'ORGANIZATION' && e.type ? { orgType: e.type as OrgType } : {}),
        ...(e.kind === 'EVENT' && e.type ? { eventType: e.type as EventType } : {}),
      }));
    const facts = proposal.facts
      .filter((f) => review.facts[f.key]?.accept && accepted(f.from) && accepted(f.to))
      .map((f) => {
        const r = review.facts[f.key];
        const known = f.existing && (r?.type ?? f.type) === f.type ? f.existing.id : null;
        return {
          type: r?.type ?? f.type,
          from: f.from,
          to: f.to,
          role: r?.role.trim() || null,
          validFrom: r?.validFrom.trim() || null,
          validFromQualifier: r?.validFrom.trim() ? ((r?.validFromQualifier || null) as DateQualifier | null) : null,
          validTo: r?.validTo.trim() || null,
          validToQualifier: r?.validTo.trim() ? ((r?.validToQualifier || null) as DateQualifier | null) : null,
          quote: r?.quote.trim() ?? f.quote,
          ...(known ? { existing: known } : {}),
        };
      });
    const mentions = proposal.entities.filter((e) => e.existing && accepted(e.key)).map((e) => e.key);
    if (facts.length === 0 && newEntities.length === 0 && mentions.length === 0) {
      setFailure(t('edit.intake.nothing'));
      return;
    }
    setBusy(true);
    try {
      const input: IntakeInput = {
        article: {
          id: proposal.article.id,
          title: draft.title.trim(),
          publishedOn: draft.publishedOn.trim(),
          url: draft.url.trim(),
          publisher: draft.publisher.trim(),
        },
        text: draft.text,
        newEntities,
        facts,
        mentions,
        // Fields left out are absent on purpose: the server fills defaults and checks the rest.
      };
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

  const nameOf = (key: string) => {
    const e = proposal?.entities.find((x) => x.key === key);
    return e ? (review?.entities[key]?.name ?? e.name) : key;
  };
  const kindOf = (key: string) => proposal?.entities.find((x) => x.key === key)?.kind as EntityKind | undefined;

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
          <h3>{t('edit.intake.entities', { count: proposal.entities.length })}</h3>
          <ul className="proposals">
            {proposal.entities.map((e) => {
              const r = review.entities[e.key];
              return (
                <li key={e.key}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={r?.accept ?? false}
                      onChange={(event) =>
                        setReview({
                          ...review,
                          entities: {
                            ...review.entities,
                            [e.key]: { name: r?.name ?? e.name, accept: event.target.checked },
                          },
                        })
                      }
                    />
                    {e.existing
                      ? t('edit.intake.known', {
                          name: e.existing.name,
                          kind: kindLabel(e.kind as EntityKind, language),
                        })
                      : t('edit.intake.new', { kind: kindLabel(e.kind as EntityKind, language) })}
                  </label>
                  {!e.existing && (
                    <label>
                      {t('edit.fields.name')}
                      <input
                        type="text"
                        value={r?.name ?? e.name}
                        onChange={(event) =>
                          setReview({
                            ...review,
                            entities: {
                              ...review.entities,
                              [e.key]: { accept: r?.accept ?? true, name: event.target.value },
                            },
                          })
                        }
                      />
                    </label>
                  )}
                  <span className="hint">
                    {t(`edit.intake.reason.${e.reason}`, { text: e.matched })}
                    {e.role ? ` – ${e.role}` : ''}
                  </span>
                  <q className="quote">{e.quote}</q>
                </li>
              );
            })}
          </ul>
          <h3>{t('edit.intake.facts', { count: proposal.facts.length })}</h3>
          {proposal.facts.length > 0 && (
            <button
              type="button"
              onClick={() =>
                setReview({
                  entities: Object.fromEntries(
                    Object.entries(review.entities).map(([key, e]) => [key, { ...e, accept: true }]),
                  ),
                  facts: Object.fromEntries(
                    Object.entries(review.facts).map(([key, f]) => [key, { ...f, accept: true }]),
                  ),
                })
              }
            >
              {t('edit.intake.acceptAll')}
            </button>
          )}
          <ol className="sentences">
            {bySentence(proposal.facts).map(([sentence, facts]) => (
              <li key={sentence}>
                <q className="quote">{sentence}</q>
                <ul className="proposals">
                  {facts.map((f) => {
                    const r = review.facts[f.key];
                    if (!r) return null;
                    const blocked = !(review.entities[f.from]?.accept && review.entities[f.to]?.accept);
                    const set = (change: Partial<typeof r>) =>
                      setReview({ ...review, facts: { ...review.facts, [f.key]: { ...r, ...change } } });
                    const types = typesBetween(kindOf(f.from) ?? null, kindOf(f.to) ?? null);
                    return (
                      <li key={f.key}>
                        <fieldset
                          className="proposal"
                          aria-label={`${nameOf(f.from)} – ${relationLabel(r.type, language)} – ${nameOf(f.to)}`}
                        >
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={r.accept && !blocked}
                              disabled={blocked}
                              onChange={(event) => set({ accept: event.target.checked })}
                            />
                            <span>
                              <strong>{nameOf(f.from)}</strong> {relationLabel(r.type, language)}{' '}
                              <strong>{nameOf(f.to)}</strong>
                            </span>
                          </label>
                          {blocked && <span className="hint">{t('edit.intake.blocked')}</span>}
                          {f.existing && r.type === f.type && (
                            <span className="known" title={t('edit.intake.knownHint')}>
                              {t('edit.intake.knownFact')}
                            </span>
                          )}
                          <span className="hint">
                            {t(`edit.intake.basis.${f.basis.kind}`, { text: f.basis.text })}{' '}
                            {t(`edit.intake.confidence.${f.confidence}`)}
                          </span>
                          <div className="inline">
                            <label>
                              {t('edit.fields.type')}
                              <select
                                value={r.type}
                                onChange={(event) => set({ type: event.target.value as RelationType })}
                              >
                                {types.map((type) => (
                                  <option key={type} value={type}>
                                    {relationLabel(type, language)}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <label>
                              {t('edit.fields.role')}
                              <input
                                type="text"
                                value={r.role}
                                onChange={(event) => set({ role: event.target.value })}
                              />
                            </label>
                            <label>
                              {t('edit.fields.validFrom')}
                              <input
                                type="text"
                                value={r.validFrom}
                                onChange={(event) => set({ validFrom: event.target.value })}
                              />
                            </label>
                            <label>
                              {t('edit.fields.validFromQualifier')}
                              <select
                                value={r.validFromQualifier}
                                onChange={(event) => set({ validFromQualifier: event.target.value })}
                              >
                                <QualifierOptions language={language} />
                              </select>
                            </label>
                            <label>
                              {t('edit.fields.validTo')}
                              <input
                                type="text"
                                value={r.validTo}
                                onChange={(event) => set({ validTo: event.target.value })}
                              />
                            </label>
                          </div>
                          <label>
                            {t('edit.fields.quote')}
                            <textarea
                              rows={2}
                              value={r.quote}
                              onChange={(event) => set({ quote: event.target.value })}
                            />
                          </label>
                        </fieldset>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
          {proposal.dates.length > 0 && (
            <p className="muted">
              {t('edit.intake.dates')}: {proposal.dates.map((d) => `${d.text} (${d.date})`).join(', ')}
            </p>
          )}
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
