import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

/** Month ends from December 2018 (the region data) to last month; the last step is "today". */
function steps(now = new Date()): string[] {
  const out: string[] = [];
  for (let year = 2018, month = 12; year < now.getUTCFullYear() || month <= now.getUTCMonth(); ) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push(`${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

const STEPS = steps();

interface Props {
  readonly asOf: string | null;
  readonly language: Language;
  readonly onChange: (asOf: string | null) => void;
}

/** The graph as it stood on a day: a slider over month ends, keyboard-operable like any range input. */
export function AsOfSlider({ asOf, language, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const index =
    asOf === null
      ? STEPS.length
      : Math.max(
          0,
          STEPS.findIndex((day) => day >= asOf),
        );
  const label = asOf === null ? t('asOf.today') : formatDate(asOf, language);
  return (
    <div className="as-of">
      <label htmlFor={id}>{t('asOf.label')}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={STEPS.length}
        step={1}
        value={index === -1 ? STEPS.length : index}
        aria-valuetext={label}
        onChange={(event) => {
          const next = Number(event.target.value);
          onChange(next >= STEPS.length ? null : (STEPS[next] ?? null));
        }}
      />
      <output htmlFor={id} data-testid="as-of-value">
        {label}
      </output>
      {asOf !== null && (
        <button type="button" onClick={() => onChange(null)}>
          {t('asOf.reset')}
        </button>
      )}
    </div>
  );
}
