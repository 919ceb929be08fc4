import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, INITIAL_VIEW, type ViewState } from '../../web/src/state/view.js';

describe('the view in the URL', () => {
  const view: ViewState = {
    expanded: ['person:bernd-schloemer', 'region:15089'],
    asOf: '2022-08-31',
    selected: 'region:15089',
    path: { from: 'person:bernd-schloemer', to: 'region:15089' },
    hiddenKinds: ['ARTICLE', 'REGION'],
    hiddenTypes: ['PART_OF'],
    language: 'en',
  };

  it('round-trips through a readable query string', () => {
    const query = encodeView(view);
    expect(query).toBe(
      '?e=person:bernd-schloemer,region:15089&asOf=2022-08-31&sel=region:15089&path=person:bernd-schloemer~region:15089' +
        '&hk=ARTICLE,REGION&ht=PART_OF&lang=en',
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
        '?e=person:a,<script>,region:15,person:a&asOf=31.08.2022&sel=DROP&path=person:a~&hk=REGION,<b>&lang=fr',
      ),
    ).toEqual({
      expanded: ['person:a', 'region:15'],
      asOf: null,
      selected: null,
      path: null,
      hiddenKinds: ['REGION'],
      hiddenTypes: [],
      language: 'de',
    });
  });
});
