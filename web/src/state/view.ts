import { isWellFormedId } from '../../../shared/vocabulary.js';
import { LAYOUTS, type LayoutName, type Position } from '../graph/types.js';
import { LANGUAGES, type Language } from '../i18n/language.js';

/**
 * The explorer's view as it lives in the URL: what was expanded (in order, by
 * which relation types, how far), what was collapsed, hidden, removed or
 * pinned, the layout and where every node stands, the "as of" day, the
 * selection, a path, filters, a highlighted article and the language. It is
 * built on ids only, so a shared link keeps working when the data changes.
 */

/** One expansion: an entity's neighbours, all or of some relation types, one or more pages of them. */
export interface Expansion {
  readonly id: string;
  /** Only these relation types; empty means all. */
  readonly types: readonly string[];
  /** How many pages of neighbours: "fetch more" adds one. */
  readonly pages: number;
}

export interface ViewState {
  readonly expanded: readonly Expansion[];
  /** Entities shown without their neighbours (a collapsed expansion leaves its entity here). */
  readonly placed: readonly string[];
  /** Entities taken off the canvas, even when an expansion brings them. */
  readonly removed: readonly string[];
  /** Entities hidden for now: off the canvas, still listed, one click brings them back. */
  readonly hidden: readonly string[];
  /** Entities the layout leaves where they are. */
  readonly pinned: readonly string[];
  readonly layout: LayoutName;
  /** Where each node stands on the canvas (model coordinates, whole numbers). */
  readonly positions: Readonly<Record<string, Position>>;
  readonly asOf: string | null;
  readonly selected: string | null;
  /** A path search between two entities, shown highlighted on the canvas. */
  readonly path: { readonly from: string; readonly to: string } | null;
  /** An article whose facts are shown highlighted. */
  readonly article: string | null;
  /** Kinds and relation types filtered out of the picture. */
  readonly hiddenKinds: readonly string[];
  readonly hiddenTypes: readonly string[];
  readonly language: Language;
}

export const INITIAL_VIEW: ViewState = {
  expanded: [],
  placed: [],
  removed: [],
  hidden: [],
  pinned: [],
  layout: 'fcose',
  positions: {},
  asOf: null,
  selected: null,
  path: null,
  article: null,
  hiddenKinds: [],
  hiddenTypes: [],
  language: 'de',
};

/** Neighbours per page of an expansion, and how many pages at most (the API returns up to 1000). */
export const PAGE_SIZE = 60;
export const MAX_PAGES = 16;

const NAME = /^[A-Z][A-Z_]{1,40}$/;
const names = (value: string | null) => [...new Set((value ?? '').split(',').filter((n) => NAME.test(n)))].sort();

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_IDS = 50;
const MAX_POSITIONS = 400;
const COORDINATE = 1_000_000;

const ids = (value: string | null, max = MAX_IDS) =>
  [...new Set((value ?? '').split(',').filter((id) => isWellFormedId(id)))].slice(0, max);

/** `id`, `id*TYPE.TYPE`, `id*3` or `id*TYPE*3`: an expansion in the URL. */
function encodeExpansion(e: Expansion): string {
  return [e.id, ...(e.types.length > 0 ? [[...e.types].sort().join('.')] : []), ...(e.pages > 1 ? [e.pages] : [])].join(
    '*',
  );
}

function decodeExpansion(token: string): Expansion | null {
  const [id, ...rest] = token.split('*');
  if (!id || !isWellFormedId(id) || rest.length > 2) return null;
  let types: string[] = [];
  let pages = 1;
  for (const part of rest) {
    if (/^\d{1,2}$/.test(part)) pages = Math.min(Math.max(Number(part), 1), MAX_PAGES);
    else if (part.split('.').every((n) => NAME.test(n))) types = [...new Set(part.split('.'))].sort();
    else return null;
  }
  return { id, types, pages };
}

function encodePositions(positions: Readonly<Record<string, Position>>): string {
  return Object.keys(positions)
    .sort()
    .map((id) => {
      const [x, y] = positions[id] as Position;
      return `${id}~${Math.round(x)}~${Math.round(y)}`;
    })
    .join(',');
}

function decodePositions(value: string | null): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const token of (value ?? '').split(',').slice(0, MAX_POSITIONS)) {
    const [id, x, y, ...rest] = token.split('~');
    if (!id || !isWellFormedId(id) || rest.length > 0 || !/^-?\d{1,7}$/.test(x ?? '') || !/^-?\d{1,7}$/.test(y ?? ''))
      continue;
    const point = [Number(x), Number(y)] as const;
    if (point.every((n) => Math.abs(n) <= COORDINATE)) positions[id] = point;
  }
  return positions;
}

