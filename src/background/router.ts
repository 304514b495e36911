/**
 * The background's single message entry: validate sender and payload, then dispatch.
 * Anything that does not parse is dropped with a log line and a clear error for the sender.
 */

import { kvGet } from '../db/kv';
import { parseMessage, senderAllowed } from '../messaging/guards';
import type { Message, MessageType, Result } from '../messaging/protocol';
import { browser, type Runtime } from '../platform/browser';
import { enqueue } from './capture/processor';
import { notePausedSkip } from './status/session';
import { dismissFailed, getStatus, pageHealth, retryFailed, setPaused } from './status/status';

const LOG = '[image-vault]';

type Handlers = {
  [T in MessageType]: (payload: Message<T>['payload'], sender: Runtime.MessageSender) => Promise<Result<T>>;
};

const handlers: Handlers = {
  imageSeen: async (s, sender) => {
    if (!(await kvGet('paused', false))) return enqueue(s, sender.tab?.id ?? null);
    await notePausedSkip();
    return { accepted: false, reason: 'paused' };
  },
  pageHealth,
  getStatus: () => getStatus(),
  setPaused: (p) => setPaused(p.paused),
  retryFailed: () => retryFailed(),
  dismissFailed: () => dismissFailed(),
  // TODO(issue 8, helper D): tombstones and skipped sightings; placeholders until then.
  saveSkipped: async () => ({ queued: 0 }),
  forgetDeleted: async () => ({ forgotten: 0 }),
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
