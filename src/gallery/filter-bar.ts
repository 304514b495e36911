/**
 * The filter bar: a Filters toggle with the number of active filters, a chip per active
 * filter (a chip removes its filter), the image count, and the collapsible filter panel
 * (filters.ts). Collapsed by default below 1000 px; the choice is remembered.
 */
import { t, tn } from '../platform/i18n';
import { h } from '../ui/dom';
import { formatDate } from '../ui/format';
import { icon } from '../ui/icons';
import { type Filters, modelLabel } from './filters';
import type { Summary } from './summary';
import { localDayStart, type ViewState } from './view-state';

const OPEN_KEY = 'imageVault.gallery.filtersOpen';

export interface FilterBar {
  el: HTMLElement;
  /** Redraws the chips and the count for the view state. */
  sync(s: ViewState): void;
}

interface Chip {
  key: string;
  label: string;
  clear: Partial<ViewState>;
}

function chipsFor(s: ViewState, conversationTitle: (id: string) => string): Chip[] {
  const day = (d: string) => formatDate(localDayStart(d));
  const out: Chip[] = [];
  if (s.from)
    out.push({ key: 'from', label: t('gallery_chip_from', { date: day(s.from) }), clear: { from: null } });
  if (s.to) out.push({ key: 'to', label: t('gallery_chip_to', { date: day(s.to) }), clear: { to: null } });
  if (s.model) out.push({ key: 'model', label: modelLabel(s.model), clear: { model: null } });
  if (s.conv)
    out.push({
      key: 'conv',
      label: t('gallery_chip_conversation', { title: conversationTitle(s.conv) }),
      clear: { conv: null },
    });
  if (s.fav) out.push({ key: 'fav', label: t('gallery_filter_favourites'), clear: { fav: false } });
  if (s.noImage !== 'all')
    out.push({
      key: 'noimg',
      label:
        s.noImage === 'hide' ? t('gallery_filter_hide_prompt_only') : t('gallery_filter_only_prompt_only'),
      clear: { noImage: 'all' },
    });
  return out;
}

function initiallyOpen(): boolean {
  try {
    const v = localStorage.getItem(OPEN_KEY);
    if (v !== null) return v === 'true';
  } catch {
    // Storage refused (a privacy setting): fall back to the width.
  }
  return window.innerWidth >= 1000;
}

export function createFilterBar(
  filters: Filters,
  summary: Summary,
  change: (patch: Partial<ViewState>) => void,
): FilterBar {
  const badge = h('span', { class: 'badge', 'data-testid': 'filters-count', hidden: true });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'filters-toggle',
      'aria-controls': 'filters-panel',
      'data-testid': 'filters-toggle',
    },
    icon('filter'),
    h('span', null, t('gallery_filters')),
    badge,
    icon('chevronDown'),
  );
  const chips = h('ul', {
    class: 'chips',
    'aria-label': t('gallery_chips_label'),
    'data-testid': 'filter-chips',
  });
  const setOpen = (open: boolean, remember: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    filters.el.hidden = !open;
    if (!remember) return;
    try {
      localStorage.setItem(OPEN_KEY, String(open));
    } catch {
      // Not remembered: harmless.
    }
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true', true));
  setOpen(initiallyOpen(), false);
  let shown = '';
  const el = h(
    'div',
    { class: 'filter-bar' },
    h('div', { class: 'filter-row' }, toggle, chips, summary.el),
    filters.el,
  );
  return {
    el,
    sync(s) {
      const list = chipsFor(s, filters.conversationTitle);
      // Called on every render: rebuild only on a change, so a focused chip keeps focus.
      const key = JSON.stringify(list.map((c) => c.label));
      if (key === shown) return;
      shown = key;
      badge.hidden = list.length === 0;
      badge.replaceChildren(
        h('span', { 'aria-hidden': 'true' }, String(list.length)),
        h('span', { class: 'visually-hidden' }, tn('gallery_filters_active', list.length)),
      );
      chips.replaceChildren(
        ...list.map((c, i) =>
          h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'chip',
                'data-testid': 'filter-chip',
                'data-filter': c.key,
                'aria-label': t('gallery_chip_remove', { filter: c.label }),
                title: t('gallery_chip_remove', { filter: c.label }),
                onclick: () => {
                  change(c.clear);
                  // Keyboard users keep their place: the next chip, or the toggle.
                  const next = chips.querySelectorAll<HTMLButtonElement>('.chip')[i] ?? toggle;
                  next.focus();
                },
              },
              h('span', { class: 'chip-label', dir: 'auto' }, c.label),
              icon('close'),
            ),
          ),
        ),
      );
    },
  };
}
