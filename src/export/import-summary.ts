/**
 * The import report in plain words, the same for both kinds of import: one sentence ("Added
 * 312 images, filled in the prompts of 45, …, skipped 80 already in the vault or deleted by
 * you and rejected 2."), and the details grouped by reason, each image named by its title or
 * the start of its prompt, never by its file id (issue 13 §4). Pure (unit-tested).
 */
import { t, tn, uiLocale } from '../platform/i18n';
import { clipText, displayText } from '../ui/format';

export interface ImportCounts {
  added: number;
  promptsFilled: number;
  promptOnly: number;
  /** Of `promptOnly`: whose signed link has already expired. */
  expiredLinks: number;
  skipped: number;
  rejected: number;
}

/** One image the report mentions: its id, what to call it, and why it is mentioned. */
export interface ReportItem {
  id: string;
  reason: string;
  /** The record's title or the start of its prompt; null when it has neither (the id stands in). */
  title?: string | null;
}

export function importSentence(c: ImportCounts): string {
  const parts = [tn('import_sentence_added', c.added)];
  if (c.promptsFilled) parts.push(tn('import_sentence_filled', c.promptsFilled));
  if (c.promptOnly)
    parts.push(
      c.expiredLinks
        ? tn('import_sentence_kept_expired', c.promptOnly, {
            expired: tn('import_sentence_expired', c.expiredLinks),
          })
        : tn('import_sentence_kept', c.promptOnly),
    );
  parts.push(tn('import_sentence_skipped', c.skipped));
  parts.push(tn('import_sentence_rejected', c.rejected));
  return t('import_sentence', {
    list: new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(parts),
  });
}

const TITLE_CHARS = 80;

/** What to call an image in the report: its title, else the start of its prompt, else null. */
export function titleOf(rec: {
  title?: string | null;
  prompt?: string | null;
  revisedPrompt?: string | null;
}): string | null {
  const text = (rec.title || rec.prompt || rec.revisedPrompt || '').replace(/\s+/g, ' ').trim();
  return text ? clipText(displayText(text), TITLE_CHARS) : null;
}

/** “Desert caravan at dusk”, or the id when the image has no words to go by. */
export function itemName(item: ReportItem): string {
  return item.title ? t('import_item_title', { title: item.title }) : t('import_item_id', { id: item.id });
}

/** Items with the same reason together, biggest group first, in the order they came within a group. */
export function groupByReason(items: readonly ReportItem[]): { reason: string; items: ReportItem[] }[] {
  const groups = new Map<string, ReportItem[]>();
  for (const it of items) {
    const g = groups.get(it.reason);
    if (g) g.push(it);
    else groups.set(it.reason, [it]);
  }
  return [...groups]
    .map(([reason, list]) => ({ reason, items: list }))
    .sort((a, b) => b.items.length - a.items.length);
}
