import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_TYPES } from '../../../shared/vocabulary.js';
import {
  ApiError,
  type EntityKind,
  type OrgType,
  SEARCH_ALL,
  SEARCH_SUGGESTIONS,
  type SearchHit,
  searchEntities,
} from '../api.js';
import { KIND_STYLES, KINDS } from '../graph/kinds.js';
import { kindLabel, orgTypeLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

interface Props {
  readonly onChoose: (entity: SearchHit) => void;
  readonly language: Language;
  /** Defaults to the main search's label. */
  readonly label?: string;
  /** Only entities of these kinds (all when absent). */
  readonly kinds?: readonly EntityKind[];
  /** Marks the box as wrong, with the message's element id. */
  readonly errorId?: string;
  /** Offers a choice of kind, or of type of organisation, to search within. */
  readonly filterable?: boolean;
}

/** The filter's value: all kinds, one kind ("PERSON") or one type of organisation ("org:MINISTRY"). */
function filterOf(value: string, kinds: readonly EntityKind[] | undefined) {
  if (value.startsWith('org:'))
    return { kinds: ['ORGANIZATION'] as EntityKind[], orgTypes: [value.slice(4) as OrgType] };
  if (value) return { kinds: [value as EntityKind], orgTypes: null };
  return { kinds: kinds ?? null, orgTypes: null };
}

/** Autocomplete as a WAI-ARIA combobox: type, arrow through the results, Enter or click to choose. */
export function SearchBox({ onChoose, language, label, kinds, errorId, filterable }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<readonly SearchHit[]>([]);
  const [total, setTotal] = useState(0);
  // Asked for every hit (up to SEARCH_ALL) rather than the first suggestions.
  const [all, setAll] = useState(false);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The name put into the box by choosing a result; searching for it again would reopen the list.
  const [chosen, setChosen] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2 || text === chosen) {
      setResults([]);
      setTotal(0);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const within = filterOf(filter, kinds);
      searchEntities(query, controller.signal, within.kinds, all ? SEARCH_ALL : SEARCH_SUGGESTIONS, within.orgTypes)
        .then((found) => {
          setResults(found.hits);
          setTotal(found.total);
          if (!all) setActive(0);
          setOpen(true);
          setError(null);
        })
        .catch((e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          setResults([]);
          setError(e instanceof ApiError ? e.message : t('search.failed'));
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, chosen, t, kinds, all, filter]);

  // In the long list of all hits, the option chosen by arrow keys stays in view.
  useEffect(() => {
    if (open) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open, listId]);

  const choose = (entity: SearchHit | undefined) => {
    if (!entity) return;
    onChoose(entity);
    setOpen(false);
    setChosen(entity.name);
    setText(entity.name);
  };

  const showList = open && results.length > 0;
  return (
    <div className="search">
      <div className="search-head">
        <label htmlFor={`${listId}-input`}>{label ?? t('search.label')}</label>
        {filterable && (
          <select
            className="search-within"
            aria-label={t('search.within')}
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              setAll(false);
            }}
          >
            <option value="">{t('search.anyKind')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind, language)}
              </option>
            ))}
            {ORG_TYPES.map((type) => (
              <option key={type} value={`org:${type}`}>
                {`${kindLabel('ORGANIZATION', language)}: ${orgTypeLabel(type, language)}`}
              </option>
            ))}
          </select>
        )}
      </div>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        autoComplete="off"
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setAll(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            choose(results[active]);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {showList && (
        <div className="results">
          <div id={listId} role="listbox" className="hits" aria-label={t('search.results')}>
            {results.map((entity, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input (aria-activedescendant pattern)
              <div
                key={entity.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(entity)}
              >
                <span className="badge" style={{ background: KIND_STYLES[entity.kind].color }}>
                  {kindLabel(entity.kind, language)}
                </span>
                <bdi className="name">{entity.name}</bdi>
                {'orgType' in entity && entity.orgType && (
                  <span className="org-type">{orgTypeLabel(entity.orgType, language)}</span>
                )}
                {entity.region && <bdi className="region">{entity.region.name}</bdi>}
                {entity.matched.field === 'ALIAS' && (
                  <span className="why">{t('search.viaAlias', { text: entity.matched.text })}</span>
                )}
                {entity.description && <span className="hint">{entity.description}</span>}
              </div>
            ))}
          </div>
          {results.length < total && (
            <button
              type="button"
              className="show-all"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => setAll(true)}
              disabled={all}
            >
              {all
                ? t('search.first', { count: results.length, total })
                : t('search.all', { count: Math.min(total, SEARCH_ALL), total })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
