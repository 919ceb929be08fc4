import { useCallback, useMemo, useRef, useState } from 'react';
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
import { useLiveNotice } from './editing/useLiveNotice.js';
import { useSession } from './editing/useSession.js';
import { type CanvasHandle, GraphCanvas, type PositionSource } from './graph/GraphCanvas.js';
import { KIND_STYLES, KINDS } from './graph/kinds.js';
import type { Positions } from './graph/layout.js';
import { kindLabel } from './i18n/labels.js';
import { statusText } from './state/status.js';
import { useArticle } from './state/useArticle.js';
import { useCanvasGraph } from './state/useCanvasGraph.js';
import { useGraph } from './state/useGraph.js';
import { usePath } from './state/usePath.js';
import { useViewHistory } from './state/useViewHistory.js';
import { useViewSync } from './state/useViewSync.js';
import {
  afterEdit,
  changeLayout,
  choose,
  clearPath,
  collapse,
  expand,
  fetchMore,
  findPath,
  place,
  relayout,
  remove,
  select,
  setAsOf,
  setFilters,
  setHidden,
  setPinned,
  showArticle,
  switchLanguage,
} from './state/view.js';

/**
 * The explorer's shell: the header, the canvas and the panel beside it, wired to the view (useViewHistory,
 * changed only through the pure functions of state/view.ts) and to what is loaded for it.
 */
export function App() {
  const { t } = useTranslation();
  const { view, setView, canUndo, canRedo, undo, redo } = useViewHistory();
  const { language } = view;
  useViewSync(view);
  const session = useSession();
  const live = useLiveNotice(language, session.canEdit);
  const [editTask, setEditTask] = useState<EditTask | null>(null);
  const [loginOpen, setLoginOpen] = useState(false);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const loaded = useGraph(view, live.revision);
  const { loading, error } = loaded;
  const path = usePath(view.path, view.asOf);
  const article = useArticle(view.article);
  const { graph, relationTypes, pinned, expanded, marks, onCanvas, nodes, hiddenNodes } = useCanvasGraph(
    view,
    loaded,
    path,
    article,
  );
  const canvasRef = useRef<CanvasHandle | null>(null);

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
  const onSelect = useCallback((id: string | null) => setView((v) => select(v, id), 'ride'), [setView]);
  const chooseHit = useCallback((entity: SearchHit) => setView((v) => choose(v, entity.id)), [setView]);
  const onPositions = useCallback(
    (moved: Positions, source: PositionSource) =>
      setView((v) => place(v, moved, onCanvas), source === 'layout' ? 'ride' : 'step'),
    [setView, onCanvas],
  );
  const loadCounts = useCallback((id: string) => fetchRelationCounts(id, view.asOf), [view.asOf]);
  const menuNode = menu ? graph.nodes.get(menu.id) : undefined;
  const status = statusText(t, loaded, graph.nodes.size);

  return (
    <div className="app">
      <header>
        <h1>GovGraph</h1>
        <p className="tagline">{t('tagline')}</p>
        <SearchBox onChoose={chooseHit} language={language} filterable />
        <AsOfSlider asOf={view.asOf} language={language} onChange={(asOf) => setView((v) => setAsOf(v, asOf))} />
        <div className="history">
          <button type="button" disabled={!canUndo} onClick={undo} aria-keyshortcuts="Control+Z">
            {t('history.undo')}
          </button>
          <button type="button" disabled={!canRedo} onClick={redo} aria-keyshortcuts="Control+Y">
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
          onClick={() => setView(switchLanguage, 'ride')}
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
              <button type="button" onClick={() => setView((v) => showArticle(v, null))}>
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
              onSelect={onSelect}
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
                expanded: expanded.has(menu.id),
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
          {live.notice && (
            <p className="live" role="status">
              {live.notice}
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
            onArticle={(id) => setView((v) => showArticle(v, id))}
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
          <Timeline graph={graph} selectedId={view.selected} language={language} onSelect={onSelect} />
          <PathFinder
            fromName={view.selected ? (graph.nodes.get(view.selected)?.name ?? null) : null}
            toName={view.path ? (graph.nodes.get(view.path.to)?.name ?? view.path.to) : null}
            result={path.result}
            loading={path.loading}
            error={path.error}
            language={language}
            onFind={(target) => setView((v) => findPath(v, target.id))}
            onClear={() => setView(clearPath)}
          />
          <Filters
            relationTypes={relationTypes}
            hiddenKinds={view.hiddenKinds}
            hiddenTypes={view.hiddenTypes}
            language={language}
            onChange={(hiddenKinds, hiddenTypes) => setView((v) => setFilters(v, hiddenKinds, hiddenTypes))}
          />
          <ExportMenu graph={graph} canvas={canvasRef} />
          <EntityList
            nodes={nodes}
            hiddenNodes={hiddenNodes}
            more={loaded.hidden}
            expanded={expanded}
            pinned={pinned}
            selectedId={view.selected}
            language={language}
            actions={actions}
            loadCounts={loadCounts}
            onSelect={onSelect}
          />
        </aside>
      </main>
      {loginOpen && <LoginDialog session={session} onClose={() => setLoginOpen(false)} />}
      {editTask && (
        <Editor
          task={editTask}
          language={language}
          canEdit={session.canEdit}
          revision={live.revision}
          onClose={() => setEditTask(null)}
          onChanged={({ created, article }) => {
            live.changed();
            if (created) setView((v) => afterEdit(v, { created }), 'step');
            if (article) setView((v) => afterEdit(v, { article }), 'step');
          }}
        />
      )}
    </div>
  );
}
