/** The gallery's view state and its round trip through the URL hash; date and other filters. */
import { describe, expect, it } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import {
  DEFAULT_VIEW,
  filterPredicate,
  formatHash,
  hasFilters,
  localDay,
  localDayStart,
  parseHash,
  type ViewState,
} from '../../src/gallery/view-state';

describe('hash state', () => {
  it('is empty for the default view', () => {
    expect(formatHash(DEFAULT_VIEW)).toBe('');
    expect(parseHash('')).toEqual(DEFAULT_VIEW);
    expect(parseHash('#')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every field', () => {
    const s: ViewState = {
      q: 'neon "rainy alley" & co',
      from: '2025-01-02',
      to: '2025-03-04',
      model: 'gpt-image',
      conv: '5eed0001-aaaa',
      fav: true,
      noImage: 'only',
      sort: 'oldest',
      img: 'file_0000abc',
    };
    expect(parseHash(formatHash(s))).toEqual(s);
  });

  it('reads a hand-written link with + for spaces', () => {
    expect(parseHash('#q=red+fox&fav=1').q).toBe('red fox');
  });

  it('ignores malformed or unknown values', () => {
    expect(parseHash('#model=midjourney&from=2025-02-31&to=yesterday&sort=random&fav=yes&zzz=1')).toEqual(
      DEFAULT_VIEW,
    );
  });

  it('says whether filters other than the query are set', () => {
    expect(hasFilters({ ...DEFAULT_VIEW, q: 'x' })).toBe(false);
    expect(hasFilters({ ...DEFAULT_VIEW, fav: true })).toBe(true);
  });
});

describe('local days', () => {
  it('round-trips a day through epoch ms', () => {
    expect(localDay(localDayStart('2025-07-09'))).toBe('2025-07-09');
    expect(Number.isNaN(localDayStart('2025-02-30'))).toBe(true);
  });
});

describe('filterPredicate', () => {
  const at = (day: string, hour: number) => localDayStart(day) + hour * 3_600_000;
  const r = (over: Partial<ImageRecord>) =>
    ({
      createdAt: at('2025-05-10', 12),
      model: 'dalle3',
      conversationId: 'c1',
      favorite: 0,
      ...over,
    }) as ImageRecord;

  it('keeps the whole `to` day and nothing before `from`', () => {
    const keep = filterPredicate({ ...DEFAULT_VIEW, from: '2025-05-10', to: '2025-05-11' });
    expect(keep(r({ createdAt: at('2025-05-10', 0) }))).toBe(true);
    expect(keep(r({ createdAt: at('2025-05-11', 23.99) }))).toBe(true);
    expect(keep(r({ createdAt: at('2025-05-09', 23.99) }))).toBe(false);
    expect(keep(r({ createdAt: at('2025-05-12', 0) }))).toBe(false);
  });

  it('filters by model, conversation and favourite', () => {
    expect(filterPredicate({ ...DEFAULT_VIEW, model: 'gpt-image' })(r({}))).toBe(false);
    expect(filterPredicate({ ...DEFAULT_VIEW, conv: 'c2' })(r({}))).toBe(false);
    expect(filterPredicate({ ...DEFAULT_VIEW, fav: true })(r({ favorite: 1 }))).toBe(true);
    expect(filterPredicate(DEFAULT_VIEW)(r({}))).toBe(true);
  });
});
