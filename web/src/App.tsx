import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EntityKind, fetchRelationCounts, type SearchHit } from './api.js';
import { AsOfSlider } from './components/AsOfSlider.js';
import { Details } from './components/Details.js';
import { EntityList } from './components/EntityList.js';
import { type EntityActions, EntityMenu } from './components/EntityMenu.js';
import { ExportMenu } from './components/ExportMenu.js';
import { Filters } from './components/Filters.js';
import { LayoutPicker } from './components/LayoutPicker.js';
import { PathFinder } from './components/PathFinder.js';
import { SearchBox } from './components/SearchBox.js';
import { Timeline } from './components/Timeline.js';
import { Editor, type EditTask } from './editing/Editor.js';
import { LoginDialog } from './editing/LoginDialog.js';
import { useLiveChanges } from './editing/live.js';
import { useSession } from './editing/useSession.js';
import { filterGraph, type Marks, mergeNeighborhood } from './graph/elements.js';
import { type CanvasHandle, GraphCanvas, type PositionSource } from './graph/GraphCanvas.js';
import { KIND_STYLES, KINDS } from './graph/kinds.js';
import type { Positions } from './graph/layout.js';
import { kindLabel } from './i18n/labels.js';
import { type History, push, redo, replace, start, undo } from './state/history.js';
import { useArticle } from './state/useArticle.js';
import { useGraph } from './state/useGraph.js';
import { usePath } from './state/usePath.js';
import {
  changeLayout,
  choose,
  collapse,
  decodeView,
  encodeView,
  expand,
  fetchMore,
  place,
  relayout,
  remove,
  setHidden,
  setPinned,
  type ViewState,
} from './state/view.js';

/** A change is its own undo step, or rides along with the present one (a selection, a layout's result). */
type Step = 'step' | 'ride' | 'auto';

