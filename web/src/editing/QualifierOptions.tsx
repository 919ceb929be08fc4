import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/language.js';
import { QUALIFIER_OPTIONS } from './rules.js';

/** The options of a date-qualifier select: "– bitte wählen –", then each qualifier in the page's language. */
export function QualifierOptions({ language }: { readonly language: Language }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('edit.choose')}</option>
      {QUALIFIER_OPTIONS.map((o) => (
        <option key={o.value} value={o.value}>
          {o[language]}
        </option>
      ))}
    </>
  );
}
