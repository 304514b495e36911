/** The lightbox's side panel content: both prompts with copy buttons, and the metadata table. */

import type { ImageRecord } from '../core/types';
import { isPromptOnly, MODEL_LABEL } from '../core/types';
import { h } from '../ui/dom';
import { clipText, displayText, formatBytes, formatDateTime, formatMime } from '../ui/format';
import { toast } from '../ui/toast';
import { longText } from './long-text';

async function copy(text: string, button: HTMLButtonElement, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
    button.dataset.copied = 'true';
    setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.copied;
    }, 1500);
  } catch (err) {
    console.warn('[image-vault] copy failed', err);
    toast(`Could not copy the ${what}: the browser refused access to the clipboard.`);
  }
}

/** One prompt block: heading, copy button (copies the stored text exactly), text with search highlights. */
export function promptBlock(o: {
  heading: string;
  text: string;
  testid: string;
  copyTestid: string;
  terms: readonly string[];
  empty: string;
}): HTMLElement {
  const copyBtn = h(
    'button',
    {
      type: 'button',
      class: 'small',
      'data-testid': o.copyTestid,
      'aria-label': `Copy ${o.heading.toLowerCase()}`,
    },
    'Copy',
  );
  copyBtn.disabled = !o.text;
  copyBtn.addEventListener('click', () => void copy(o.text, copyBtn, o.heading.toLowerCase()));
  return h(
    'section',
    { class: 'prompt' },
    h('div', { class: 'prompt-head' }, h('h3', null, o.heading), copyBtn),
    o.text
      ? longText(o.text, o.terms, o.testid)
      : h('p', { 'data-testid': o.testid, class: 'muted' }, o.empty),
  );
}

/** The metadata table: dimensions, bytes, format, ids, seed, model, times. */
export function metaTable(rec: ImageRecord, onConversation: () => void): HTMLElement {
  const rows: [string, Node | string][] = [
    ...((isPromptOnly(rec)
      ? [
          ['Image', 'not saved: the vault holds the prompts only'],
          ...(rec.width && rec.height ? [['Dimensions', `${rec.width} × ${rec.height}`]] : []),
          ...(typeof rec.linkExpiresAt === 'number'
            ? [
                [
                  'Link',
                  `${rec.linkExpiresAt <= Date.now() ? 'expired' : 'expires'} ${formatDateTime(rec.linkExpiresAt)}`,
                ],
              ]
            : []),
        ]
      : [
          ['Dimensions', `${rec.width} × ${rec.height}`],
          ['Size', `${formatBytes(rec.bytes)} (${rec.bytes.toLocaleString()} bytes)`],
          ['Format', formatMime(rec.mimeType)],
        ]) as [string, string][]),
    ['Model', MODEL_LABEL[rec.model] ?? rec.model],
    ['Created', formatDateTime(rec.createdAt)],
    [
      'Captured',
      `${formatDateTime(rec.capturedAt)}${rec.source === 'import' ? ' (imported)' : rec.source === 'library' ? ' (from your ChatGPT library)' : rec.source === 'deep-scan' ? ' (found by the deep scan of your conversations)' : rec.source === 'chatgpt-export' ? ' (from your ChatGPT data export)' : ''}`,
    ],
    ['Gen ID', rec.genId ?? '—'],
    ['Seed', rec.seed === null ? '—' : String(rec.seed)],
  ];
  if (rec.genSize) rows.push(['Size class', rec.genSize]);
  if (rec.editOp) rows.push(['Edit', rec.editOp]);
  rows.push(['File ID', rec.id]);
  if (rec.conversationId) {
    rows.push([
      'Conversation',
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          title: 'Show only images from this conversation',
          onclick: onConversation,
        },
        h('bdi', null, displayText(clipText(rec.conversationTitle || 'Untitled conversation', 300))),
      ),
    ]);
  }
  return h(
    'table',
    { class: 'meta', 'data-testid': 'lightbox-meta' },
    h('caption', { class: 'visually-hidden' }, 'Image details'),
    h(
      'tbody',
      null,
      rows.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v))),
    ),
  );
}
