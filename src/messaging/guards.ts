/**
 * Payload validation at the receiving end (style.md habit 1): anything that does not
 * parse is dropped with a reason. Small hand-written schemas: no dependency needed.
 */
import { isFileId } from '../sites/chatgpt/ids';
import { isChatGptUrl } from '../sites/chatgpt/routes';
import type { Message, MessageType } from './protocol';
import { SENDERS } from './protocol';

type Check = (v: unknown) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str =
  (max = 8192): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max ? null : `expected a string of at most ${max} characters`;
const strOrNull =
  (max = 8192): Check =>
  (v) =>
    v === null ? null : str(max)(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
const num: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : 'expected a number ≥ 0';
const bool: Check = (v) => (typeof v === 'boolean' ? null : 'expected a boolean');
const httpsUrl: Check = (v) => {
  if (typeof v !== 'string' || v.length > 8192) return 'expected a URL';
  try {
    return new URL(v).protocol === 'https:' ? null : 'expected an https URL';
  } catch {
    return 'expected a URL';
  }
};
/**
 * An image src: https, or a `blob:` URL made by a ChatGPT page (the worker then gets the
 * bytes through `files/download/{fileId}`). Any other blob origin, data: or javascript: is refused.
 */
const imageSrc: Check = (v) => {
  if (typeof v === 'string' && v.startsWith('blob:')) {
    const inner = v.slice('blob:'.length);
    return inner.length <= 8192 && isChatGptUrl(inner) && new URL(inner).pathname.length > 1
      ? null
      : 'expected a blob: URL of a ChatGPT page';
  }
  return httpsUrl(v);
};
const fileId: Check = (v) => (isFileId(v) ? null : 'expected a ChatGPT file id');

function shape(fields: Record<string, Check>): Check {
  return (v) => {
    if (!isObj(v)) return 'expected an object';
    for (const [k, check] of Object.entries(fields)) {
      const err = check(v[k]);
      if (err) return `${k}: ${err}`;
    }
    return null;
  };
}

/** File ids one `savedFileIds` question may carry (a page shows far fewer images at once). */
export const MAX_ASKED = 500;

const PAYLOADS: Record<MessageType, Check> = {
  imageSeen: shape({
    fileId,
    src: imageSrc,
    alt: str(2000),
    conversationId: strOrNull(200),
    turnMessageId: strOrNull(200),
    pageUrl: httpsUrl,
    naturalWidth: num,
    naturalHeight: num,
    accountId: optional(strOrNull(200)),
  }),
  pageHealth: shape({ pageUrl: httpsUrl, turns: num, tiles: num, unrecognisedImages: num }),
  getStatus: shape({}),
  setPaused: shape({ paused: bool }),
  retryFailed: shape({}),
  dismissFailed: shape({}),
  saveSkipped: shape({}),
  dismissSkipped: shape({}),
  libraryStatus: shape({}),
  libraryBackfill: shape({
    action: (v) =>
      ['start', 'pause', 'resume', 'cancel', 'dismiss'].includes(v as string) ? null : 'expected an action',
  }),
  libraryDeepScan: shape({
    action: (v) =>
      ['start', 'pause', 'resume', 'cancel'].includes(v as string) ? null : 'expected an action',
  }),
  forgetDeleted: shape({}),
  fetchMissing: shape({ id: fileId }),
  mirrorAll: shape({ action: (v) => (v === 'start' || v === 'status' ? null : 'expected start or status') }),
  // Only a query or hash for the gallery page: never a URL of its own.
  openGallery: shape({
    query: (v) =>
      typeof v === 'string' && v.length <= 2000 && /^([?#][^\s]*)?$/.test(v) ? null : 'expected "", ?… or #…',
  }),
  savedFileIds: shape({
    fileIds: (v) =>
      Array.isArray(v) && v.length <= MAX_ASKED && v.every((id) => isFileId(id))
        ? null
        : `expected at most ${MAX_ASKED} ChatGPT file ids`,
  }),
};

/** Parses an incoming message; returns the typed message or the reason it was refused. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; reason: string } {
  if (!isObj(raw)) return { ok: false, reason: 'message is not an object' };
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(PAYLOADS, type))
    return { ok: false, reason: `unknown message type ${String(type)}` };
  const err = PAYLOADS[type as MessageType](raw.payload);
  if (err) return { ok: false, reason: `${type}: ${err}` };
  return { ok: true, message: raw as Message };
}

/** Who sent a message, as the receiving end can prove it. */
export interface SenderFacts {
  /** sender.id === our extension id */
  ownExtension: boolean;
  /** sender.url (tab or extension page) */
  url: string | undefined;
  /** sender.tab is set (a content script) */
  fromTab: boolean;
  /** Our extension's base URL, e.g. chrome-extension://abc/ */
  extensionBase: string;
}

/** Checks that the message type may come from this sender. */
export function senderAllowed(type: MessageType, s: SenderFacts): string | null {
  if (!s.ownExtension) return 'sender is not this extension';
  if (!s.url) return 'sender has no URL';
  if (SENDERS[type] === 'content') {
    if (!s.fromTab) return 'content message not from a tab';
    if (isChatGptUrl(s.url)) return null;
    try {
      return `content message from ${new URL(s.url).origin}`;
    } catch {
      return 'sender URL does not parse';
    }
  }
  return s.url.startsWith(s.extensionBase) ? null : 'UI message not from an extension page';
}
