/**
 * UI strings in the browser's language (issue 13 §9): `browser.i18n` with the messages in
 * `src/locales/<lang>/<area>.json`, merged into `_locales/<lang>/messages.json` at build
 * (scripts/locales.mjs). English is the default locale; German is the second.
 *
 * - Keys are `area_name` ([A-Za-z0-9_], as Chrome requires), one area file per part of the UI.
 * - Variables are `{name}` and are filled here, not by the browser's `$1` substitutions, so a
 *   message never needs a `$` and both browsers behave alike.
 * - Counts: `tn(key, n)` picks `key_one` or `key_other` by `Intl.PluralRules` and fills
 *   `{count}` with the number formatted for the browser's locale.
 *
 * The extension API is read from the global directly (not the polyfill): this module is
 * imported by pure code that also runs in Node, where unit tests install the English messages
 * with `useMessages` (test/support/i18n-setup.ts).
 */

type Vars = Record<string, string | number>;
type GetMessage = (key: string) => string;

let fallback: Record<string, string> | null = null;

/** Unit tests (no extension API): serve these messages instead. */
export function useMessages(messages: Record<string, string> | null): void {
  fallback = messages;
}

function api(): GetMessage | null {
  const g = globalThis as unknown as {
    browser?: { i18n?: { getMessage?: GetMessage } };
    chrome?: { i18n?: { getMessage?: GetMessage } };
  };
  const i18n = g.browser?.i18n ?? g.chrome?.i18n;
  return typeof i18n?.getMessage === 'function' ? i18n.getMessage.bind(i18n) : null;
}

const warned = new Set<string>();

function raw(key: string): string {
  let m = '';
  try {
    m = api()?.(key) ?? '';
  } catch {
    // An invalidated extension context (a content script after an update) throws: fall through.
  }
  if (!m && fallback) m = fallback[key] ?? '';
  if (!m) {
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`[image-vault] missing UI string ${key}`);
    }
    return key;
  }
  return m;
}

/** The browser's locale for numbers and dates (undefined: the runtime's default). */
export function uiLocale(): string | undefined {
  const g = globalThis as unknown as { navigator?: { language?: string } };
  return g.navigator?.language || undefined;
}

let numbers: Intl.NumberFormat | null = null;

/** A number with the locale's thousands separators: 20,000 or 20.000. */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(uiLocale());
  return numbers.format(n);
}

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name as keyof Vars]) : whole,
  );
}

/** The message `key`, with `{name}` variables filled. */
export function t(key: string, vars?: Vars): string {
  return fill(raw(key), vars);
}

let plurals: Intl.PluralRules | null = null;

/** `key_one` or `key_other` for `count`, with `{count}` formatted for the locale. */
export function tn(key: string, count: number, vars?: Vars): string {
  plurals ??= new Intl.PluralRules(uiLocale());
  const form = plurals.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, { ...vars, count: formatNumber(count) });
}

/**
 * Static HTML: an element with a `data-i18n` key gets that message as its text, and
 * `data-i18n-title`, `data-i18n-aria-label`, `data-i18n-placeholder` set those attributes.
 * The HTML keeps its English text, which shows until this runs.
 */
export function localizeDocument(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const [attr, data] of [
    ['title', 'i18nTitle'],
    ['aria-label', 'i18nAriaLabel'],
    ['placeholder', 'i18nPlaceholder'],
  ] as const) {
    const sel = `[data-${data.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}]`;
    for (const el of root.querySelectorAll<HTMLElement>(sel)) el.setAttribute(attr, t(el.dataset[data]!));
  }
  const lang = api()?.('@@ui_locale');
  if (lang && root === document) document.documentElement.lang = lang.replace('_', '-');
}
