import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from './api.js';
import { AsOfSlider } from './components/AsOfSlider.js';
import { Details, EntityList } from './components/Details.js';
import { ExportMenu } from './components/ExportMenu.js';
import { Filters } from './components/Filters.js';
import { PathFinder } from './components/PathFinder.js';
import { SearchBox } from './components/SearchBox.js';
import { Timeline } from './components/Timeline.js';
import { filterGraph, mergeNeighborhood } from './graph/elements.js';
import { type CanvasHandle, GraphCanvas } from './graph/GraphCanvas.js';
import { KIND_STYLES, KINDS } from './graph/kinds.js';
import { kindLabel } from './i18n/labels.js';
import { type History, push, redo, replace, start, undo } from './state/history.js';
import { useGraph } from './state/useGraph.js';
import { usePath } from './state/usePath.js';
import { decodeView, encodeView, type ViewState } from './state/view.js';

export function App() {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<History<ViewState>>(() => start(decodeView(window.location.search)));
  const view = history.present;
  // Every change of what the canvas shows can be undone; selecting or switching language is not a step of its own.
  const setView = useCallback((change: (v: ViewState) => ViewState) => {
    setHistory((h) => {
      const next = change(h.present);
      const { selected: _a, language: _b, ...was } = h.present;
      const { selected: _c, language: _d, ...is } = next;
      return JSON.stringify(was) === JSON.stringify(is) ? replace(h, next) : push(h, next);
    });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        !(event.ctrlKey || event.metaKey) ||
        target?.closest('input[type=search], input[type=text], textarea, [contenteditable]')
      )
        return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) setHistory(undo);
      else if (key === 'y' || (key === 'z' && event.shiftKey)) setHistory(redo);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const loaded = useGraph(view.expanded, view.asOf);
  const { anchorId, loading, truncated, hidden, error } = loaded;
  const path = usePath(view.path, view.asOf);
  const language = view.language;
  const canvasRef = useRef<CanvasHandle | null>(null);
  // A found path joins the canvas, highlighted, on top of the expanded neighbourhoods.
  const full = useMemo(
    () => (path.result ? mergeNeighborhood(loaded.graph, path.result) : loaded.graph),
    [loaded.graph, path.result],
  );
  const graph = useMemo(
    () => filterGraph(full, view.hiddenKinds, view.hiddenTypes),
    [full, view.hiddenKinds, view.hiddenTypes],
  );
  const relationTypes = useMemo(() => [...new Set([...full.edges.values()].map((e) => e.type))].sort(), [full]);
  const highlight = useMemo(
    () => new Set(path.result ? [...path.result.nodes.map((n) => n.id), ...path.result.edges.map((e) => e.id)] : []),
    [path.result],
  );

  // The URL is the view: sharing or reloading it shows the same graph.
  useEffect(() => {
    const query = encodeView(view);
    if (query !== window.location.search) window.history.replaceState(null, '', query || window.location.pathname);
  }, [view]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const expand = useCallback(
    (id: string) => setView((v) => (v.expanded.includes(id) ? v : { ...v, expanded: [...v.expanded, id] })),
    [setView],
  );
  const select = useCallback((id: string | null) => setView((v) => ({ ...v, selected: id })), [setView]);
  const choose = useCallback(
    (entity: SearchHit) =>
      setView((v) => ({
        ...v,
        selected: entity.id,
        expanded: v.expanded.includes(entity.id) ? v.expanded : [...v.expanded, entity.id],
      })),
    [setView],
  );
  const nodes = useMemo(
    () => [...graph.nodes.values()].sort((a, b) => a.name.localeCompare(b.name, language)),
    [graph, language],
  );

  let status = '';
  if (loading) status = t('status.loading');
  else if (graph.nodes.size > 0)
    status = `${t('status.loaded', { count: graph.nodes.size })}${truncated ? ` ${t('status.truncated')}` : ''}`;

  return (
    <div className="app">
      <header>
        <h1>GovGraph</h1>
        <p className="tagline">{t('tagline')}</p>
        <SearchBox onChoose={choose} language={language} />
        <AsOfSlider asOf={view.asOf} language={language} onChange={(asOf) => setView((v) => ({ ...v, asOf }))} />
        <div className="history">
          <button
            type="button"
            disabled={history.past.length === 0}
            onClick={() => setHistory(undo)}
            aria-keyshortcuts="Control+Z"
          >
            {t('history.undo')}
          </button>
          <button
            type="button"
            disabled={history.future.length === 0}
            onClick={() => setHistory(redo)}
            aria-keyshortcuts="Control+Y"
          >
            {t('history.redo')}
          </button>
        </div>
        <button
          type="button"
          className="language"
          lang={language === 'de' ? 'en' : 'de'}
          aria-label={t('switchLanguageLabel')}
          onClick={() => setView((v) => ({ ...v, language: v.language === 'de' ? 'en' : 'de' }))}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main>
        <div className="stage">
          <GraphCanvas
            graph={graph}
            language={language}
            highlight={highlight}
            canvasRef={canvasRef}
            selectedId={view.selected}
            anchorId={anchorId}
            onExpand={expand}
            onSelect={select}
          />
          {graph.nodes.size === 0 && !loading && <p className="empty">{t('canvas.empty')}</p>}
          <ul className="legend" aria-label={t('canvas.legend')}>
            {KINDS.map((kind) => (
              <li key={kind}>
                <span className="swatch" style={{ background: KIND_STYLES[kind].color }} aria-hidden="true" />{' '}
                {kindLabel(kind, language)}
              </li>
            ))}
          </ul>
        </div>
        <aside>
          <p className="status" role="status" aria-live="polite">
            {status}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <Details graph={graph} selectedId={view.selected} language={language} />
          <Timeline graph={graph} selectedId={view.selected} language={language} onSelect={select} />
          <PathFinder
            fromName={view.selected ? (graph.nodes.get(view.selected)?.name ?? null) : null}
            toName={view.path ? (graph.nodes.get(view.path.to)?.name ?? view.path.to) : null}
            result={path.result}
            loading={path.loading}
            error={path.error}
            language={language}
            onFind={(target) =>
              setView((v) =>
                v.selected && v.selected !== target.id ? { ...v, path: { from: v.selected, to: target.id } } : v,
              )
            }
            onClear={() => setView((v) => ({ ...v, path: null }))}
          />
          <Filters
            relationTypes={relationTypes}
            hiddenKinds={view.hiddenKinds}
            hiddenTypes={view.hiddenTypes}
            language={language}
            onChange={(hiddenKinds, hiddenTypes) => setView((v) => ({ ...v, hiddenKinds, hiddenTypes }))}
          />
          <ExportMenu graph={graph} canvas={canvasRef} />
          <EntityList
            nodes={nodes}
            hidden={hidden}
            selectedId={view.selected}
            language={language}
            onSelect={select}
            onExpand={expand}
          />
        </aside>
      </main>
    </div>
  );
}
