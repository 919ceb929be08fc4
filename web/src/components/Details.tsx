import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary, RelationSummary } from '../api.js';
import { edgeLabel, type GraphData } from '../graph/elements.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { formatDate, kindLabel, relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { webAddress } from './links.js';

interface Props {
  readonly graph: GraphData;
  readonly selectedId: string | null;
  readonly language: Language;
  /** Highlights everything one article says. */
  readonly onArticle: (articleId: string) => void;
  /** Buttons for the shown entity or relation (edit, history). */
  readonly tools?: (target: { id: string; name: string; kind: 'relation' | EntitySummary['kind'] }) => ReactNode;
}

export function KindBadge({ entity, language }: { entity: EntitySummary; language: Language }) {
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

interface FactProps {
  readonly fact: RelationSummary;
  readonly graph: GraphData;
  readonly language: Language;
  readonly onArticle: (articleId: string) => void;
}

function Source({ article }: { article: RelationSummary['citations'][number]['article'] }) {
  const href = webAddress(article.url);
  return href ? <a href={href}>{article.title}</a> : article.title;
}

function Fact({ fact, graph, language, onArticle }: FactProps) {
  const { t } = useTranslation();
  const nameOf = (id: string): string => graph.nodes.get(id)?.name ?? id;
  return (
    <>
      <strong>
        <bdi>{nameOf(fact.from.id)}</bdi>
      </strong>{' '}
      {edgeLabel(fact, language)}{' '}
      <strong>
        <bdi>{nameOf(fact.to.id)}</bdi>
      </strong>
      <Validity fact={fact} language={language} />
      <ul className="citations">
        {fact.citations.map((c) => (
          <li key={`${c.article.id}|${c.quote ?? ''}|${c.note ?? ''}`}>
            {c.quote && <q>{c.quote}</q>}
            {c.note && <span className="note"> {c.note}</span>}
            <cite>
              {' '}
              – <Source article={c.article} />
              {c.article.publishedOn && `, ${formatDate(c.article.publishedOn, language)}`}
            </cite>{' '}
            <button
              type="button"
              className="link"
              onClick={() => onArticle(c.article.id)}
              aria-label={t('article.highlight', { title: c.article.title })}
            >
              {t('article.highlightShort')}
            </button>
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
export function Details({ graph, selectedId, language, onArticle, tools }: Props) {
  const { t } = useTranslation();
  const relation = selectedId ? graph.edges.get(selectedId) : undefined;
  if (relation) {
    return (
      <section className="details" aria-label={t('details.region')}>
        <h2>{t('details.relation')}</h2>
        {tools?.({ id: relation.id, name: edgeLabel(relation, language), kind: 'relation' })}
        <Fact fact={relation} graph={graph} language={language} onArticle={onArticle} />
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
      <h2>
        <bdi>{entity.name}</bdi>
      </h2>
      {tools?.({ id: entity.id, name: entity.name, kind: entity.kind })}
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
                  <Fact fact={fact} graph={graph} language={language} onArticle={onArticle} />
                </li>
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
