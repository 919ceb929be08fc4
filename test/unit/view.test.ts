import { describe, expect, it } from 'vitest';
import {
  afterEdit,
  changeLayout,
  choose,
  clearPath,
  collapse,
  decodeView,
  encodeView,
  expand,
  fetchMore,
  findPath,
  INITIAL_VIEW,
  MAX_PAGES,
  place,
  relayout,
  remove,
  select,
  setAsOf,
  setHidden,
  setPinned,
  showArticle,
  switchLanguage,
  type ViewState,
} from '../../web/src/state/view.js';

describe('the view in the URL', () => {
  const view: ViewState = {
    expanded: [
      { id: 'person:bernd-schloemer', types: [], pages: 1 },
      { id: 'region:15089', types: ['MEMBER_OF', 'PART_OF'], pages: 3 },
    ],
    placed: ['org:mid-sachsen-anhalt'],
    removed: ['region:01'],
    hidden: ['law:ozg'],
    pinned: ['region:15089'],
    layout: 'dagre',
    positions: { 'person:bernd-schloemer': [-120, 45], 'region:15089': [300, 0] },
    asOf: '2022-08-31',
    selected: 'region:15089',
    path: { from: 'person:bernd-schloemer', to: 'region:15089' },
    article: 'article:mz-digitalrat-2022',
    hiddenKinds: ['ARTICLE', 'REGION'],
    hiddenTypes: ['PART_OF'],
    language: 'en',
  };

  it('round-trips through a readable query string', () => {
    const query = encodeView(view);
    expect(query).toBe(
      '?e=person:bernd-schloemer,region:15089*MEMBER_OF.PART_OF*3&p=org:mid-sachsen-anhalt&rm=region:01&hide=law:ozg' +
        '&pin=region:15089&asOf=2022-08-31&sel=region:15089&path=person:bernd-schloemer~region:15089' +
        '&art=article:mz-digitalrat-2022&hk=ARTICLE,REGION&ht=PART_OF&lang=en&layout=dagre' +
        '&pos=person:bernd-schloemer~-120~45,region:15089~300~0',
    );
    expect(decodeView(query)).toEqual(view);
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeView(INITIAL_VIEW)).toBe('');
    expect(decodeView('')).toEqual(INITIAL_VIEW);
  });

  it('drops what is malformed instead of trusting it', () => {
    expect(
      decodeView(
        '?e=person:a,<script>,region:15,person:a,org:x*lower*2,org:y*99&asOf=31.08.2022&sel=DROP&path=person:a~' +
          '&hk=REGION,<b>&lang=fr&layout=spiral&art=person:a&pos=person:a~1~2,person:b~1e9~0,person:c~x~1,bad&pin=<i>',
      ),
    ).toEqual({
      ...INITIAL_VIEW,
      expanded: [
        { id: 'person:a', types: [], pages: 1 },
        { id: 'region:15', types: [], pages: 1 },
        { id: 'org:y', types: [], pages: MAX_PAGES },
      ],
      positions: { 'person:a': [1, 2] },
      hiddenKinds: ['REGION'],
    });
  });
});

