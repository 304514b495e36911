/**
 * The bar shown while images are selected: bulk favourite, delete, export. It sits below
 * the grid (the last row of the page's column), so showing it never moves the tiles.
 */
import { t, tn } from '../platform/i18n';
import { h } from '../ui/dom';
import { type IconName, icon } from '../ui/icons';

export interface SelectionHooks {
  favorite(value: 0 | 1): void;
  remove(): void;
  exportSelected(): void;
  selectAll(): void;
  clear(): void;
}

export interface SelectionBar {
  el: HTMLElement;
  update(count: number, shown: number, exportAvailable: boolean, selectMode: boolean): void;
}

export function createSelectionBar(hooks: SelectionHooks): SelectionBar {
  const count = h('span', { class: 'selection-count', 'data-testid': 'selection-count' });
  const btn = (label: string, testid: string, run: () => void, cls = '', name?: IconName) =>
    h(
      'button',
      { type: 'button', class: cls, 'data-testid': testid, onclick: run },
      name ? icon(name, { filled: testid === 'bulk-favorite' }) : null,
      label,
    );
  const exp = btn(t('gallery_bulk_export'), 'bulk-export', hooks.exportSelected, '', 'export');
  const actions = [
    btn(t('gallery_bulk_favourite'), 'bulk-favorite', () => hooks.favorite(1), '', 'star'),
    btn(t('gallery_bulk_unfavourite'), 'bulk-unfavorite', () => hooks.favorite(0), '', 'star'),
    exp,
    btn(t('gallery_bulk_delete'), 'bulk-delete', hooks.remove, 'danger', 'trash'),
  ];
  const selectAll = btn(t('gallery_select_all'), 'select-all', hooks.selectAll, 'link');
  const el = h(
    'section',
    {
      class: 'selection-bar',
      'aria-label': t('gallery_selection'),
      'data-testid': 'selection-bar',
      hidden: true,
    },
    count,
    selectAll,
    h(
      'div',
      { class: 'actions' },
      ...actions,
      btn(t('gallery_clear_selection'), 'clear-selection', hooks.clear, '', 'close'),
    ),
  );
  return {
    el,
    update(n, shown, exportAvailable, selectMode) {
      el.hidden = n === 0 && !selectMode;
      count.textContent = n ? tn('gallery_selected', n) : t('gallery_select_hint');
      for (const b of actions) b.disabled = n === 0;
      exp.disabled = n === 0 || !exportAvailable;
      exp.title = exportAvailable ? t('gallery_bulk_export_title') : t('gallery_export_unavailable');
      selectAll.hidden = n >= shown;
    },
  };
}
