import { useTranslation } from 'react-i18next';
import { LAYOUTS, type LayoutName } from '../graph/types.js';

interface Props {
  readonly layout: LayoutName;
  readonly onChange: (layout: LayoutName) => void;
  /** Lays out every node that is not pinned anew, in the current layout. */
  readonly onRelayout: () => void;
}

/** Force-directed, hierarchical or concentric: a radio group, so arrow keys switch between them. */
export function LayoutPicker({ layout, onChange, onRelayout }: Props) {
  const { t } = useTranslation();
  return (
    <div className="layouts">
      <fieldset>
        <legend>{t('layout.title')}</legend>
        {LAYOUTS.map((name) => (
          <label key={name}>
            <input type="radio" name="layout" value={name} checked={layout === name} onChange={() => onChange(name)} />{' '}
            {t(`layout.${name}`)}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={onRelayout}>
        {t('layout.again')}
      </button>
    </div>
  );
}
