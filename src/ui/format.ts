/** Numbers and dates in words for people, in the browser's locale (platform/i18n.ts). */
import { formatNumber, uiLocale } from '../platform/i18n';

/** A count with the locale's thousands separators (Intl.NumberFormat): 20,000. */
export function formatCount(n: number): string {
  return formatNumber(n);
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const byteFormats = new Map<string, Intl.NumberFormat>();

/**
 * "512 byte", "1.2 MB", "1,2 GB": decimal units as file managers show them, with the
 * locale's decimal sign. The one byte formatter of the UI (storage panel, lightbox, export);
 * "—" when the size is unknown.
 */
export function formatBytes(n: number | null): string {
  if (n === null || !Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let unit: string = 'byte';
  for (const u of BYTE_UNITS) {
    if (v < 1000) break;
    v /= 1000;
    unit = u;
  }
  const digits = unit !== 'byte' && v < 10 ? 1 : 0;
  const key = `${unit}:${digits}`;
  let f = byteFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, maximumFractionDigits: digits });
    byteFormats.set(key, f);
  }
  return f.format(v);
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
