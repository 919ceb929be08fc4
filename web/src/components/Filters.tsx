import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../api.js';
import { KIND_STYLES, KINDS } from '../graph/kinds.js';
import { kindLabel, relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

interface Props {
  readonly relationTypes: readonly string[];
  readonly hiddenKinds: readonly string[];
  readonly hiddenTypes: readonly string[];
  readonly language: Language;
  readonly onChange: (hiddenKinds: string[], hiddenTypes: string[]) => void;
}

const toggle = (list: readonly string[], value: string) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** Show or hide kinds of entity and types of relation; what is hidden stays loaded and in the URL. */
export function Filters({ relationTypes, hiddenKinds, hiddenTypes, language, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <details className="filters">
      <summary>{t('filters.title')}</summary>
      <fieldset>
        <legend>{t('filters.kinds')}</legend>
        {KINDS.map((kind: EntityKind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={!hiddenKinds.includes(kind)}
              onChange={() => onChange(toggle(hiddenKinds, kind), [...hiddenTypes])}
            />
            <span className="swatch" style={{ background: KIND_STYLES[kind].color }} aria-hidden="true" />{' '}
            {kindLabel(kind, language)}
          </label>
        ))}
      </fieldset>
      {relationTypes.length > 0 && (
        <fieldset>
          <legend>{t('filters.types')}</legend>
          {relationTypes.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={!hiddenTypes.includes(type)}
                onChange={() => onChange([...hiddenKinds], toggle(hiddenTypes, type))}
              />{' '}
              {relationLabel(type, language)}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}
