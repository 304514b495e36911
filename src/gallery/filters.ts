/** The filter row: date range, model family, conversation, favourites, records without an image, sort. */
import { MODEL_LABEL, type ModelFamily } from '../core/types';
import { h } from '../ui/dom';
import { formatCount } from '../ui/format';
import type { ConversationOption } from './catalog';
import type { PromptOnlyFilter, SortOrder, ViewState } from './view-state';

export interface Filters {
  el: HTMLElement;
  sync(s: ViewState): void;
  /** The conversation options: read (and thousands of <option>s built) when idle or when the list is opened. */
  setConversations(version: number, list: () => readonly ConversationOption[], current: string | null): void;
  /**
   * The number of prompt-only records, shown in the label of their filter; the filter is
   * hidden while there are none and it is not in use.
   */
  setPromptOnlyCount(n: number, current: PromptOnlyFilter): void;
}

const idle = (cb: () => void) =>
  'requestIdleCallback' in globalThis ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 200);

export function createFilters(change: (patch: Partial<ViewState>) => void): Filters {
  const from = h('input', { type: 'date', id: 'f-from', 'data-testid': 'filter-from' });
  const to = h('input', { type: 'date', id: 'f-to', 'data-testid': 'filter-to' });
  const model = h(
    'select',
    { id: 'f-model', 'data-testid': 'filter-model' },
    h('option', { value: '' }, 'All models'),
    ...(Object.keys(MODEL_LABEL) as ModelFamily[]).map((m) => h('option', { value: m }, MODEL_LABEL[m])),
  );
  const conv = h('select', { id: 'f-conv', 'data-testid': 'filter-conversation' });
  const fav = h('input', { type: 'checkbox', id: 'f-fav', 'data-testid': 'filter-favorites' });
  const noImage = h(
    'select',
    { id: 'f-noimg', 'data-testid': 'filter-prompt-only' },
    h('option', { value: 'all' }, 'All records'),
    h('option', { value: 'hide' }, 'Hide prompts without images'),
    h('option', { value: 'only' }, 'Only prompts without images'),
  );
  const noImageLabel = h(
    'label',
    { for: 'f-noimg', 'data-testid': 'filter-prompt-only-label' },
    'Without image',
  );
  const noImageField = h('span', { class: 'field', hidden: true }, noImageLabel, noImage);
  const sort = h(
    'select',
    { id: 'f-sort', 'data-testid': 'sort-select' },
    h('option', { value: 'newest' }, 'Newest first'),
    h('option', { value: 'oldest' }, 'Oldest first'),
  );
  const clear = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'clear-filters' },
    'Clear filters',
  );

  from.addEventListener('change', () => change({ from: from.value || null }));
  to.addEventListener('change', () => change({ to: to.value || null }));
  model.addEventListener('change', () => change({ model: (model.value || null) as ModelFamily | null }));
  conv.addEventListener('change', () => change({ conv: conv.value || null }));
  fav.addEventListener('change', () => change({ fav: fav.checked }));
  noImage.addEventListener('change', () => change({ noImage: noImage.value as PromptOnlyFilter }));
  sort.addEventListener('change', () => change({ sort: sort.value as SortOrder }));
  clear.addEventListener('click', () =>
    change({ q: '', from: null, to: null, model: null, conv: null, fav: false, noImage: 'all' }),
  );

  const field = (label: string, id: string, control: HTMLElement) =>
    h('span', { class: 'field' }, h('label', { for: id }, label), control);
  const el = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Filters' },
    field('From', 'f-from', from),
    field('To', 'f-to', to),
    field('Model', 'f-model', model),
    field('Conversation', 'f-conv', conv),
    h('span', { class: 'field' }, fav, h('label', { for: 'f-fav' }, 'Favourites only')),
    noImageField,
    field('Sort', 'f-sort', sort),
    clear,
  );

  let source: { version: number; list: () => readonly ConversationOption[] } | null = null;
  let builtVersion = -1;
  const build = () => {
    if (!source || builtVersion === source.version) return;
    builtVersion = source.version;
    const current = conv.value;
    const list = source.list();
    const opts = [h('option', { value: '' }, 'All conversations')];
    if (current && !list.some((c) => c.id === current)) opts.push(h('option', { value: current }, current));
    for (const c of list)
      opts.push(h('option', { value: c.id }, `${c.title || 'Untitled conversation'} (${c.count})`));
    conv.replaceChildren(...opts);
    conv.value = current;
  };
  for (const ev of ['pointerdown', 'focus', 'keydown']) conv.addEventListener(ev, build);
  const showCurrent = (current: string | null) => {
    if (conv.value === (current ?? '')) return;
    if (current && ![...conv.options].some((o) => o.value === current)) {
      const title = source?.list().find((c) => c.id === current)?.title;
      conv.append(h('option', { value: current }, title || current));
    }
    conv.value = current ?? '';
  };
  conv.append(h('option', { value: '' }, 'All conversations'));
  return {
    el,
    sync(s) {
      from.value = s.from ?? '';
      to.value = s.to ?? '';
      model.value = s.model ?? '';
      fav.checked = s.fav;
      noImage.value = s.noImage;
      sort.value = s.sort;
      showCurrent(s.conv);
    },
    setConversations(version, list, current) {
      source = { version, list };
      // Built when the browser is idle, or at once if the user reaches for the list first.
      if (document.activeElement === conv) build();
      else if (builtVersion !== version) idle(build);
      showCurrent(current);
    },
    setPromptOnlyCount(n, current) {
      noImageField.hidden = n === 0 && current === 'all';
      const text = `Without image (${formatCount(n)})`;
      if (noImageLabel.textContent !== text) noImageLabel.textContent = text;
    },
  };
}
