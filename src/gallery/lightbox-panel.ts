/**
 * The lightbox's side panel, in the order a user reads it (issue 13 §6): the title and the
 * actions, both prompts, the facts that matter (date, conversation, model, size,
 * credentials), the edit history, then the technical Details, collapsed.
 */

import type { C2paInfo } from '../core/c2pa';
import { imageFileName } from '../core/naming';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { t } from '../platform/i18n';
import { isChatGptUrl } from '../sites/chatgpt/routes';
import { h } from '../ui/dom';
import { clipText, displayText } from '../ui/format';
import { icon } from '../ui/icons';
import { copyImageButton } from './lightbox-copy';
import { detailsSection } from './lightbox-details';
import { factsSection } from './lightbox-facts';
import { promptBlocks } from './lightbox-prompts';

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
    t('lightbox_foreign_link'),
    ' ',
    h('bdi', null, shortText(url)),
  );
}

export interface PanelActions {
  terms: readonly string[];
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

/** The favourite toggle: a labelled button whose pressed state is a filled star on a tinted face. */
function favoriteToggle(on: boolean, toggle: () => void): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'lb-fav',
      'data-testid': 'favorite-toggle',
      'aria-pressed': String(on),
      title: `${on ? t('lightbox_favorite_remove') : t('lightbox_favorite_add')} (F)`,
      onclick: toggle,
    },
    icon('star', { filled: on }),
    t('lightbox_favorite'),
  );
}

/** `credentials`: the original's Content Credentials (null while still being read). */
export function lightboxPanel(
  rec: ImageRecord,
  a: PanelActions,
  credentials: C2paInfo | null | 'error',
): Panel {
  const promptOnly = isPromptOnly(rec);
  const download = h(
    'a',
    {
      class: 'button',
      'data-testid': 'download-original',
      download: imageFileName(rec),
      'aria-disabled': 'true',
    },
    icon('download'),
    t('lightbox_download'),
  );
  const lineageHost = h('div', { class: 'lb-lineage' });
  const actions = h(
    'div',
    { class: 'lb-actions' },
    favoriteToggle(rec.favorite === 1, a.favorite),
    // A prompt-only record has no file to download.
    promptOnly ? null : download,
    promptOnly ? null : copyImageButton(rec),
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
          icon('external'),
          t('lightbox_open_chatgpt'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'danger',
        'data-testid': 'delete-button',
        title: `${t('lightbox_delete')} (Del)`,
        onclick: a.remove,
      },
      icon('trash'),
      t('lightbox_delete'),
    ),
  );
  const nodes = [
    h(
      'h2',
      { class: 'lb-title', dir: 'auto' },
      shortText(rec.title || rec.conversationTitle || t('lightbox_untitled')),
    ),
    actions,
    rec.warning ? h('p', { class: 'notice' }, rec.warning) : null,
    ...promptBlocks(rec, a.terms),
    factsSection(rec, credentials, a.filterConversation),
    foreignLink(rec.conversationUrl),
    lineageHost,
    detailsSection(rec),
  ];
  return { nodes, download, lineageHost };
}
