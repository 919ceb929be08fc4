import type { EntitySummary } from '../api.js';
import { edgeLabel, type GraphData } from '../graph/elements.js';
import { KIND_STYLES } from '../graph/kinds.js';

interface Props {
  readonly graph: GraphData;
  readonly selectedId: string | null;
}

/** The selected entity and, for each of its facts on the canvas, the sources with their quotes. */
export function Details({ graph, selectedId }: Props) {
  const entity = selectedId ? graph.nodes.get(selectedId) : undefined;
  if (!entity) {
    return (
      <section className="details" aria-label="Details">
        <p className="muted">Einen Eintrag anklicken, um Details und Quellen zu sehen. Doppelklick erweitert ihn.</p>
      </section>
    );
  }
  const facts = [...graph.edges.values()].filter((e) => e.from.id === entity.id || e.to.id === entity.id);
  const nameOf = (id: string): string => graph.nodes.get(id)?.name ?? id;
  return (
    <section className="details" aria-label="Details">
      <h2>{entity.name}</h2>
      <p>
        <span className="badge" style={{ background: KIND_STYLES[entity.kind].color }}>
          {KIND_STYLES[entity.kind].label}
        </span>{' '}
        {entity.description}
      </p>
      <h3>Fakten ({facts.length})</h3>
      <ul className="facts">
        {facts.map((fact) => (
          <li key={fact.id}>
            <strong>{nameOf(fact.from.id)}</strong> {edgeLabel(fact)} <strong>{nameOf(fact.to.id)}</strong>
            <ul className="citations">
              {fact.citations.map((c) => (
                <li key={`${c.article.id}|${c.quote ?? ''}|${c.note ?? ''}`}>
                  {c.quote && <q>{c.quote}</q>}
                  {c.note && <span className="note"> {c.note}</span>}
                  <cite>
                    {' '}
                    – {c.article.url ? <a href={c.article.url}>{c.article.title}</a> : c.article.title}
                    {c.article.publishedOn && `, ${formatDate(c.article.publishedOn)}`}
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

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day && month) return `${Number(day)}.${Number(month)}.${year}`;
  if (month) return `${month}/${year}`;
  return iso;
}

interface ListProps {
  readonly nodes: readonly EntitySummary[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onExpand: (id: string) => void;
}

/** The canvas's entities as a list: the way to use the graph by keyboard and screen reader. */
export function EntityList({ nodes, selectedId, onSelect, onExpand }: ListProps) {
  return (
    <section className="entity-list" aria-label="Einträge auf der Leinwand">
      <h2>Auf der Leinwand ({nodes.length})</h2>
      <ul>
        {nodes.map((node) => (
          <li key={node.id} className={node.id === selectedId ? 'selected' : undefined}>
            <button type="button" onClick={() => onSelect(node.id)} aria-pressed={node.id === selectedId}>
              <span className="badge" style={{ background: KIND_STYLES[node.kind].color }}>
                {KIND_STYLES[node.kind].label}
              </span>{' '}
              {node.name}
            </button>
            <button
              type="button"
              className="expand"
              onClick={() => onExpand(node.id)}
              aria-label={`${node.name} erweitern`}
            >
              +
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
