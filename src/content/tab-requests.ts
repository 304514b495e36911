/**
 * Answers the background's fallback request (TabProtocolMap) when the worker's own requests
 * carry no ChatGPT session cookie: the content script reads the session token as the page
 * can (same origin, credentials included). Only the token goes back.
 */
import type { TabProtocolMap } from '../messaging/protocol';
import { browser } from '../platform/browser';
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

export function answerTabRequests(signal: AbortSignal): void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }): Promise<unknown> | undefined => {
    // Only our own background may ask (it has no tab); anything else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if ((raw as { type?: unknown })?.type === 'pageSession') return pageSession();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
