import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphData } from '../graph/elements.js';
import { timelineOf } from '../graph/timeline.js';
import { formatDate } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { PAGE_ROWS, usePaged } from './usePaged.js';

interface Props {
  readonly graph: GraphData;
  readonly selectedId: string | null;
  readonly language: Language;
  readonly onSelect: (id: string) => void;
}

/** The events on the canvas in date order, linked to it: choosing one here selects it there, and back. */
export const Timeline = memo(function Timeline({ graph, selectedId, language, onSelect }: Props) {
  const { t } = useTranslation();
  const items = useMemo(() => timelineOf(graph), [graph]);
  const paged = usePaged(items, selectedId);
  if (items.length === 0) return null;
  return (
    <section className="timeline" aria-label={t('timeline.region')}>
      <h2>{t('timeline.title')}</h2>
      <ol>
        {paged.shown.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              aria-current={item.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(item.id)}
            >
              <time dateTime={item.date?.date}>
                {item.date
                  ? t(`timeline.qualifier.${item.date.qualifier}`, { date: formatDate(item.date.date, language) })
                  : t('timeline.undated')}
              </time>{' '}
              <bdi>{item.name}</bdi>
            </button>
          </li>
        ))}
      </ol>
      {paged.rest > 0 && (
        <button type="button" className="show-more" onClick={paged.more}>
          {t('list.showMore', { count: Math.min(PAGE_ROWS, paged.rest), total: paged.rest })}
        </button>
      )}
    </section>
  );
});
