/**
 * The explorer's view as it lives in the URL: which entities were expanded
 * (in order), the "as of" day, the selected entity and the language. It is
 * built on ids only, so a shared link keeps working when the data changes.
 */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface ViewState {
  readonly expanded: readonly string[];
  readonly asOf: string | null;
  readonly selected: string | null;
  /** A path search between two entities, shown highlighted on the canvas. */
  readonly path: { readonly from: string; readonly to: string } | null;
  /** Kinds and relation types filtered out of the picture. */
  readonly hiddenKinds: readonly string[];
  readonly hiddenTypes: readonly string[];
  readonly language: Language;
}

export const INITIAL_VIEW: ViewState = {
  expanded: [],
  asOf: null,
  selected: null,
  path: null,
  hiddenKinds: [],
  hiddenTypes: [],
  language: 'de',
};

const NAME = /^[A-Z][A-Z_]{1,40}$/;
const names = (value: string | null) => [...new Set((value ?? '').split(',').filter((n) => NAME.test(n)))].sort();

const ID = /^[a-z]+:[a-z0-9][a-z0-9._-]{0,199}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_EXPANDED = 50;

export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.expanded.length > 0) params.set('e', view.expanded.join(','));
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.selected) params.set('sel', view.selected);
  if (view.path) params.set('path', `${view.path.from}~${view.path.to}`);
  if (view.hiddenKinds.length > 0) params.set('hk', [...view.hiddenKinds].sort().join(','));
  if (view.hiddenTypes.length > 0) params.set('ht', [...view.hiddenTypes].sort().join(','));
  if (view.language !== 'de') params.set('lang', view.language);
  const query = params.toString().replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%7E', '~');
  return query === '' ? '' : `?${query}`;
}

/** Reads a view from a URL's query; anything malformed is dropped rather than trusted. */
export function decodeView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const expanded = [...new Set((params.get('e') ?? '').split(',').filter((id) => ID.test(id)))].slice(0, MAX_EXPANDED);
  const asOf = params.get('asOf');
  const selected = params.get('sel');
  const language = params.get('lang');
  const [from, to, ...rest] = (params.get('path') ?? '').split('~');
  const path = from && to && rest.length === 0 && ID.test(from) && ID.test(to) && from !== to ? { from, to } : null;
  return {
    expanded,
    asOf: asOf && DAY.test(asOf) ? asOf : null,
    selected: selected && ID.test(selected) ? selected : null,
    path,
    hiddenKinds: names(params.get('hk')),
    hiddenTypes: names(params.get('ht')),
    language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : 'de',
  };
}
