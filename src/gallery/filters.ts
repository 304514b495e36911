/** The filter row: date range, model family, conversation, favourites, records without an image, sort. */
import { MODEL_FAMILIES, MODEL_LABEL, type ModelFamily } from '../core/types';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { formatCount } from '../ui/format';
import type { ConversationOption } from './catalog';
import { conversationLabels } from './conversation-labels';
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
  /** The title of a conversation (for its chip), from the latest list given. */
  conversationTitle(id: string): string;
}

/** A model family's name for people ("Unknown model" in the UI's language). */
export function modelLabel(m: ModelFamily): string {
  return m === 'unknown' ? t('gallery_model_unknown') : MODEL_LABEL[m];
}

const idle = (cb: () => void) =>
  'requestIdleCallback' in globalThis ? requestIdleCallback(cb, { timeout: 2000 }) : setTimeout(cb, 200);

export function createFilters(change: (patch: Partial<ViewState>) => void): Filters {
  const from = h('input', { type: 'date', id: 'f-from', 'data-testid': 'filter-from' });
  const to = h('input', { type: 'date', id: 'f-to', 'data-testid': 'filter-to' });
  const model = h(
    'select',
    { id: 'f-model', 'data-testid': 'filter-model' },
    h('option', { value: '' }, t('gallery_filter_all_models')),
    ...MODEL_FAMILIES.map((m) => h('option', { value: m }, modelLabel(m))),
  );
  const conv = h('select', { id: 'f-conv', 'data-testid': 'filter-conversation' });
  const fav = h('input', { type: 'checkbox', id: 'f-fav', 'data-testid': 'filter-favorites' });
  const noImage = h(
    'select',
    { id: 'f-noimg', 'data-testid': 'filter-prompt-only' },
    h('option', { value: 'all' }, t('gallery_filter_all_records')),
    h('option', { value: 'hide' }, t('gallery_filter_hide_prompt_only')),
    h('option', { value: 'only' }, t('gallery_filter_only_prompt_only')),
  );
  const noImageLabel = h(
    'label',
    { for: 'f-noimg', 'data-testid': 'filter-prompt-only-label' },
    t('gallery_filter_without_image'),
  );
  const noImageField = h('span', { class: 'field', hidden: true }, noImageLabel, noImage);
  const sort = h(
    'select',
    { id: 'f-sort', 'data-testid': 'sort-select' },
    h('option', { value: 'newest' }, t('gallery_sort_newest')),
    h('option', { value: 'oldest' }, t('gallery_sort_oldest')),
  );
  const clear = h(
    'button',
    { type: 'button', class: 'link', 'data-testid': 'clear-filters' },
    t('gallery_clear_filters'),
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
    { class: 'filters', id: 'filters-panel', role: 'group', 'aria-label': t('gallery_filters') },
    field(t('gallery_filter_from'), 'f-from', from),
    field(t('gallery_filter_to'), 'f-to', to),
    field(t('gallery_filter_model'), 'f-model', model),
    field(t('gallery_filter_conversation'), 'f-conv', conv),
    h('span', { class: 'field' }, fav, h('label', { for: 'f-fav' }, t('gallery_filter_favourites'))),
    noImageField,
    field(t('gallery_sort'), 'f-sort', sort),
    clear,
  );

  let source: { version: number; list: () => readonly ConversationOption[] } | null = null;
  let builtVersion = -1;
  const build = () => {
    if (!source || builtVersion === source.version) return;
    builtVersion = source.version;
    const current = conv.value;
    const list = source.list();
    const opts = [h('option', { value: '' }, t('gallery_filter_all_conversations'))];
    if (current && !list.some((c) => c.id === current)) opts.push(h('option', { value: current }, current));
    const labels = conversationLabels(list);
    list.forEach((c, i) => {
      opts.push(h('option', { value: c.id }, labels[i]!));
    });
    conv.replaceChildren(...opts);
    conv.value = current;
  };
  for (const ev of ['pointerdown', 'focus', 'keydown']) conv.addEventListener(ev, build);
  const showCurrent = (current: string | null) => {
    if (conv.value === (current ?? '')) return;
    if (current && ![...conv.options].some((o) => o.value === current)) {
      conv.append(h('option', { value: current }, titleOf(current)));
    }
    conv.value = current ?? '';
  };
  const titleOf = (id: string) => {
    const c = source?.list().find((o) => o.id === id);
    return c ? c.title || t('gallery_conv_untitled') : id;
  };
  conv.append(h('option', { value: '' }, t('gallery_filter_all_conversations')));
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
      const text = t('gallery_filter_without_image_count', { count: formatCount(n) });
      if (noImageLabel.textContent !== text) noImageLabel.textContent = text;
    },
    conversationTitle: titleOf,
  };
}
