/**
 * The import report's details: one collapsed "Details" section, inside it a group per list
 * (rejected, skipped) and per reason, each image named by its title (issue 13 §4): 49 images
 * already in the vault read as one reason with 49 titles, not 49 lines of file ids.
 */
import { tn } from '../platform/i18n';
import { h } from '../ui/dom';
import { reasonWords } from './import-reasons';
import type { ImportReport } from './import-run';
import { groupByReason, type ImportCounts, itemName, type ReportItem } from './import-summary';
import type { OfficialImportReport } from './official-import';

/** What the report shows, whichever import ran. */
export interface Shown extends ImportCounts {
  lists: {
    key: 'import_list_rejected' | 'import_list_rejected_kept' | 'import_list_skipped';
    items: ReportItem[];
  }[];
  notes: string[];
}

/** Items shown per reason; the rest are counted. */
const SHOWN_PER_REASON = 100;

/** The collapsed "Details (n)" section, or null when there is nothing to detail. */
export function reportDetails(r: Shown): HTMLElement | null {
  const lists = r.lists.filter((l) => l.items.length);
  const total = lists.reduce((n, l) => n + l.items.length, 0) + r.notes.length;
  if (!total) return null;
  const groups = lists.map((l) =>
    h(
      'section',
      { class: 'group' },
      h('h3', null, tn(l.key, l.items.length)),
      groupByReason(l.items).map((g) =>
        h(
          'div',
          { class: 'reason', 'data-testid': 'import-reason' },
          h('p', null, tn('import_reason_count', g.items.length, { reason: reasonWords(g.reason) })),
          h(
            'ul',
            null,
            g.items.slice(0, SHOWN_PER_REASON).map((it) => h('li', { title: it.id }, itemName(it))),
          ),
          g.items.length > SHOWN_PER_REASON
            ? h('p', { class: 'muted' }, tn('import_more', g.items.length - SHOWN_PER_REASON))
            : null,
        ),
      ),
    ),
  );
  const notes = r.notes.length
    ? h(
        'section',
        { class: 'group' },
        h('h3', null, tn('import_list_notes', r.notes.length)),
        h(
          'ul',
          null,
          r.notes.map((n) => h('li', null, n)),
        ),
      )
    : null;
  return h(
    'details',
    { 'data-testid': 'import-details' },
    h('summary', null, tn('import_details', total)),
    groups,
    notes,
  );
}

export function fromOfficial(r: OfficialImportReport): Shown {
  return {
    added: r.added.length,
    promptsFilled: r.promptsFilled.length,
    promptOnly: r.promptOnly.length,
    expiredLinks: r.expiredLinks,
    skipped: r.skipped.length,
    rejected: r.rejected.length,
    lists: [
      { key: 'import_list_rejected_kept', items: r.rejected },
      { key: 'import_list_skipped', items: r.skipped },
    ],
    notes: r.notes,
  };
}

export function fromArchive(r: ImportReport): Shown {
  return {
    added: r.added.length,
    promptsFilled: 0,
    promptOnly: r.promptOnly.length,
    expiredLinks: 0,
    skipped: r.skipped.length,
    rejected: r.rejected.length,
    lists: [
      { key: 'import_list_rejected', items: r.rejected },
      { key: 'import_list_skipped', items: r.skipped },
    ],
    notes: [],
  };
}
