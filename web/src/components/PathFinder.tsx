import { useTranslation } from 'react-i18next';
import type { PathsResult, SearchHit } from '../api.js';
import type { Language } from '../i18n/language.js';
import { SearchBox } from './SearchBox.js';

interface Props {
  readonly fromName: string | null;
  readonly toName: string | null;
  readonly result: PathsResult | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly language: Language;
  readonly onFind: (target: SearchHit) => void;
  readonly onClear: () => void;
}

/** From the selected entity to one picked by search: the shortest connections, drawn highlighted. */
export function PathFinder({ fromName, toName, result, loading, error, language, onFind, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <section className="path-finder" aria-label={t('path.region')}>
      <h2>{t('path.title')}</h2>
      {fromName ? (
        <SearchBox onChoose={onFind} language={language} label={t('path.to', { name: fromName })} />
      ) : (
        <p className="muted">{t('path.hint')}</p>
      )}
      {loading && <p>{t('status.loading')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && toName && (
        <p role="status" data-testid="path-result">
          {result.length === null
            ? t('path.none', { to: toName })
            : t('path.found', { count: result.paths.length, steps: result.length, to: toName })}{' '}
          <button type="button" onClick={onClear}>
            {t('path.clear')}
          </button>
        </p>
      )}
    </section>
  );
}
