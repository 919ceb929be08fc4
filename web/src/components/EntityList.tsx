import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../api.js';
import type { Language } from '../i18n/language.js';
import { KindBadge } from './Details.js';
import { type EntityActions, EntityMenu, type RelationCount } from './EntityMenu.js';
import { PAGE_ROWS, usePaged } from './usePaged.js';

interface Props {
  readonly nodes: readonly EntitySummary[];
  /** Entities hidden for now, listed so they can be shown again. */
  readonly hiddenNodes: readonly EntitySummary[];
  /** Per entity, how many neighbours were not loaded. */
  readonly more: ReadonlyMap<string, number>;
  readonly expanded: ReadonlySet<string>;
  readonly pinned: ReadonlySet<string>;
  readonly selectedId: string | null;
  readonly language: Language;
  readonly actions: EntityActions;
  readonly loadCounts: (id: string) => Promise<readonly RelationCount[]>;
  readonly onSelect: (id: string) => void;
}

/**
 * The canvas's entities as a list: the way to use the graph by keyboard and screen reader.
 * Drawn again only when its own data changes, not when nodes move on the canvas.
 */
export const EntityList = memo(function EntityList(props: Props) {
  const { nodes, hiddenNodes, more, expanded, pinned, selectedId, language, actions, loadCounts, onSelect } = props;
  const { t } = useTranslation();
  const paged = usePaged(nodes, selectedId);
  return (
    <section className="entity-list" aria-label={t('list.region')}>
      <h2>{t('list.title', { count: nodes.length })}</h2>
      <ul>
        {paged.shown.map((node) => {
          const left = more.get(node.id) ?? 0;
          return (
            <li key={node.id} className={node.id === selectedId ? 'selected' : undefined}>
              <button type="button" onClick={() => onSelect(node.id)} aria-pressed={node.id === selectedId}>
                <KindBadge entity={node} language={language} /> <bdi>{node.name}</bdi>
                {pinned.has(node.id) && <span className="pin"> ({t('list.pinned')})</span>}
                {left > 0 && <span className="more"> ({t('list.more', { count: left })})</span>}
              </button>
              <button
                type="button"
                className="expand"
                onClick={() => actions.expand(node.id)}
                aria-label={t('list.expand', { name: node.name })}
              >
                +
              </button>
              <EntityMenu
                target={{
                  id: node.id,
                  name: node.name,
                  expanded: expanded.has(node.id),
                  pinned: pinned.has(node.id),
                  more: left,
                }}
                language={language}
                actions={actions}
                loadCounts={loadCounts}
                trigger={
                  <button type="button" className="actions" aria-label={t('menu.label', { name: node.name })}>
                    ⋯
                  </button>
                }
              />
            </li>
          );
        })}
      </ul>
      {paged.rest > 0 && (
        <button type="button" className="show-more" onClick={paged.more}>
          {t('list.showMore', { count: Math.min(PAGE_ROWS, paged.rest), total: paged.rest })}
        </button>
      )}
      {hiddenNodes.length > 0 && (
        <>
          <h3>{t('list.hidden', { count: hiddenNodes.length })}</h3>
          <ul className="hidden-entities">
            {hiddenNodes.map((node) => (
              <li key={node.id}>
                <span>
                  <KindBadge entity={node} language={language} /> <bdi>{node.name}</bdi>
                </span>
                <button
                  type="button"
                  onClick={() => actions.setHidden(node.id, false)}
                  aria-label={t('list.show', { name: node.name })}
                >
                  {t('list.showShort')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
