/**
 * The background's single message entry: validate sender and payload, then dispatch.
 * Anything that does not parse is dropped with a log line and a clear error for the sender.
 */

import { hasImage } from '../db/images';
import { kvGet } from '../db/kv';
import { rememberSkipped } from '../db/skipped';
import { forgetTombstones } from '../db/tombstones';
import { parseMessage, senderAllowed } from '../messaging/guards';
import type { Message, MessageType, Result } from '../messaging/protocol';
import { browser, type Runtime } from '../platform/browser';
import { enqueue } from './capture/processor';
import { openOrFocusGallery } from './commands';
import { fetchMissing } from './fetch-missing';
import { libraryBackfill, libraryDeepScan, libraryStatus, onChatGptPage } from './library';
import { mirrorAll } from './mirror';
import { dismissSkipped, saveSkipped } from './status/catch-up';
import { dismissFailed, getStatus, pageHealth, retryFailed, setPaused } from './status/status';

const LOG = '[image-vault]';

type Handlers = {
  [T in MessageType]: (payload: Message<T>['payload'], sender: Runtime.MessageSender) => Promise<Result<T>>;
};

const handlers: Handlers = {
  imageSeen: async (s, sender) => {
    const tabId = sender.tab?.id ?? null;
    if (!(await kvGet('paused', false))) return enqueue(s, tabId);
    // Remembered (unless stored or deleted already), so it can be saved later from the popup.
    await rememberSkipped(s, tabId);
    return { accepted: false, reason: 'paused' };
  },
  pageHealth: (h, sender) => {
    // A ChatGPT page loaded and scanned: a chance to check the library (at most once a minute).
    onChatGptPage(sender.tab?.id ?? null);
    return pageHealth(h);
  },
  getStatus: () => getStatus(),
  setPaused: (p) => setPaused(p.paused),
  retryFailed: () => retryFailed(),
  dismissFailed: () => dismissFailed(),
  saveSkipped: () => saveSkipped(),
  dismissSkipped: () => dismissSkipped(),
  libraryStatus: () => libraryStatus(),
  libraryBackfill: (p) => libraryBackfill(p.action),
  libraryDeepScan: (p) => libraryDeepScan(p.action),
  forgetDeleted: async () => ({ forgotten: await forgetTombstones() }),
  fetchMissing: (p) => fetchMissing(p.id),
  mirrorAll: (p) => mirrorAll(p.action),
  openGallery: async (p) => {
    await openOrFocusGallery(p.query);
    return { ok: true };
  },
  savedFileIds: async (p) => {
    const stored = await Promise.all(p.fileIds.map((id) => hasImage(id)));
    return { saved: p.fileIds.filter((_, i) => stored[i]) };
  },
};

export function handleMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) {
    console.warn(LOG, `dropped message: ${parsed.reason}`);
    return Promise.reject(new Error(`Image Vault dropped the message: ${parsed.reason}`));
  }
  const { type, payload } = parsed.message;
  const refused = senderAllowed(type, {
    ownExtension: sender.id === browser.runtime.id,
    url: sender.url,
    fromTab: sender.tab !== undefined,
    extensionBase: browser.runtime.getURL(''),
  });
  if (refused) {
    console.warn(LOG, `dropped ${type}: ${refused}`);
    return Promise.reject(new Error(`Image Vault dropped the message: ${refused}`));
  }
  return (handlers[type] as (p: unknown, s: Runtime.MessageSender) => Promise<unknown>)(payload, sender);
}
