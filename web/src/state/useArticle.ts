import { useEffect, useState } from 'react';
import { ApiError, type ArticleFacts, fetchArticleFacts } from '../api.js';
import { i18next } from '../i18n/index.js';

export interface ArticleLoad {
  readonly article: ArticleFacts | null;
  readonly error: string | null;
}

/** Everything one article says, for highlighting it on the canvas. */
export function useArticle(id: string | null): ArticleLoad {
  const [state, setState] = useState<ArticleLoad>({ article: null, error: null });
  useEffect(() => {
    setState({ article: null, error: null });
    if (!id) return;
    let cancelled = false;
    fetchArticleFacts(id)
      .then((article) => {
        if (!cancelled) setState({ article, error: article ? null : i18next.t('errors.unknownArticle') });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ article: null, error: error instanceof ApiError ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [id]);
  return state;
}
