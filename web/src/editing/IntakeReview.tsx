import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../shared/vocabulary.js';
import { SearchBox } from '../components/SearchBox.js';
import { kindLabel, relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import type { IntakeProposal } from './api.js';
import {
  addEntity,
  addFact,
  type EntityChoice,
  endOf,
  type FactChoice,
  NAMED_KINDS,
  pickEnd,
  type Review,
  typeFieldOf,
  typeFits,
} from './intakeReview.js';
import { QualifierOptions } from './QualifierOptions.js';
import { typesBetween } from './rules.js';

/** Facts by the sentence they come from, in the article's order: an editor reviews it sentence by sentence. */
function bySentence<T extends { readonly quote: string }>(facts: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const fact of facts) groups.set(fact.quote, [...(groups.get(fact.quote) ?? []), fact]);
  return [...groups];
}

interface Props {
  readonly proposal: IntakeProposal;
  readonly review: Review;
  readonly onChange: (review: Review) => void;
  readonly language: Language;
}

/** What sort of body, region, event or initiative it is: the closed list its kind needs. */
function TypeSelect({
  kind,
  value,
  onChange,
  language,
}: {
  kind: EntityKind;
  value: string;
  onChange: (type: string) => void;
  language: Language;
}) {
  const { t } = useTranslation();
  const field = typeFieldOf(kind);
  if (!field) return null;
  return (
    <label>
      {t(`edit.fields.${field.name}`)}
      <select
        value={value}
        aria-label={t(`edit.fields.${field.name}`)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('edit.choose')}</option>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

function KindSelect({
  value,
  onChange,
  language,
}: {
  value: EntityKind;
  onChange: (kind: EntityKind) => void;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('edit.fields.kind')}
      <select
        value={value}
        aria-label={t('edit.fields.kind')}
        onChange={(event) => onChange(event.target.value as EntityKind)}
      >
        {NAMED_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kindLabel(kind, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface FactEditorProps {
  readonly factKey: string;
  /** The reader's proposal, or null for a fact the editor added. */
  readonly proposed: IntakeProposal['facts'][number] | null;
  readonly proposal: IntakeProposal;
  readonly review: Review;
  readonly onChange: (review: Review) => void;
  readonly language: Language;
  /** Every entity the fact may start or end at. */
  readonly ends: readonly string[];
}

/** One fact under review: accepted or not, its ends (from the article or found in the graph), type, role, dates, quote. */
function FactEditor({ factKey, proposed, proposal, review, onChange, language, ends }: FactEditorProps) {
  const { t } = useTranslation();
  const label = (key: string) => {
    const end = endOf(proposal, review, key);
    return end.kind ? `${end.name} (${kindLabel(end.kind, language)})` : end.name;
  };
  const r = review.facts[factKey];
  if (!r) return null;
  const from = endOf(proposal, review, r.from);
  const to = endOf(proposal, review, r.to);
  const blocked = !(from.accepted && to.accepted);
  const set = (change: Partial<FactChoice>) =>
    onChange({ ...review, facts: { ...review.facts, [factKey]: { ...r, ...change } } });
  const types = typesBetween(from.kind, to.kind);
  const fits = typeFits(proposal, review, r);
  const known = proposed?.existing && r.type === proposed.type && r.from === proposed.from && r.to === proposed.to;
  const endSelect = (end: 'from' | 'to') => (
    <label>
      {t(`edit.fields.${end}`)}
      <select
        value={r[end]}
        aria-label={t(`edit.fields.${end}`)}
        onChange={(event) => set({ [end]: event.target.value })}
      >
        {ends.map((key) => (
          <option key={key} value={key}>
            {label(key)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="proposal" aria-label={`${from.name} – ${relationLabel(r.type, language)} – ${to.name}`}>
      <label className="check">
        <input
          type="checkbox"
          checked={r.accept && !blocked}
          disabled={blocked}
          onChange={(event) => set({ accept: event.target.checked })}
        />
        <span>
          <strong>{from.name}</strong> {relationLabel(r.type, language)} <strong>{to.name}</strong>
        </span>
      </label>
      {blocked && <span className="hint">{t('edit.intake.blocked')}</span>}
      {known && (
        <span className="known" title={t('edit.intake.knownHint')}>
          {t('edit.intake.knownFact')}
        </span>
      )}
      {proposed && (
        <span className="hint">
          {t(`edit.intake.basis.${proposed.basis.kind}`, { text: proposed.basis.text })}{' '}
          {t(`edit.intake.confidence.${proposed.confidence}`)}
        </span>
      )}
      <div className="inline">
        {endSelect('from')}
        <label>
          {t('edit.fields.type')}
          <select
            value={r.type}
            aria-label={t('edit.fields.type')}
            aria-invalid={fits ? undefined : true}
            onChange={(event) => set({ type: event.target.value as FactChoice['type'] })}
          >
            {!fits && <option value={r.type}>{relationLabel(r.type, language)}</option>}
            {types.map((type) => (
              <option key={type} value={type}>
                {relationLabel(type, language)}
              </option>
            ))}
          </select>
        </label>
        {endSelect('to')}
      </div>
      {!fits && <span className="field-error">{t('edit.intake.kindMismatch')}</span>}
      <details className="replace-end">
        <summary>{t('edit.intake.search')}</summary>
        {(['from', 'to'] as const).map((end) => (
          <SearchBox
            key={end}
            label={t(end === 'from' ? 'edit.intake.replaceFrom' : 'edit.intake.replaceTo')}
            language={language}
            kinds={NAMED_KINDS}
            onChoose={(hit) =>
              onChange(pickEnd(review, factKey, end, { id: hit.id, name: hit.name, kind: hit.kind as EntityKind }))
            }
          />
        ))}
      </details>
      <div className="inline">
        <label>
          {t('edit.fields.role')}
          <input type="text" value={r.role} onChange={(event) => set({ role: event.target.value })} />
        </label>
        <label>
          {t('edit.fields.validFrom')}
          <input type="text" value={r.validFrom} onChange={(event) => set({ validFrom: event.target.value })} />
        </label>
        <label>
          {t('edit.fields.validFromQualifier')}
          <select value={r.validFromQualifier} onChange={(event) => set({ validFromQualifier: event.target.value })}>
            <QualifierOptions language={language} />
          </select>
        </label>
        <label>
          {t('edit.fields.validTo')}
          <input type="text" value={r.validTo} onChange={(event) => set({ validTo: event.target.value })} />
        </label>
      </div>
      <label>
        {t('edit.fields.quote')}
        <textarea rows={2} value={r.quote} onChange={(event) => set({ quote: event.target.value })} />
      </label>
    </fieldset>
  );
}

/**
 * The review of an article's proposals: the entities it names (new ones with their kind and type, which the
 * editor may change), entities the editor adds, and the facts sentence by sentence, each with its type,
 * ends, role, dates and quote. An end can be any entity of the article or one of the graph found by search.
 */
export function IntakeReview({ proposal, review, onChange, language }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [adding, setAdding] = useState<{ name: string; kind: EntityKind; type: string }>({
    name: '',
    kind: 'ORGANIZATION',
    type: '',
  });
  const setEntity = (key: string, change: Partial<EntityChoice>) => {
    const current = review.entities[key];
    if (current) onChange({ ...review, entities: { ...review.entities, [key]: { ...current, ...change } } });
  };
  // Every entity a fact may start or end at: those of the article, those added, those picked from the graph.
  const ends = [
    ...proposal.entities.map((e) => e.key),
    ...review.added.map((e) => e.key),
    ...Object.keys(review.picked),
  ];
  const shared = { proposal, review, onChange, language, ends };

  return (
    <>
      <h3>{t('edit.intake.entities', { count: proposal.entities.length })}</h3>
      <ul className="proposals">
        {proposal.entities.map((e) => {
          const r = review.entities[e.key];
          if (!r) return null;
          return (
            <li key={e.key}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={r.accept}
                  onChange={(event) => setEntity(e.key, { accept: event.target.checked })}
                />
                {e.existing
                  ? t('edit.intake.known', { name: e.existing.name, kind: kindLabel(e.kind as EntityKind, language) })
                  : t('edit.intake.new', { kind: kindLabel(r.kind, language) })}
              </label>
              {!e.existing && (
                <div className="inline">
                  <label>
                    {t('edit.fields.name')}
                    <input
                      type="text"
                      value={r.name}
                      onChange={(event) => setEntity(e.key, { name: event.target.value })}
                    />
                  </label>
                  <KindSelect
                    value={r.kind}
                    onChange={(kind) => setEntity(e.key, { kind, type: '' })}
                    language={language}
                  />
                  <TypeSelect
                    kind={r.kind}
                    value={r.type}
                    onChange={(type) => setEntity(e.key, { type })}
                    language={language}
                  />
                </div>
              )}
              <span className="hint">
                {t(`edit.intake.reason.${e.reason}`, { text: e.matched })}
                {e.role ? ` – ${e.role}` : ''}
              </span>
              <q className="quote">{e.quote}</q>
            </li>
          );
        })}
        {review.added.map((e) => (
          <li key={e.key}>
            <span>{t('edit.intake.add.added', { kind: kindLabel(e.kind, language), name: e.name })}</span>
          </li>
        ))}
      </ul>
      <fieldset className="add-entity" aria-labelledby={`${id}-add`}>
        <legend id={`${id}-add`}>{t('edit.intake.add.title')}</legend>
        <p className="muted">{t('edit.intake.add.explain')}</p>
        <div className="inline">
          <label>
            {t('edit.intake.add.name')}
            <input
              type="text"
              value={adding.name}
              onChange={(event) => setAdding({ ...adding, name: event.target.value })}
            />
          </label>
          <KindSelect
            value={adding.kind}
            onChange={(kind) => setAdding({ ...adding, kind, type: '' })}
            language={language}
          />
          <TypeSelect
            kind={adding.kind}
            value={adding.type}
            onChange={(type) => setAdding({ ...adding, type })}
            language={language}
          />
          <button
            type="button"
            disabled={!adding.name.trim()}
            onClick={() => {
              onChange(addEntity(review, adding.name, adding.kind, adding.type));
              setAdding({ ...adding, name: '' });
            }}
          >
            {t('edit.intake.add.submit')}
          </button>
        </div>
      </fieldset>
      <h3>{t('edit.intake.facts', { count: proposal.facts.length })}</h3>
      {proposal.facts.length > 0 && (
        <button
          type="button"
          onClick={() =>
            onChange({
              ...review,
              entities: Object.fromEntries(
                Object.entries(review.entities).map(([key, e]) => [key, { ...e, accept: true }]),
              ),
              facts: Object.fromEntries(Object.entries(review.facts).map(([key, f]) => [key, { ...f, accept: true }])),
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
                return (
                  <li key={f.key}>
                    <FactEditor factKey={f.key} proposed={f} {...shared} />
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {review.extra.length > 0 && (
        <>
          <h4>{t('edit.intake.ownFacts')}</h4>
          <ul className="proposals">
            {review.extra.map((key) => (
              <li key={key}>
                <FactEditor factKey={key} proposed={null} {...shared} />
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => onChange(addFact(proposal, review))}>
        {t('edit.intake.addFact')}
      </button>
      {proposal.dates.length > 0 && (
        <p className="muted">
          {t('edit.intake.dates')}: {proposal.dates.map((d) => `${d.text} (${d.date})`).join(', ')}
        </p>
      )}
    </>
  );
}
