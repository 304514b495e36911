/** The top bar: search box, count, and the page-level buttons. */
import { h } from '../ui/dom';
import { formatCount, plural } from '../ui/format';

export interface HeaderHooks {
  search(q: string): void;
  toggleSelectMode(): void;
  exportShown(): void;
  importBackup(): void;
  openStorage(): void;
  /** The settings page (options_ui). */
  openSettings(): void;
}

export interface Header {
  el: HTMLElement;
  search: HTMLInputElement;
  setQuery(q: string): void;
  /** `promptOnly`: how many of `total` are prompts without images. */
  setCount(shown: number, total: number, promptOnly?: number): void;
  setSelectMode(on: boolean): void;
  /** Enables export/import once the exporter is present. */
  setExport(available: boolean, label: string): void;
}

export function createHeader(hooks: HeaderHooks): Header {
  const search = h('input', {
    type: 'search',
    id: 'search',
    'data-testid': 'search-input',
    placeholder: 'Search prompts, revised prompts, titles…',
    autocomplete: 'off',
    spellcheck: false,
    'aria-label': 'Search images by prompt, revised prompt, image title or conversation title',
  });
  search.addEventListener('input', () => hooks.search(search.value));
  const count = h('span', { 'data-testid': 'gallery-count' }, '0');
  const ofTotal = h('span', null);
  const summary = h(
    'p',
    { class: 'count', 'aria-live': 'polite', 'data-testid': 'gallery-summary' },
    count,
    ofTotal,
  );
  const select = h(
    'button',
    {
      type: 'button',
      'aria-pressed': 'false',
      'data-testid': 'select-mode',
      onclick: hooks.toggleSelectMode,
    },
    'Select',
  );
  const exp = h(
    'button',
    { type: 'button', disabled: true, 'data-testid': 'export-button', onclick: hooks.exportShown },
    'Export',
  );
  const imp = h(
    'button',
    { type: 'button', disabled: true, 'data-testid': 'import-button', onclick: hooks.importBackup },
    'Import',
  );
  const storage = h(
    'button',
    { type: 'button', 'data-testid': 'storage-button', onclick: hooks.openStorage },
    'Storage',
  );
  const settings = h(
    'button',
    { type: 'button', 'data-testid': 'settings-button', onclick: hooks.openSettings },
    'Settings',
  );
  const el = h(
    'header',
    { class: 'topbar' },
    h('h1', null, h('img', { src: '/icons/icon-32.png', alt: '', width: 24, height: 24 }), 'Image Vault'),
    h('div', { class: 'search' }, search),
    summary,
    h(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': 'Gallery actions' },
      select,
      exp,
      imp,
      storage,
      settings,
    ),
  );
  const unavailable = 'Export is not available yet';
  exp.title = unavailable;
  imp.title = 'Import is not available yet';
  return {
    el,
    search,
    setQuery(q) {
      if (search.value !== q) search.value = q;
    },
    setCount(shown, total, promptOnly = 0) {
      count.textContent = String(shown);
      ofTotal.textContent = countSuffix(shown, total, promptOnly);
      summary.dataset.promptOnly = String(promptOnly);
    },
    setSelectMode(on) {
      select.setAttribute('aria-pressed', String(on));
      select.textContent = on ? 'Done selecting' : 'Select';
    },
    setExport(available, label) {
      exp.disabled = !available;
      imp.disabled = !available;
      exp.textContent = label;
      exp.title = available ? `${label} to a ZIP file` : unavailable;
      imp.title = available ? 'Import images from an Image Vault export' : 'Import is not available yet';
    },
  };
}

/**
 * The words after the shown count: " images", " of 40 images", or, when some records are
 * prompts without images, " records: 1,234 images · 56 prompts without images".
 */
export function countSuffix(shown: number, total: number, promptOnly: number): string {
  if (!promptOnly) return shown === total ? ` ${total === 1 ? 'image' : 'images'}` : ` of ${total} images`;
  const parts = `${plural(total - promptOnly, 'image')} · ${promptOnly === 1 ? '1 prompt without an image' : `${formatCount(promptOnly)} prompts without images`}`;
  return shown === total
    ? ` ${total === 1 ? 'record' : 'records'}: ${parts}`
    : ` of ${formatCount(total)} records (${parts})`;
}
