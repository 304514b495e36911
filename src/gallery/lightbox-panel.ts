/** The lightbox's side panel: navigation, actions, both prompts, metadata, a lineage slot. */

import type { C2paInfo } from '../core/c2pa';
import { imageFileName } from '../core/naming';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { isChatGptUrl } from '../sites/chatgpt/routes';
import { h } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { copyImageButton } from './lightbox-copy';
import { credentialsLine } from './lightbox-credentials';
import { metaTable, promptBlock } from './lightbox-details';

/** A title or address as shown: bounded and safe to show (the record keeps it whole). */
const shortText = (s: string) => displayText(clipText(s, 300));

/**
 * A conversation address that is not ChatGPT's (an imported archive can hold anything,
 * `javascript:` included) is shown as text, never as a link.
 */
function foreignLink(url: string): HTMLElement | null {
  if (!url || isChatGptUrl(url)) return null;
  return h(
    'p',
    { class: 'muted', 'data-testid': 'conversation-url-text' },
    'Conversation address (not a ChatGPT address, so not linked): ',
    h('bdi', null, shortText(url)),
  );
}

export interface PanelActions {
  hasPrev: boolean;
  hasNext: boolean;
  terms: readonly string[];
  step(direction: -1 | 1): void;
  close(): void;
  favorite(): void;
  remove(): void;
  filterConversation(): void;
}

export interface Panel {
  nodes: (Node | null)[];
  /** Gets its href once the original is decoded (stays disabled when it cannot be). */
  download: HTMLAnchorElement;
  lineageHost: HTMLElement;
}

/** `credentials`: the original's Content Credentials (null while still being read). */
export function lightboxPanel(
  rec: ImageRecord,
  a: PanelActions,
  credentials: C2paInfo | null | 'error',
): Panel {
  const button = (props: Record<string, unknown>, label: string) =>
    h('button', { type: 'button', ...props }, label);
  const fav = rec.favorite === 1;
  const download = h(
    'a',
    {
      class: 'button',
      'data-testid': 'download-original',
      download: imageFileName(rec),
      'aria-disabled': 'true',
    },
    'Download',
  );
  const lineageHost = h('div', { class: 'lb-lineage' });
  const head = h(
    'div',
    { class: 'lb-head' },
    button(
      { class: 'icon', 'aria-label': 'Previous image', disabled: !a.hasPrev, onclick: () => a.step(-1) },
      '‹',
    ),
    button(
      { class: 'icon', 'aria-label': 'Next image', disabled: !a.hasNext, onclick: () => a.step(1) },
      '›',
    ),
    h('h2', { dir: 'auto' }, shortText(rec.title || rec.conversationTitle || 'Untitled image')),
    button({ class: 'icon', 'aria-label': 'Close', 'data-testid': 'lightbox-close', onclick: a.close }, '×'),
  );
  const actions = h(
    'div',
    { class: 'lb-actions' },
    button(
      { 'data-testid': 'favorite-toggle', 'aria-pressed': String(fav), onclick: a.favorite },
      fav ? '★ Favourite' : '☆ Favourite',
    ),
    // A prompt-only record has no file to download.
    isPromptOnly(rec) ? null : download,
    isPromptOnly(rec) ? null : copyImageButton(rec),
    isChatGptUrl(rec.conversationUrl)
      ? h(
          'a',
          {
            class: 'button',
            href: rec.conversationUrl,
            target: '_blank',
            rel: 'noopener noreferrer',
            'data-testid': 'open-in-chatgpt',
          },
          'Open in ChatGPT',
        )
      : null,
    button({ class: 'danger', 'data-testid': 'delete-button', onclick: a.remove }, 'Delete'),
  );
  const nodes = [
    head,
    actions,
    isPromptOnly(rec) ? null : credentialsLine(credentials),
    rec.warning ? h('p', { class: 'notice' }, rec.warning) : null,
    foreignLink(rec.conversationUrl),
    promptBlock({
      heading: 'Your prompt',
      text: rec.prompt,
      testid: 'lightbox-prompt',
      copyTestid: 'copy-prompt',
      terms: a.terms,
      empty: 'No prompt was saved for this image.',
    }),
    promptBlock({
      heading: 'Revised prompt',
      text: rec.revisedPrompt,
      testid: 'lightbox-revised-prompt',
      copyTestid: 'copy-revised-prompt',
      terms: a.terms,
      empty: 'ChatGPT did not report a revised prompt.',
    }),
    metaTable(rec, a.filterConversation),
    lineageHost,
  ];
  return { nodes, download, lineageHost };
}
