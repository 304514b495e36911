/** Numbers and dates in words for people, in the browser's locale (platform/i18n.ts). */
import { formatNumber, uiLocale } from '../platform/i18n';

/** A count with the locale's thousands separators (Intl.NumberFormat): 20,000. */
export function formatCount(n: number): string {
  return formatNumber(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'unknown';
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

// One formatter each: building an Intl.DateTimeFormat costs far more than using one, and
// tiles format a date each as they scroll into view.
let dateTimes: Intl.DateTimeFormat | null = null;
let dates: Intl.DateTimeFormat | null = null;

/** "12 Oct 2026, 14:05" in the browser's locale. */
export function formatDateTime(ms: number): string {
  if (!Number.isFinite(ms)) return '—'; // format() throws on an invalid date
  dateTimes ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimes.format(ms);
}

/** "12 Oct 2026" in the browser's locale. */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  dates ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  return dates.format(ms);
}

/** "PNG" from "image/png". */
export function formatMime(mime: string): string {
  return (mime.split('/')[1] ?? mime).toUpperCase();
}

/** C0 controls except tab and line feed, DEL and C1 controls, and surrogates without their other half. */
const HOSTILE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\0-\x08\x0b-\x1f\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as it may be shown, for display only (the stored text never changes): lone
 * surrogates become U+FFFD and control characters their visible pictures (␀ … ␟, ␡;
 * C1 controls U+FFFD), so that imported or shared text cannot hide or garble what sits
 * beside it. Tab and line feed stay; a carriage return becomes a space before a line
 * feed and a line feed elsewhere. Code unit for code unit, so search-highlight ranges
 * computed on the stored text still apply.
 */
export function displayText(s: string): string {
  return s.replace(HOSTILE, (c, at: number) => {
    const code = c.charCodeAt(0);
    if (c === '\r') return s.charCodeAt(at + 1) === 10 ? ' ' : '\n';
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/**
 * At most `max` code units of `s` (plus "…" when cut), never cutting a surrogate pair
 * in two: bounded text for captions, titles and labels, whatever the stored length.
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return `${s.slice(0, cut)}…`;
}
