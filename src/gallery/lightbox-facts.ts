/**
 * What a user wants to know about an image at a glance (issue 13 §6): when it was made, in
 * which conversation, by which model, its size in pixels and on disk, and its Content
 * Credentials. Identifiers and other technical fields are in the collapsed Details
 * (lightbox-details.ts).
 */
import type { C2paInfo } from '../core/c2pa';
import { type ImageRecord, isPromptOnly, type ModelFamily } from '../core/types';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { clipText, displayText, formatBytes, formatDateTime, formatMime } from '../ui/format';
import { credentialsLine } from './lightbox-credentials';

/** The model's name in the UI's language. */
export function modelWords(model: ModelFamily): string {
  if (model === 'dalle3') return t('lightbox_model_dalle3');
  if (model === 'gpt-image') return t('lightbox_model_gpt_image');
  return t('lightbox_model_unknown');
}

/** One term and its description. */
export function row(term: string, value: Node | string): HTMLElement {
  return h('div', { class: 'lb-row' }, h('dt', null, term), h('dd', null, value));
}

function linkWords(expiresAt: number): string {
  const when = formatDateTime(expiresAt);
  return expiresAt <= Date.now()
    ? t('lightbox_link_expired', { when })
    : t('lightbox_link_expires', { when });
}

/** The facts list (`lightbox-meta`) and, for a record with bytes, the credentials line. */
export function factsSection(
  rec: ImageRecord,
  credentials: C2paInfo | null | 'error',
  onConversation: () => void,
): HTMLElement {
  const promptOnly = isPromptOnly(rec);
  const rows: (HTMLElement | null)[] = [
    row(t('lightbox_created'), formatDateTime(rec.createdAt)),
    rec.conversationId
      ? row(
          t('lightbox_conversation'),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-testid': 'lightbox-conversation',
              title: t('lightbox_conversation_filter'),
              onclick: onConversation,
            },
            h(
              'bdi',
              null,
              displayText(clipText(rec.conversationTitle || t('lightbox_untitled_conversation'), 300)),
            ),
          ),
        )
      : null,
    row(t('lightbox_model'), modelWords(rec.model)),
    promptOnly ? row(t('lightbox_image'), t('lightbox_image_not_saved')) : null,
    rec.width && rec.height
      ? row(t('lightbox_dimensions'), t('lightbox_px', { w: rec.width, h: rec.height }))
      : null,
    promptOnly ? null : row(t('lightbox_file'), `${formatBytes(rec.bytes)} · ${formatMime(rec.mimeType)}`),
    promptOnly && typeof rec.linkExpiresAt === 'number'
      ? row(t('lightbox_link'), linkWords(rec.linkExpiresAt))
      : null,
  ];
  return h(
    'section',
    { class: 'lb-facts', 'aria-label': t('lightbox_about') },
    h('dl', { class: 'lb-list', 'data-testid': 'lightbox-meta' }, rows),
    promptOnly ? null : credentialsLine(credentials),
  );
}
