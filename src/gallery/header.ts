/**
 * The top bar: title, search box, and the page-level buttons. One primary action (Export);
 * the others are secondary, each an icon with a text label. Below ~1100 px the secondary
 * labels are hidden visually (gallery.css) and stay the buttons' names, with a tooltip, so
 * the bar never wraps at 800 px.
 */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { type IconName, icon } from '../ui/icons';

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
  setSelectMode(on: boolean): void;
  /**
   * Enables export/import once the exporter is present. `shown`: how many images an export
   * would hold, or null for the whole vault; 0 disables Export.
   */
  setExport(available: boolean, label: string, shown: number | null): void;
}

/** A button with an icon and a text label (the label is its name, and its tooltip). */
function action(name: IconName, label: string, testid: string, run: () => void, cls = ''): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: cls, title: label, 'data-testid': testid, onclick: run },
    icon(name),
    h('span', { class: 'label' }, label),
  );
}

function setLabel(b: HTMLButtonElement, label: string): void {
  const span = b.querySelector('.label')!;
  if (span.textContent !== label) span.textContent = label;
  b.title = label;
}

export function createHeader(hooks: HeaderHooks): Header {
  const search = h('input', {
    type: 'search',
    id: 'search',
    'data-testid': 'search-input',
    placeholder: t('gallery_search_placeholder'),
    autocomplete: 'off',
    spellcheck: false,
    'aria-label': t('gallery_search_label'),
  });
  search.addEventListener('input', () => hooks.search(search.value));
  const select = action('select', t('gallery_select'), 'select-mode', hooks.toggleSelectMode, 'secondary');
  select.setAttribute('aria-pressed', 'false');
  const imp = action('import', t('gallery_import'), 'import-button', hooks.importBackup, 'secondary');
  const storage = action('info', t('gallery_storage'), 'storage-button', hooks.openStorage, 'secondary');
  const settings = action(
    'settings',
    t('gallery_settings'),
    'settings-button',
    hooks.openSettings,
    'secondary',
  );
  const exp = action('export', t('gallery_export_all'), 'export-button', hooks.exportShown, 'primary');
  exp.disabled = imp.disabled = true;
  const el = h(
    'div',
    { class: 'topbar' },
    h(
      'h1',
      null,
      h('img', { src: '/icons/icon-32.png', alt: '', width: 24, height: 24 }),
      h('span', { class: 'title' }, t('gallery_title')),
    ),
    h('div', { class: 'search', role: 'search' }, search),
    h(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': t('gallery_actions') },
      select,
      imp,
      storage,
      settings,
      exp,
    ),
  );
  exp.title = t('gallery_export_unavailable');
  imp.title = t('gallery_import_unavailable');
  return {
    el,
    search,
    setQuery(q) {
      if (search.value !== q) search.value = q;
    },
    setSelectMode(on) {
      select.setAttribute('aria-pressed', String(on));
      setLabel(select, on ? t('gallery_select_done') : t('gallery_select'));
    },
    setExport(available, label, shown) {
      exp.disabled = !available || shown === 0;
      imp.disabled = !available;
      setLabel(exp, label);
      setLabel(imp, t('gallery_import'));
      exp.title = !available
        ? t('gallery_export_unavailable')
        : shown === 0
          ? t('gallery_export_nothing')
          : t('gallery_export_title', { label });
      imp.title = available ? t('gallery_import_title') : t('gallery_import_unavailable');
    },
  };
}
