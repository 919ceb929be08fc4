import { useTranslation } from 'react-i18next';
import type { EntitySummary, RelationSummary } from '../api.js';
import { edgeLabel, type GraphData } from '../graph/elements.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { formatDate, kindLabel, relationLabel } from '../i18n/labels.js';
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

function Validity({ fact, language }: { fact: RelationSummary; language: Language }) {
  const { t } = useTranslation();
  const part = (key: 'from' | 'to', value: RelationSummary['validFrom']) =>
    value ? t(`details.valid.${key}.${value.qualifier}`, { date: formatDate(value.date, language) }) : null;
  const text = [part('from', fact.validFrom), part('to', fact.validTo)].filter(Boolean).join(', ');
  return text ? <span className="validity"> ({text})</span> : null;
}

function Fact({ fact, graph, language }: { fact: RelationSummary; graph: GraphData; language: Language }) {
  const nameOf = (id: string): string => graph.nodes.get(id)?.name ?? id;
  return (
    <>
      <strong>{nameOf(fact.from.id)}</strong> {edgeLabel(fact, language)} <strong>{nameOf(fact.to.id)}</strong>
      <Validity fact={fact} language={language} />
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
    </>
  );
}

/**
 * The selected entity with its facts on the canvas grouped by relation type,
 * each with validity and sources; or, for a selected relation, its sources.
 */
export function Details({ graph, selectedId, language }: Props) {
  const { t } = useTranslation();
  const relation = selectedId ? graph.edges.get(selectedId) : undefined;
  if (relation) {
    return (
      <section className="details" aria-label={t('details.region')}>
        <h2>{t('details.relation')}</h2>
        <Fact fact={relation} graph={graph} language={language} />
      </section>
    );
  }
  const entity = selectedId ? graph.nodes.get(selectedId) : undefined;
  if (!entity) {
    return (
      <section className="details" aria-label={t('details.region')}>
        <p className="muted">{t('details.hint')}</p>
      </section>
    );
  }
  const facts = [...graph.edges.values()].filter((e) => e.from.id === entity.id || e.to.id === entity.id);
  const groups = new Map<string, RelationSummary[]>();
  for (const fact of facts) groups.set(fact.type, [...(groups.get(fact.type) ?? []), fact]);
  return (
    <section className="details" aria-label={t('details.region')}>
      <h2>{entity.name}</h2>
      <p>
        <KindBadge entity={entity} language={language} /> {entity.description}
      </p>
      <h3>{t('details.facts', { count: facts.length })}</h3>
      {[...groups.entries()]
        .sort(([a], [b]) => relationLabel(a, language).localeCompare(relationLabel(b, language), language))
        .map(([type, list]) => (
          <div key={type} className="fact-group">
            <h4>{relationLabel(type, language)}</h4>
            <ul className="facts">
              {list.map((fact) => (
                <li key={fact.id}>
                  <Fact fact={fact} graph={graph} language={language} />
                </li>
              ))}
            </ul>
          </div>
        ))}
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