describe('canvas actions on the view', () => {
  const start: ViewState = {
    ...INITIAL_VIEW,
    expanded: [{ id: 'person:a', types: [], pages: 1 }],
    positions: { 'person:a': [0, 0], 'org:b': [100, 0] },
  };

  it('expands by relation type, widens to all types, and fetches more page by page', () => {
    let v = expand(start, 'org:b', 'MEMBER_OF');
    v = expand(v, 'org:b', 'ADVISES');
    expect(v.expanded[1]).toEqual({ id: 'org:b', types: ['ADVISES', 'MEMBER_OF'], pages: 1 });
    v = expand(v, 'org:b');
    expect(v.expanded[1]).toEqual({ id: 'org:b', types: [], pages: 1 });
    expect(expand(v, 'org:b', 'PART_OF')).toBe(v);
    v = fetchMore(fetchMore(v, 'org:b'), 'org:b');
    expect(v.expanded[1]?.pages).toBe(3);
    // "More" of an entity not expanded yet is its first page.
    expect(fetchMore(v, 'region:c').expanded[2]).toEqual({ id: 'region:c', types: [], pages: 1 });
  });

  it('collapses an expansion but keeps the entity on the canvas', () => {
    const v = collapse(start, 'person:a');
    expect(v.expanded).toEqual([]);
    expect(v.placed).toEqual(['person:a']);
    expect(collapse(v, 'person:a')).toBe(v);
  });

  it('removes an entity with its expansion and place; choosing it again brings it back', () => {
    const v = remove(setPinned({ ...start, selected: 'person:a' }, 'person:a', true), 'person:a');
    expect(v).toMatchObject({ expanded: [], removed: ['person:a'], pinned: [], selected: null });
    expect(v.positions).toEqual({ 'org:b': [100, 0] });
    const back = choose(v, 'person:a');
    expect(back.removed).toEqual([]);
    expect(back.expanded).toEqual([{ id: 'person:a', types: [], pages: 1 }]);
    expect(back.selected).toBe('person:a');
  });

  it('hides and shows, pins and unpins', () => {
    const hidden = setHidden({ ...start, selected: 'org:b' }, 'org:b', true);
    expect(hidden.hidden).toEqual(['org:b']);
    expect(hidden.selected).toBeNull();
    expect(setHidden(hidden, 'org:b', false).hidden).toEqual([]);
    expect(setPinned(start, 'org:b', true).pinned).toEqual(['org:b']);
    expect(setPinned(setPinned(start, 'org:b', true), 'org:b', false).pinned).toEqual([]);
  });

  it('lays out anew all but the pinned, and keeps positions only of entities on the canvas', () => {
    const pinned = setPinned(start, 'org:b', true);
    expect(relayout(pinned).positions).toEqual({ 'org:b': [100, 0] });
    expect(changeLayout(pinned, 'concentric')).toMatchObject({
      layout: 'concentric',
      positions: { 'org:b': [100, 0] },
    });
    expect(changeLayout(pinned, 'fcose')).toBe(pinned);
    const moved = place(
      start,
      { 'person:a': { x: 10.4, y: -3.6 }, 'region:gone': { x: 1, y: 1 } },
      new Set(['person:a']),
    );
    expect(moved.positions).toEqual({ 'person:a': [10, -4] });
  });
});

describe('the smaller view changes', () => {
  it('look for a path only from a selected entity to another one, and clear it', () => {
    expect(findPath(INITIAL_VIEW, 'org:b')).toBe(INITIAL_VIEW);
    const selected = select(INITIAL_VIEW, 'person:a');
    expect(findPath(selected, 'person:a')).toBe(selected);
    const found = findPath(selected, 'org:b');
    expect(found.path).toEqual({ from: 'person:a', to: 'org:b' });
    expect(clearPath(found).path).toBeNull();
  });

  it('leave the view as it is when nothing changes, so no undo step is made', () => {
    const selected = select(INITIAL_VIEW, 'person:a');
    expect(select(selected, 'person:a')).toBe(selected);
    expect(setAsOf(INITIAL_VIEW, null)).toBe(INITIAL_VIEW);
    expect(showArticle(INITIAL_VIEW, null)).toBe(INITIAL_VIEW);
    expect(setAsOf(INITIAL_VIEW, '2022-08-31').asOf).toBe('2022-08-31');
    expect(switchLanguage(switchLanguage(INITIAL_VIEW)).language).toBe(INITIAL_VIEW.language);
  });

  it('after an edit, choose what it created and highlight the article it added', () => {
    const created = afterEdit(INITIAL_VIEW, { created: 'org:new' });
    expect(created.selected).toBe('org:new');
    expect(created.expanded.map((e) => e.id)).toEqual(['org:new']);
    const article = afterEdit(INITIAL_VIEW, { article: 'article:new' });
    expect(article.article).toBe('article:new');
    expect(article.selected).toBe('article:new');
  });
});
