/**
 * What the gallery shows (query, filters, sort, open image) and its round trip through
 * the URL hash, so that a reload or a shared link restores the same view. Pure.
 */
import { type ImageRecord, isPromptOnly, MODEL_FAMILIES, type ModelFamily } from '../core/types';

export type SortOrder = 'newest' | 'oldest';

/**
 * Prompt-only records (images whose bytes the vault does not hold): shown with the rest,
 * hidden, or shown alone.
 */
export type PromptOnlyFilter = 'all' | 'hide' | 'only';
const PROMPT_ONLY_FILTERS: readonly PromptOnlyFilter[] = ['all', 'hide', 'only'];

export interface ViewState {
  q: string;
  /** Inclusive local dates, YYYY-MM-DD, on the image's creation time. */
  from: string | null;
  to: string | null;
  model: ModelFamily | null;
  /** Conversation id. */
  conv: string | null;
  fav: boolean;
  /** Records without an image (prompt-only). */
  noImage: PromptOnlyFilter;
  sort: SortOrder;
  /** The image open in the lightbox. */
  img: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  q: '',
  from: null,
  to: null,
  model: null,
  conv: null,
  fav: false,
  noImage: 'all',
  sort: 'newest',
  img: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a hash like `#q=neon+city&model=dalle3&fav=1`; anything unknown or malformed is ignored. */
export function parseHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const date = (k: string) => {
    const v = p.get(k);
    return v && DATE.test(v) && !Number.isNaN(localDayStart(v)) ? v : null;
  };
  const model = p.get('model');
  const noImage = p.get('noimg') as PromptOnlyFilter;
  return {
    q: p.get('q') ?? '',
    from: date('from'),
    to: date('to'),
    model: MODEL_FAMILIES.includes(model as ModelFamily) ? (model as ModelFamily) : null,
    conv: p.get('conv') || null,
    fav: p.get('fav') === '1',
    noImage: PROMPT_ONLY_FILTERS.includes(noImage) ? noImage : 'all',
    sort: p.get('sort') === 'oldest' ? 'oldest' : 'newest',
    img: p.get('img') || null,
  };
}

/** The hash for a state: '' for the default view, defaults left out. */
export function formatHash(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.model) p.set('model', s.model);
  if (s.conv) p.set('conv', s.conv);
  if (s.fav) p.set('fav', '1');
  if (s.noImage !== 'all') p.set('noimg', s.noImage);
  if (s.sort !== 'newest') p.set('sort', s.sort);
  if (s.img) p.set('img', s.img);
  const str = p.toString();
  return str ? `#${str}` : '';
}

/** Epoch ms of local midnight starting a YYYY-MM-DD day. */
export function localDayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(y, m - 1, d);
  // Reject dates that rolled over (2025-02-31).
  return t.getMonth() === m - 1 && t.getDate() === d ? t.getTime() : Number.NaN;
}

/** YYYY-MM-DD of an epoch ms in local time (for date inputs). */
export function localDay(ms: number): string {
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** True when any filter other than the text query narrows the view. */
export function hasFilters(s: ViewState): boolean {
  return !!(s.from || s.to || s.model || s.conv || s.fav || s.noImage !== 'all');
}

/** The non-text filters as one predicate (the text query is matched in search.ts). */
export function filterPredicate(s: ViewState): (rec: ImageRecord) => boolean {
  const lo = s.from ? localDayStart(s.from) : -Infinity;
  // `to` is inclusive: up to the start of the next day.
  const hi = s.to ? localDayStart(s.to) + 86_400_000 + dstSlack(s.to) : Infinity;
  return (rec) =>
    rec.createdAt >= lo &&
    rec.createdAt < hi &&
    (!s.model || rec.model === s.model) &&
    (!s.conv || rec.conversationId === s.conv) &&
    (!s.fav || rec.favorite === 1) &&
    (s.noImage === 'all' || isPromptOnly(rec) === (s.noImage === 'only'));
}

/** A day is 23 or 25 hours long when the clocks change: correct the +24 h above. */
function dstSlack(day: string): number {
  const start = localDayStart(day);
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - start - 86_400_000;
}
