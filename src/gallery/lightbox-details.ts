/**
 * The lightbox's technical metadata (issue 13 §6), collapsed under "Details" and grouped:
 * the identifiers ChatGPT gave the image, how it was generated, the stored file, and where
 * the vault got it. Everything a user rarely needs but may want to copy or check.
 */
import { type ImageRecord, isPromptOnly } from '../core/types';
import { formatNumber, t } from '../platform/i18n';
import { h } from '../ui/dom';
import { clipText, displayText, formatDateTime, formatMime } from '../ui/format';
import { row } from './lightbox-facts';

/** How the vault got the image, in words. */
export function sourceWords(source: ImageRecord['source']): string {
  switch (source) {
    case 'capture':
      return t('lightbox_source_capture');
    case 'import':
      return t('lightbox_source_import');
    case 'library':
      return t('lightbox_source_library');
    case 'deep-scan':
      return t('lightbox_source_deep_scan');
    case 'chatgpt-export':
      return t('lightbox_source_chatgpt_export');
  }
}

/** An identifier or hash: monospaced, shown whole, safe to show. */
const code = (s: string) => h('code', null, displayText(clipText(s, 300)));

function group(title: string, rows: [string, string | null | undefined, boolean?][]): HTMLElement | null {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!shown.length) return null;
  return h(
    'section',
    { class: 'lb-group' },
    h('h4', null, title),
    h(
      'dl',
      { class: 'lb-list' },
      shown.map(([k, v, mono]) => row(k, mono ? code(v!) : v!)),
    ),
  );
}

/** `<details data-testid="lightbox-details">`, closed. */
export function detailsSection(rec: ImageRecord): HTMLElement {
  const bytes = !isPromptOnly(rec);
  return h(
    'details',
    { class: 'lb-details', 'data-testid': 'lightbox-details' },
    h('summary', null, t('lightbox_details')),
    group(t('lightbox_group_ids'), [
      [t('lightbox_file_id'), rec.id, true],
      [t('lightbox_gen_id'), rec.genId, true],
      [t('lightbox_parent_gen_id'), rec.parentGenId, true],
      [t('lightbox_conversation_id'), rec.conversationId, true],
      [t('lightbox_message_id'), rec.messageId, true],
    ]),
    group(t('lightbox_group_generation'), [
      [t('lightbox_seed'), rec.seed === null ? null : String(rec.seed), true],
      [t('lightbox_size_class'), rec.genSize, true],
      [t('lightbox_edit'), rec.editOp],
    ]),
    bytes
      ? group(t('lightbox_group_file'), [
          [t('lightbox_format'), formatMime(rec.mimeType)],
          [t('lightbox_exact_size'), t('lightbox_bytes', { count: formatNumber(rec.bytes) })],
          ['SHA-256', rec.sha256, true],
        ])
      : null,
    group(t('lightbox_group_origin'), [
      [t('lightbox_source'), sourceWords(rec.source)],
      [t('lightbox_saved'), formatDateTime(rec.capturedAt)],
      [t('lightbox_page'), rec.pageUrl, true],
    ]),
  );
}