export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  const list = (key: string, values: readonly string[]) => {
    if (values.length > 0) params.set(key, values.join(','));
  };
  list('e', view.expanded.map(encodeExpansion));
  list('p', view.placed);
  list('rm', [...view.removed].sort());
  list('hide', [...view.hidden].sort());
  list('pin', [...view.pinned].sort());
  if (view.asOf) params.set('asOf', view.asOf);
  if (view.selected) params.set('sel', view.selected);
  if (view.path) params.set('path', `${view.path.from}~${view.path.to}`);
  if (view.article) params.set('art', view.article);
  list('hk', [...view.hiddenKinds].sort());
  list('ht', [...view.hiddenTypes].sort());
  if (view.language !== 'de') params.set('lang', view.language);
  if (view.layout !== 'fcose') params.set('layout', view.layout);
  const positions = encodePositions(view.positions);
  if (positions) params.set('pos', positions);
  const query = params
    .toString()
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%7E', '~')
    .replaceAll('%2A', '*');
  return query === '' ? '' : `?${query}`;
}

/** Reads a view from a URL's query; anything malformed is dropped rather than trusted. */
export function decodeView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const expanded: Expansion[] = [];
  for (const token of (params.get('e') ?? '').split(',')) {
    const expansion = decodeExpansion(token);
    if (expansion && !expanded.some((e) => e.id === expansion.id)) expanded.push(expansion);
  }
  const asOf = params.get('asOf');
  const selected = params.get('sel');
  const article = params.get('art');
  const language = params.get('lang');
  const layout = params.get('layout');
  const [from, to, ...rest] = (params.get('path') ?? '').split('~');
  const path =
    from && to && rest.length === 0 && isWellFormedId(from) && isWellFormedId(to) && from !== to ? { from, to } : null;
  return {
    expanded: expanded.slice(0, MAX_IDS),
    placed: ids(params.get('p')),
    removed: ids(params.get('rm'), MAX_POSITIONS).sort(),
    hidden: ids(params.get('hide'), MAX_POSITIONS).sort(),
    pinned: ids(params.get('pin'), MAX_POSITIONS).sort(),
    layout: (LAYOUTS as readonly string[]).includes(layout ?? '') ? (layout as LayoutName) : 'fcose',
    positions: decodePositions(params.get('pos')),
    asOf: asOf && DAY.test(asOf) ? asOf : null,
    selected: selected && isWellFormedId(selected) ? selected : null,
    path,
    article: article && isWellFormedId(article) && article.startsWith('article:') ? article : null,
    hiddenKinds: names(params.get('hk')),
    hiddenTypes: names(params.get('ht')),
    language: (LANGUAGES as readonly string[]).includes(language ?? '') ? (language as Language) : 'de',
  };
}

// ---- Canvas actions: each a pure change of the view, so each is one undo step and unit-tested. ----

const without = (list: readonly string[], id: string) => list.filter((x) => x !== id);
const withId = (list: readonly string[], id: string) => (list.includes(id) ? list : [...list, id].sort());

/** Expands an entity, by all relation types or by one; brings it back if it was removed or hidden. */
export function expand(view: ViewState, id: string, type?: string): ViewState {
  const current = view.expanded.find((e) => e.id === id);
  let expanded: readonly Expansion[];
  if (!current) expanded = [...view.expanded, { id, types: type ? [type] : [], pages: 1 }];
  else if (!type && current.types.length > 0)
    expanded = view.expanded.map((e) => (e.id === id ? { ...e, types: [] } : e));
  else if (type && current.types.length > 0 && !current.types.includes(type))
    expanded = view.expanded.map((e) => (e.id === id ? { ...e, types: [...e.types, type].sort() } : e));
  else expanded = view.expanded;
  if (expanded === view.expanded && ![view.placed, view.removed, view.hidden].some((l) => l.includes(id))) return view;
  return {
    ...view,
    expanded,
    placed: without(view.placed, id),
    removed: without(view.removed, id),
    hidden: without(view.hidden, id),
  };
}

