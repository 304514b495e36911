/**
 * Answers the background's fallback requests (TabProtocolMap) when the worker's own requests
 * carry no ChatGPT session cookie: the content script fetches as the page can
 * (same origin, credentials included). Bytes go to the bridge page, never into a message.
 */

import type { TabProtocolMap } from '../messaging/protocol';
import { browser } from '../platform/browser';
import { isChatGptImageSrc } from '../sites/chatgpt/selectors';

type Reply<T extends keyof TabProtocolMap> = TabProtocolMap[T]['result'];

let bridge: Promise<HTMLIFrameElement> | null = null;

/** A hidden extension page that stores what we post into the vault (src/bridge). */
function getBridge(signal: AbortSignal): Promise<HTMLIFrameElement> {
  bridge ??= new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL('src/bridge/index.html');
    frame.hidden = true;
    frame.setAttribute('aria-hidden', 'true');
    frame.addEventListener('load', () => resolve(frame), { once: true });
    frame.addEventListener('error', () => reject(new Error('bridge failed to load')), { once: true });
    document.documentElement.append(frame);
    signal.addEventListener('abort', () => frame.remove());
  });
  return bridge;
}

async function pageSession(): Promise<Reply<'pageSession'>> {
  const res = await fetch('/api/auth/session', { credentials: 'include' });
  if (!res.ok) return { accessToken: null, reason: `HTTP ${res.status}` };
  const body = (await res.json().catch(() => null)) as { accessToken?: unknown } | null;
  return typeof body?.accessToken === 'string'
    ? { accessToken: body.accessToken }
    : { accessToken: null, reason: 'signed out' };
}

async function stageBytes(fileId: string, url: string, signal: AbortSignal): Promise<Reply<'stageBytes'>> {
  if (!isChatGptImageSrc(url) || new URL(url).origin !== location.origin) {
    return { staged: false, reason: 'not a same-origin ChatGPT image URL' };
  }
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok) return { staged: false, reason: `HTTP ${res.status}` };
  const blob = await res.blob();
  const frame = await getBridge(signal);
  const channel = new MessageChannel();
  const answer = new Promise<Reply<'stageBytes'>>((resolve) => {
    channel.port1.onmessage = (e) => resolve(e.data as Reply<'stageBytes'>);
  });
  const target = new URL(frame.src).origin;
  frame.contentWindow?.postMessage({ type: 'image-vault:stage', fileId, blob }, target, [channel.port2]);
  return answer;
}

export function answerTabRequests(signal: AbortSignal): void {
  const listener = (raw: unknown, sender: { id?: string; tab?: unknown }): Promise<unknown> | undefined => {
    // Only our own background may ask (it has no tab); anything else is ignored.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const msg = raw as { type?: string; payload?: { fileId?: unknown; url?: unknown } };
    if (msg?.type === 'pageSession') return pageSession();
    if (
      msg?.type === 'stageBytes' &&
      typeof msg.payload?.fileId === 'string' &&
      typeof msg.payload.url === 'string'
    ) {
      return stageBytes(msg.payload.fileId, msg.payload.url, signal).catch((e) => ({
        staged: false,
        reason: (e as Error).message,
      }));
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