export function App() {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<History<ViewState>>(() => start(decodeView(window.location.search)));
  const view = history.present;
  // Every change of what the canvas shows can be undone; selecting or switching language is not a step of its own.
  const setView = useCallback((change: (v: ViewState) => ViewState, step: Step = 'auto') => {
    setHistory((h) => {
      const next = change(h.present);
      if (next === h.present) return h;
      if (step === 'ride') return replace(h, next);
      if (step === 'step') return push(h, next);
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

  const session = useSession();
  const [revision, setRevision] = useState(0);
  const [editTask, setEditTask] = useState<EditTask | null>(null);
  const [loginOpen, setLoginOpen] = useState(false);
  const [live, setLive] = useState<string | null>(null);
  // Another editor's change (or one's own in another tab): the canvas reloads what it shows, no reload of the page.
  useLiveChanges((change) => {
    setRevision((r) => r + 1);
    const count = change.entityIds.length + change.relationIds.length + change.deletedIds.length;
    const time = new Date(change.at).toLocaleTimeString(language);
    setLive(
      change.by
        ? t('edit.live.changed', { by: change.by, count, time })
        : t('edit.live.changedBySomeone', { count, time }),
    );
  }, session.canEdit);
  const loaded = useGraph(view, revision);
  const { loading, truncated, error } = loaded;
  const path = usePath(view.path, view.asOf);
  const article = useArticle(view.article);
  const language = view.language;
  const canvasRef = useRef<CanvasHandle | null>(null);

  // A found path and a highlighted article join the canvas, marked, on top of the expanded neighbourhoods.
  const full = useMemo(() => {
    let graph = loaded.graph;
    if (path.result) graph = mergeNeighborhood(graph, path.result);
    if (article.article)
      graph = mergeNeighborhood(graph, { nodes: article.article.entities, edges: article.article.facts });
    return graph;
  }, [loaded.graph, path.result, article.article]);
  const graph = useMemo(
    () => filterGraph(full, view.hiddenKinds, view.hiddenTypes, view.hidden),
    [full, view.hiddenKinds, view.hiddenTypes, view.hidden],
  );
  const relationTypes = useMemo(() => [...new Set([...full.edges.values()].map((e) => e.type))].sort(), [full]);
  const pinned = useMemo(() => new Set(view.pinned), [view.pinned]);
  const expandedIds = useMemo(() => new Set(view.expanded.map((e) => e.id)), [view.expanded]);
  const marks = useMemo<Marks>(() => {
    const facts = article.article?.facts ?? [];
    return {
      path: new Set(path.result ? [...path.result.nodes.map((n) => n.id), ...path.result.edges.map((e) => e.id)] : []),
      article: new Set(facts.flatMap((f) => [f.id, f.from.id, f.to.id])),
      pinned,
      expanded: expandedIds,
    };
  }, [path.result, article.article, pinned, expandedIds]);

  // The URL is the view: sharing or reloading it shows the same graph.
  useEffect(() => {
    const query = encodeView(view);
    if (query !== window.location.search) window.history.replaceState(null, '', query || window.location.pathname);
  }, [view]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  const actions = useMemo<EntityActions>(
    () => ({
      expand: (id, type) => setView((v) => expand(v, id, type), 'step'),
      fetchMore: (id) => setView((v) => fetchMore(v, id), 'step'),
      collapse: (id) => setView((v) => collapse(v, id), 'step'),
      setPinned: (id, on) => setView((v) => setPinned(v, id, on), 'step'),
      setHidden: (id, on) => setView((v) => setHidden(v, id, on), 'step'),
      remove: (id) => setView((v) => remove(v, id), 'step'),
    }),
    [setView],
  );
  const select = useCallback((id: string | null) => setView((v) => ({ ...v, selected: id }), 'ride'), [setView]);
  const chooseHit = useCallback((entity: SearchHit) => setView((v) => choose(v, entity.id)), [setView]);
  const onCanvas = useMemo(() => new Set(full.nodes.keys()), [full]);
  const onPositions = useCallback(
    (moved: Positions, source: PositionSource) =>
      setView((v) => place(v, moved, onCanvas), source === 'layout' ? 'ride' : 'step'),
    [setView, onCanvas],
  );
  const loadCounts = useCallback((id: string) => fetchRelationCounts(id, view.asOf), [view.asOf]);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);

  const nodes = useMemo(
    () => [...graph.nodes.values()].sort((a, b) => a.name.localeCompare(b.name, language)),
    [graph, language],
  );
  const hiddenNodes = useMemo(
    () => view.hidden.flatMap((id) => full.nodes.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, language)),
    [view.hidden, full, language],
  );
  const menuNode = menu ? graph.nodes.get(menu.id) : undefined;

  let status = '';
  if (loading) status = t('status.loading');
  else if (graph.nodes.size > 0)
    status = `${t('status.loaded', { count: graph.nodes.size })}${truncated ? ` ${t('status.truncated')}` : ''}`;
  if (!loading && loaded.missing.length > 0)
    status =
      `${status} ${t('status.missing', { count: loaded.missing.length, ids: loaded.missing.join(', ') })}`.trim();

  return (
    <div className="app">
      <header>
        <h1>GovGraph</h1>
        <p className="tagline">{t('tagline')}</p>
        <SearchBox onChoose={chooseHit} language={language} filterable />
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
        <div className="account">
          {session.user ? (
            <>
              <span className="who">
                {session.user.email} ({t(`edit.roles.${session.user.role}`)})
              </span>
              {session.canEdit && (
                <>
                  <button type="button" onClick={() => setEditTask({ task: 'new-entity' })}>
                    {t('edit.newEntity')}
                  </button>
                  <button type="button" onClick={() => setEditTask({ task: 'intake' })}>
                    {t('edit.intake.open')}
                  </button>
                  <button type="button" onClick={() => setEditTask({ task: 'approvals' })}>
                    {t('edit.approvals.open')}
                  </button>
                </>
              )}
              <button type="button" onClick={() => void session.logout()}>
                {t('edit.logout')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setLoginOpen(true)}>
              {t('edit.login.open')}
            </button>
          )}
        </div>
        <button
          type="button"
          className="language"
          lang={language === 'de' ? 'en' : 'de'}
          aria-label={t('switchLanguageLabel')}
          onClick={() => setView((v) => ({ ...v, language: v.language === 'de' ? 'en' : 'de' }), 'ride')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main>
        <div className="stage">
          <div className="toolbar">
            <LayoutPicker
              layout={view.layout}
              onChange={(layout) => setView((v) => changeLayout(v, layout), 'step')}
              onRelayout={() => setView(relayout, 'step')}
            />
            <ul className="legend" aria-label={t('canvas.legend')}>
              {KINDS.map((kind) => (
                <li key={kind}>
                  <span className="swatch" style={{ background: KIND_STYLES[kind].color }} aria-hidden="true">
                    <img src={KIND_STYLES[kind].icon} alt="" />
                  </span>{' '}
                  {kindLabel(kind, language)}
                </li>
              ))}
            </ul>
          </div>
          {article.article && (
            <p className="article-banner" role="status">
              {t('article.shown', { count: article.article.totalCount, title: article.article.name })}{' '}
              <button type="button" onClick={() => setView((v) => ({ ...v, article: null }))}>
                {t('article.clear')}
              </button>
            </p>
          )}
          <div className="canvas-area">
            <GraphCanvas
              graph={graph}
              language={language}
              marks={marks}
              canvasRef={canvasRef}
              selectedId={view.selected}
              layout={view.layout}
              positions={view.positions}
              pinned={pinned}
              onExpand={actions.expand}
              onSelect={select}
              onMenu={(id, at) => setMenu({ id, ...at })}
              onPositions={onPositions}
            />
            {graph.nodes.size === 0 && !loading && <p className="empty">{t('canvas.empty')}</p>}
          </div>
          {menu && menuNode && (
            <EntityMenu
              open
              onOpenChange={(open) => {
                if (!open) setMenu(null);
              }}
              target={{
                id: menu.id,
                name: menuNode.name,
                expanded: expandedIds.has(menu.id),
                pinned: pinned.has(menu.id),
                more: loaded.hidden.get(menu.id) ?? 0,
              }}
              language={language}
              actions={actions}
              loadCounts={loadCounts}
              trigger={<span className="menu-anchor" style={{ left: menu.x, top: menu.y }} />}
            />
          )}
        </div>
        <aside>
          <p className="status" role="status" aria-live="polite">
            {status}
          </p>
          {live && (
            <p className="live" role="status">
              {live}
            </p>
          )}
          {[error, article.error && t('article.failed', { error: article.error })].filter(Boolean).map((message) => (
            <p key={message as string} className="error" role="alert">
              {message}
            </p>
          ))}
          <Details
            graph={graph}
            selectedId={view.selected}
            language={language}
            onArticle={(id) => setView((v) => ({ ...v, article: id }))}
            tools={(target) => (
              <div className="edit-tools">
                {session.canEdit && (
                  <button
                    type="button"
                    onClick={() =>
                      setEditTask(
                        target.kind === 'relation'
                          ? { task: 'edit-relation', id: target.id }
                          : { task: 'edit-entity', id: target.id },
                      )
                    }
                  >
                    {t('edit.edit')}
                  </button>
                )}
                {session.canEdit && target.kind !== 'relation' && target.kind !== 'ARTICLE' && (
                  <button
                    type="button"
                    onClick={() =>
                      setEditTask({
                        task: 'new-relation',
                        from: { id: target.id, kind: target.kind as EntityKind, name: target.name },
                      })
                    }
                  >
                    {t('edit.addRelation')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => setEditTask({ task: 'history', id: target.id, name: target.name })}
                >
                  {t('edit.history.open')}
                </button>
              </div>
            )}
          />
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
            hiddenNodes={hiddenNodes}
            more={loaded.hidden}
            expanded={expandedIds}
            pinned={pinned}
            selectedId={view.selected}
            language={language}
            actions={actions}
            loadCounts={loadCounts}
            onSelect={select}
          />
        </aside>
      </main>
      {loginOpen && <LoginDialog session={session} onClose={() => setLoginOpen(false)} />}
      {editTask && (
        <Editor
          task={editTask}
          language={language}
          canEdit={session.canEdit}
          revision={revision}
          onClose={() => setEditTask(null)}
          onChanged={({ created, article }) => {
            setRevision((r) => r + 1);
            if (created) setView((v) => choose(v, created), 'step');
            if (article) setView((v) => ({ ...choose(v, article), article }), 'step');
          }}
        />
      )}
    </div>
  );
}
