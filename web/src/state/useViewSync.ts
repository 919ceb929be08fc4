import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeView, type ViewState } from './view.js';

/** The URL is the view (sharing or reloading it shows the same graph), and the page speaks its language. */
export function useViewSync(view: ViewState): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const query = encodeView(view);
    if (query !== window.location.search) window.history.replaceState(null, '', query || window.location.pathname);
  }, [view]);

  const { language } = view;
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
}
