import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../api.js';
import { edgeLabel, type GraphData } from '../graph/elements.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { formatDate, kindLabel } from '../i18n/labels.js';
import type { Language } from '../state/view.js';

interface Props {
  readonly graph: GraphData;
  readonly selectedId: string | null;
  readonly language: Language;
}

function KindBadge({ entity, language }: { entity: EntitySummary; language: Language }) {
  return (
    <span className="badge" style={{ background: KIND_STYLES[entity.kind].color }}>
      {kindLabel(entity.kind, language)}
    </span>
  );
}

/** The selected entity and, for each of its facts on the canvas, the sources with their quotes. */
export function Details({ graph, selectedId, language }: Props) {
  const { t } = useTranslation();
  const entity = selectedId ? graph.nodes.get(selectedId) : undefined;
  if (!entity) {
    return (
      <section className="details" aria-label={t('details.region')}>
        <p className="muted">{t('details.hint')}</p>
      </section>
    );
  }
  const facts = [...graph.edges.values()].filter((e) => e.from.id === entity.id || e.to.id === entity.id);
  const nameOf = (id: string): string => graph.nodes.get(id)?.name ?? id;
  return (
    <section className="details" aria-label={t('details.region')}>
      <h2>{entity.name}</h2>
      <p>
        <KindBadge entity={entity} language={language} /> {entity.description}
      </p>
      <h3>{t('details.facts', { count: facts.length })}</h3>
      <ul className="facts">
        {facts.map((fact) => (
          <li key={fact.id}>
            <strong>{nameOf(fact.from.id)}</strong> {edgeLabel(fact, language)} <strong>{nameOf(fact.to.id)}</strong>
            <ul className="citations">
              {fact.citations.map((c) => (
                <li key={`${c.article.id}|${c.quote ?? ''}|${c.note ?? ''}`}>
                  {c.quote && <q>{c.quote}</q>}
                  {c.note && <span className="note"> {c.note}</span>}
                  <cite>
                    {' '}
                    – {c.article.url ? <a href={c.article.url}>{c.article.title}</a> : c.article.title}
                    {c.article.publishedOn && `, ${formatDate(c.article.publishedOn, language)}`}
                  </cite>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ListProps {
  readonly nodes: readonly EntitySummary[];
  readonly hidden: ReadonlyMap<string, number>;
  readonly selectedId: string | null;
  readonly language: Language;
  readonly onSelect: (id: string) => void;
  readonly onExpand: (id: string) => void;
}

/** The canvas's entities as a list: the way to use the graph by keyboard and screen reader. */
export function EntityList({ nodes, hidden, selectedId, language, onSelect, onExpand }: ListProps) {
  const { t } = useTranslation();
  return (
    <section className="entity-list" aria-label={t('list.region')}>
      <h2>{t('list.title', { count: nodes.length })}</h2>
      <ul>
        {nodes.map((node) => (
          <li key={node.id} className={node.id === selectedId ? 'selected' : undefined}>
            <button type="button" onClick={() => onSelect(node.id)} aria-pressed={node.id === selectedId}>
              <KindBadge entity={node} language={language} /> {node.name}
              {(hidden.get(node.id) ?? 0) > 0 && (
                <span className="more"> ({t('list.more', { count: hidden.get(node.id) })})</span>
              )}
            </button>
            <button
              type="button"
              className="expand"
              onClick={() => onExpand(node.id)}
              aria-label={t('list.expand', { name: node.name })}
            >
              +
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
