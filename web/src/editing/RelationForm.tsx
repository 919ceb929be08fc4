import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { ApiError } from '../api.js';
import { SearchBox } from '../components/SearchBox.js';
import type { RelationPatch } from '../generated/graphql.js';
import { kindLabel, relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { createRelation, deleteRelation, type EditableRelation, updateRelation } from './api.js';
import { type Conflict, ConflictView, conflictOf } from './Conflict.js';
import { FormButtons } from './FormButtons.js';
import { Alert, Notice } from './Messages.js';
import { errorText } from './messages.js';
import { QualifierOptions } from './QualifierOptions.js';
import {
  type Problem,
  patchOf,
  type RelationDraft,
  relationCandidate,
  relationProblems,
  typesBetween,
} from './rules.js';

interface End {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
}

type Mode =
  | { readonly create: true; readonly from?: End }
  | { readonly create: false; readonly relation: EditableRelation };

interface Props {
  readonly mode: Mode;
  readonly language: Language;
  readonly onSaved: (relation: EditableRelation, created: boolean) => void;
  readonly onDeleted?: (id: string) => void;
}

const ARTICLES: readonly EntityKind[] = ['ARTICLE'];

interface Draft extends RelationDraft {
  readonly from: End | null;
  readonly to: End | null;
  /** Titles of the cited articles, for showing them. */
  readonly titles: Readonly<Record<string, string>>;
}

function draftOf(relation: EditableRelation): Draft {
  return {
    type: relation.type,
    from: { ...relation.from, kind: relation.from.kind as EntityKind },
    to: { ...relation.to, kind: relation.to.kind as EntityKind },
    role: relation.role ?? '',
    validFrom: relation.validFrom?.date ?? '',
    validFromQualifier: relation.validFrom?.qualifier ?? '',
    validTo: relation.validTo?.date ?? '',
    validToQualifier: relation.validTo?.qualifier ?? '',
    citations: relation.citations.map((c) => ({ article: c.article.id, quote: c.quote ?? '', note: c.note ?? '' })),
    titles: Object.fromEntries(relation.citations.map((c) => [c.article.id, c.article.title])),
  };
}

const EMPTY: Draft = {
  type: '',
  from: null,
  to: null,
  role: '',
  validFrom: '',
  validFromQualifier: '',
  validTo: '',
  validToQualifier: '',
  citations: [{ article: '', quote: '', note: '' }],
  titles: {},
};

/**
 * A fact: two entities, a relation type the vocabulary allows between their
 * kinds, its validity with the precision the source gives, and at least one
 * article with the sentence that says it. Checked with the model's rules
 * before it is sent; based on the version read when editing.
 */
export function RelationForm({ mode, language, onSaved, onDeleted }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [base, setBase] = useState(mode.create ? null : { draft: draftOf(mode.relation), relation: mode.relation });
  const [draft, setDraft] = useState<Draft>(
    base?.draft ?? { ...EMPTY, from: mode.create ? (mode.from ?? null) : null },
  );
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const problem = (field: string) => problems.find((p) => p.field === field)?.message;
  const types = typesBetween(draft.from?.kind ?? null, draft.to?.kind ?? null);

  const submit = async () => {
    setFailure(null);
    setNotice(null);
    const found = relationProblems(draft, language);
    setProblems(found);
    const { type } = draft;
    if (found.length > 0 || !type) return;
    const candidate = relationCandidate({ ...draft, type });
    setBusy(true);
    try {
      if (!base) {
        const created = await createRelation(candidate);
        onSaved(created, true);
        return;
      }
      const before = relationCandidate({ ...base.draft, type: base.relation.type });
      const patch = patchOf(before, candidate);
      delete patch.type;
      delete patch.from;
      delete patch.to;
      if (Object.keys(patch).length === 0) {
        setNotice(t('edit.noChanges'));
        return;
      }
      try {
        const saved = await updateRelation(base.relation.id, base.relation.version, patch as RelationPatch);
        setBase({ draft: draftOf(saved), relation: saved });
        setNotice(t('edit.saved', { version: saved.version }));
        onSaved(saved, false);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error;
        setConflict(conflictOf(error, before, patch));
      }
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  /** Reloads the relation as saved now; keeps what the editor changed when asked to. */
  const rebase = (keepMine: boolean) => {
    if (!conflict || !base) return;
    const now = conflict.current as Record<string, unknown>;
    const date = (key: string) => (typeof now[key] === 'string' ? (now[key] as string) : '');
    const current: Draft = {
      ...base.draft,
      role: date('role'),
      validFrom: date('validFrom'),
      validFromQualifier: date('validFromQualifier'),
      validTo: date('validTo'),
      validToQualifier: date('validToQualifier'),
      citations: Array.isArray(now.citations)
        ? (now.citations as Array<{ article: string; quote: string | null; note: string | null }>).map((c) => ({
            article: c.article,
            quote: c.quote ?? '',
            note: c.note ?? '',
          }))
        : base.draft.citations,
    };
    setBase({ draft: current, relation: { ...base.relation, version: conflict.version } });
    if (keepMine) {
      const mine = Object.fromEntries(Object.keys(conflict.mine).map((key) => [key, draft[key as keyof Draft]]));
      setDraft({ ...current, ...mine, titles: { ...current.titles, ...draft.titles } });
    } else setDraft(current);
    setConflict(null);
  };

  const remove = async () => {
    if (!base) return;
    try {
      await deleteRelation(base.relation.id, base.relation.version);
      onDeleted?.(base.relation.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  };

  const endField = (end: 'from' | 'to') => {
    const chosen = draft[end];
    const error = problem(end);
    return (
      <div className="field">
        {chosen && (!mode.create || (end === 'from' && mode.from)) ? (
          <>
            <span className="label">{t(`edit.fields.${end}`)}</span>
            <span>
              {chosen.name} ({kindLabel(chosen.kind, language)})
            </span>
          </>
        ) : (
          <>
            <SearchBox
              label={t(`edit.fields.${end}`)}
              language={language}
              onChoose={(hit) => set({ [end]: { id: hit.id, kind: hit.kind as EntityKind, name: hit.name } })}
              errorId={error ? `${id}-${end}-error` : undefined}
            />
            {chosen && (
              <span className="hint">
                {t('edit.relation.chosen', { name: chosen.name, kind: kindLabel(chosen.kind, language) })}
              </span>
            )}
          </>
        )}
        {error && (
          <span id={`${id}-${end}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  const dateField = (key: 'validFrom' | 'validTo') => {
    const qualifier = key === 'validFrom' ? 'validFromQualifier' : 'validToQualifier';
    const error = problem(key) ?? problem(qualifier);
    return (
      <div className="field date-field">
        <label htmlFor={`${id}-${key}`}>{t(`edit.fields.${key}`)}</label>
        <div className="inline">
          <input
            id={`${id}-${key}`}
            type="text"
            value={draft[key]}
            placeholder={t('edit.hints.date')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-${key}-error` : undefined}
            onChange={(e) => set({ [key]: e.target.value })}
          />
          <select
            aria-label={t(`edit.fields.${qualifier}`)}
            value={draft[qualifier]}
            onChange={(e) => set({ [qualifier]: e.target.value })}
          >
            <QualifierOptions language={language} />
          </select>
        </div>
        {error && (
          <span id={`${id}-${key}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {conflict && (
        <ConflictView
          conflict={conflict}
          language={language}
          onRebase={() => rebase(true)}
          onDiscard={() => rebase(false)}
        />
      )}
      {endField('from')}
      {endField('to')}
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('edit.fields.type')}</label>
        {base ? (
          <span>{relationLabel(draft.type, language)}</span>
        ) : (
          <select
            id={`${id}-type`}
            value={draft.type}
            aria-invalid={problem('type') ? true : undefined}
            onChange={(e) => set({ type: e.target.value as Draft['type'] })}
          >
            <option value="">{t('edit.choose')}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {relationLabel(type, language)}
              </option>
            ))}
          </select>
        )}
        {problem('type') && <span className="field-error">{problem('type')}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('edit.fields.role')}</label>
        <input id={`${id}-role`} type="text" value={draft.role} onChange={(e) => set({ role: e.target.value })} />
        {problem('role') && <span className="field-error">{problem('role')}</span>}
      </div>
      {dateField('validFrom')}
      {dateField('validTo')}
      <fieldset className="citations-field">
        <legend>{t('edit.fields.citations')}</legend>
        {problem('citations') && <p className="field-error">{problem('citations')}</p>}
        {draft.citations.map((citation, index) => {
          const update = (change: Partial<Draft['citations'][number]>) =>
            set({ citations: draft.citations.map((c, i) => (i === index ? { ...c, ...change } : c)) });
          const articleError = problem(`citations.${index}.article`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: citations have no id of their own until saved
            <fieldset key={index} className="citation" aria-label={t('edit.relation.source', { n: index + 1 })}>
              {citation.article ? (
                <p>
                  {t('edit.fields.article')}: <strong>{draft.titles[citation.article] ?? citation.article}</strong>{' '}
                  <button type="button" className="link" onClick={() => update({ article: '' })}>
                    {t('edit.relation.otherArticle')}
                  </button>
                </p>
              ) : (
                <SearchBox
                  label={t('edit.fields.article')}
                  language={language}
                  kinds={ARTICLES}
                  errorId={articleError ? `${id}-c${index}-error` : undefined}
                  onChoose={(hit) => {
                    set({
                      citations: draft.citations.map((c, i) => (i === index ? { ...c, article: hit.id } : c)),
                      titles: { ...draft.titles, [hit.id]: hit.name },
                    });
                  }}
                />
              )}
              {articleError && (
                <span id={`${id}-c${index}-error`} className="field-error">
                  {articleError}
                </span>
              )}
              <label>
                {t('edit.fields.quote')}
                <textarea rows={2} value={citation.quote} onChange={(e) => update({ quote: e.target.value })} />
              </label>
              {problem(`citations.${index}.quote`) && (
                <span className="field-error">{problem(`citations.${index}.quote`)}</span>
              )}
              <label>
                {t('edit.fields.note')}
                <input type="text" value={citation.note} onChange={(e) => update({ note: e.target.value })} />
              </label>
              {draft.citations.length > 1 && (
                <button type="button" onClick={() => set({ citations: draft.citations.filter((_, i) => i !== index) })}>
                  {t('edit.relation.removeSource')}
                </button>
              )}
            </fieldset>
          );
        })}
        <button
          type="button"
          onClick={() => set({ citations: [...draft.citations, { article: '', quote: '', note: '' }] })}
        >
          {t('edit.relation.addSource')}
        </button>
      </fieldset>
      <Alert message={failure} />
      <Alert message={problems.length > 0 ? t('edit.fix', { count: problems.length }) : null} />
      <Notice message={notice} />
      <FormButtons
        saved={base !== null}
        disabled={busy || conflict !== null}
        onDelete={onDeleted ? remove : undefined}
        confirmText={t('edit.relation.confirmDelete')}
      />
    </form>
  );
}
