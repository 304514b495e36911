/**
 * Answers the background's requests to the tab (TabProtocolMap):
 * - `pageSession`, the fallback for when the worker's own requests carry no ChatGPT session
 *   cookie: the content script reads the session token as the page can (same origin,
 *   credentials included). Only the token goes back.
 * - `rescan`, when capture is switched back on: the page is scanned again (the caller forgets
 *   what was refused while paused).
 * - `imageStored`, when an image this tab showed is stored: its "saved" mark may show.
 */
import type { TabProtocolMap } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { isFileId } from '../sites/chatgpt/ids';
import { readSession } from '../sites/chatgpt/session';

async function pageSession(): Promise<TabProtocolMap['pageSession']['result']> {
  try {
    const read = await readSession('/api/auth/session');
    if (read.ok) return { accessToken: read.accessToken };
    return { accessToken: null, reason: read.reason === 'http error' ? `HTTP ${read.status}` : read.reason };
  } catch (e) {
    return { accessToken: null, reason: (e as Error).message };
  }
}

/** What the rest of the content script does for the background's requests. */
export interface TabRequestHooks {
  /** Forget the sightings refused while paused and scan the page again. */
  rescan(): void;
  /** The background stored this file. */
  stored(fileId: string): void;
}

/** Listens for the background's requests until `signal` aborts. */
export function answerTabRequests(signal: AbortSignal, hooks: TabRequestHooks): void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }): Promise<unknown> | undefined => {
    // Only our own background may ask (it has no tab); anything else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const type = (raw as { type?: unknown })?.type;
    if (type === 'pageSession') return pageSession();
    if (type === 'rescan') {
      hooks.rescan();
      return Promise.resolve<TabProtocolMap['rescan']['result']>({ ok: true });
    }
    if (type === 'imageStored') {
      const fileId = (raw as { payload?: { fileId?: unknown } }).payload?.fileId;
      if (!isFileId(fileId)) return undefined;
      hooks.stored(fileId);
      return Promise.resolve<TabProtocolMap['imageStored']['result']>({ ok: true });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
