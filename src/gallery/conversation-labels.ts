/**
 * The conversation filter's option labels: "Title (4)", and when titles repeat (ChatGPT
 * lets many conversations share a name), "Title — 12 Oct 2026 (4)", by the date of each
 * one's newest image; the time too when that date repeats as well. Pure apart from
 * the locale's formatting, so it is unit-tested.
 */
import { formatNumber, t } from '../platform/i18n';
import { formatDate, formatDateTime } from '../ui/format';
import type { ConversationOption } from './catalog';

/** One label per conversation, in the list's order. */
export function conversationLabels(list: readonly ConversationOption[]): string[] {
  const titleOf = (c: ConversationOption) => c.title.trim() || t('gallery_conv_untitled');
  const byTitle = new Map<string, ConversationOption[]>();
  for (const c of list) {
    const key = titleOf(c).toLocaleLowerCase();
    const same = byTitle.get(key);
    if (same) same.push(c);
    else byTitle.set(key, [c]);
  }
  return list.map((c) => {
    const title = titleOf(c);
    const count = formatNumber(c.count);
    const same = byTitle.get(title.toLocaleLowerCase())!;
    if (same.length === 1) return t('gallery_conv_option', { title, count });
    const day = formatDate(c.latest);
    const sameDay = same.filter((o) => formatDate(o.latest) === day).length > 1;
    const date = sameDay ? formatDateTime(c.latest) : day;
    return t('gallery_conv_option_dated', { title, date, count });
  });
}
