import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type EntityKind, type SearchHit, searchEntities } from '../api.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { kindLabel } from '../i18n/labels.js';
import type { Language } from '../state/view.js';

interface Props {
  readonly onChoose: (entity: SearchHit) => void;
  readonly language: Language;
  /** Defaults to the main search's label. */
  readonly label?: string;
  /** Only entities of these kinds (all when absent). */
  readonly kinds?: readonly EntityKind[];
  /** Marks the box as wrong, with the message's element id. */
  readonly errorId?: string;
}

/** Autocomplete as a WAI-ARIA combobox: type, arrow through the results, Enter or click to choose. */
export function SearchBox({ onChoose, language, label, kinds, errorId }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<readonly SearchHit[]>([]);
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
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchEntities(query, controller.signal, kinds ?? null)
        .then((found) => {
          setResults(found);
          setActive(0);
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
  }, [text, chosen, t, kinds]);

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
      <label htmlFor={`${listId}-input`}>{label ?? t('search.label')}</label>
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
        onChange={(event) => setText(event.target.value)}
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
        <div id={listId} role="listbox" className="results" aria-label={t('search.results')}>
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
              {entity.region && <bdi className="region">{entity.region.name}</bdi>}
              {entity.matched.field === 'ALIAS' && (
                <span className="why">{t('search.viaAlias', { text: entity.matched.text })}</span>
              )}
              {entity.description && <span className="hint">{entity.description}</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
