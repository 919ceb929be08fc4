import type { TFunction } from 'i18next';
import type { GraphLoad } from './useGraph.js';

/** The status line: loading, or how many entities are shown (and whether some were left out or not found). */
export function statusText(t: TFunction, loaded: Pick<GraphLoad, 'loading' | 'truncated' | 'missing'>, shown: number) {
  let status = '';
  if (loaded.loading) status = t('status.loading');
  else if (shown > 0)
    status = `${t('status.loaded', { count: shown })}${loaded.truncated ? ` ${t('status.truncated')}` : ''}`;
  if (!loaded.loading && loaded.missing.length > 0)
    status =
      `${status} ${t('status.missing', { count: loaded.missing.length, ids: loaded.missing.join(', ') })}`.trim();
  return status;
}