/** One more page of an expanded entity's neighbours, or its first page if it was not expanded. */
export function fetchMore(view: ViewState, id: string): ViewState {
  const current = view.expanded.find((e) => e.id === id);
  if (!current) return expand(view, id);
  if (current.pages >= MAX_PAGES) return view;
  return { ...view, expanded: view.expanded.map((e) => (e.id === id ? { ...e, pages: e.pages + 1 } : e)) };
}

/** Takes back an entity's expansion; the entity itself stays. */
export function collapse(view: ViewState, id: string): ViewState {
  if (!view.expanded.some((e) => e.id === id)) return view;
  return { ...view, expanded: view.expanded.filter((e) => e.id !== id), placed: withId(view.placed, id) };
}

/** Takes an entity off the canvas and out of the list, with its expansion. */
export function remove(view: ViewState, id: string): ViewState {
  const { [id]: _gone, ...positions } = view.positions;
  return {
    ...view,
    expanded: view.expanded.filter((e) => e.id !== id),
    placed: without(view.placed, id),
    hidden: without(view.hidden, id),
    pinned: without(view.pinned, id),
    removed: withId(view.removed, id),
    positions,
    selected: view.selected === id ? null : view.selected,
  };
}

export function setHidden(view: ViewState, id: string, hidden: boolean): ViewState {
  return {
    ...view,
    hidden: hidden ? withId(view.hidden, id) : without(view.hidden, id),
    selected: hidden && view.selected === id ? null : view.selected,
  };
}

export function setPinned(view: ViewState, id: string, pinned: boolean): ViewState {
  return { ...view, pinned: pinned ? withId(view.pinned, id) : without(view.pinned, id) };
}

/** Puts an entity on the canvas with its neighbours (a search result chosen), and selects it. */
export function choose(view: ViewState, id: string): ViewState {
  return { ...expand(view, id), selected: id };
}

/** Every node that is not pinned is placed anew. */
export function relayout(view: ViewState): ViewState {
  const positions = Object.fromEntries(Object.entries(view.positions).filter(([id]) => view.pinned.includes(id)));
  return { ...view, positions };
}

/** Another layout: every node not pinned is placed anew by it. */
export function changeLayout(view: ViewState, layout: LayoutName): ViewState {
  return layout === view.layout ? view : relayout({ ...view, layout });
}

/**
 * Positions from the canvas, merged into the view; only for entities the view
 * holds (so the URL does not keep places of entities long gone).
 */
export function place(
  view: ViewState,
  moved: Readonly<Record<string, { x: number; y: number }>>,
  onCanvas: ReadonlySet<string>,
): ViewState {
  const positions: Record<string, Position> = {};
  for (const [id, at] of Object.entries(view.positions)) if (onCanvas.has(id)) positions[id] = at;
  for (const [id, at] of Object.entries(moved))
    if (onCanvas.has(id)) positions[id] = [Math.round(at.x), Math.round(at.y)];
  return { ...view, positions };
}

/** Selects an entity or a relation; null selects nothing. */
export function select(view: ViewState, id: string | null): ViewState {
  return view.selected === id ? view : { ...view, selected: id };
}

/** Shows the graph as it was on `asOf` (YYYY-MM-DD); null shows it as it is. */
export function setAsOf(view: ViewState, asOf: string | null): ViewState {
  return view.asOf === asOf ? view : { ...view, asOf };
}

/** German ⇄ English. */
export function switchLanguage(view: ViewState): ViewState {
  return { ...view, language: view.language === 'de' ? 'en' : 'de' };
}

/** Highlights the facts of an article (null: none). */
export function showArticle(view: ViewState, article: string | null): ViewState {
  return view.article === article ? view : { ...view, article };
}

/** Looks for the paths from the selected entity to `to`; nothing without another entity selected. */
export function findPath(view: ViewState, to: string): ViewState {
  return view.selected && view.selected !== to ? { ...view, path: { from: view.selected, to } } : view;
}

export function clearPath(view: ViewState): ViewState {
  return view.path === null ? view : { ...view, path: null };
}

/** Which kinds and relation types are filtered out of the picture. */
export function setFilters(view: ViewState, hiddenKinds: readonly string[], hiddenTypes: readonly string[]): ViewState {
  return { ...view, hiddenKinds, hiddenTypes };
}

/** After an edit: what it created is chosen, an article it added also highlighted. */
export function afterEdit(view: ViewState, edited: { created?: string | null; article?: string | null }): ViewState {
  let next = view;
  if (edited.created) next = choose(next, edited.created);
  if (edited.article) next = { ...choose(next, edited.article), article: edited.article };
  return next;
}
