/** The bar shown while images are selected: bulk favourite, delete, export. */
import { h } from '../ui/dom';
import { plural } from '../ui/format';

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
  const count = h('span', { 'data-testid': 'selection-count' });
  const btn = (label: string, testid: string, run: () => void, cls = '') =>
    h('button', { type: 'button', class: cls, 'data-testid': testid, onclick: run }, label);
  const exp = btn('Export', 'bulk-export', hooks.exportSelected);
  const actions = [
    btn('★ Favourite', 'bulk-favorite', () => hooks.favorite(1)),
    btn('☆ Unfavourite', 'bulk-unfavorite', () => hooks.favorite(0)),
    exp,
    btn('Delete…', 'bulk-delete', hooks.remove, 'danger'),
  ];
  const selectAll = btn('Select all shown', 'select-all', hooks.selectAll, 'link');
  const el = h(
    'div',
    {
      class: 'selection-bar',
      role: 'region',
      'aria-label': 'Selection',
      'data-testid': 'selection-bar',
      hidden: true,
    },
    count,
    selectAll,
    h('div', { class: 'actions' }, ...actions, btn('Clear selection', 'clear-selection', hooks.clear)),
  );
  return {
    el,
    update(n, shown, exportAvailable, selectMode) {
      el.hidden = n === 0 && !selectMode;
      count.textContent = n ? `${plural(n, 'image')} selected` : 'Click images to select them';
      for (const b of actions) b.disabled = n === 0;
      exp.disabled = n === 0 || !exportAvailable;
      exp.title = exportAvailable
        ? 'Export the selected images to a ZIP file'
        : 'Export is not available yet';
      selectAll.hidden = n >= shown;
    },
  };
}
