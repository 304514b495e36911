/**
 * ChatGPT's internal backend API, called with the user's own session exactly as the page
 * does (chatgpt.md §4). Requests are spaced, 401 refreshes the token once, 429 honours
 * Retry-After. Every failure is a CaptureError with words a user can read.
 */
import { CaptureError } from '../../core/queue';
import { fetchWithin, TIMEOUT_MS } from './http';
import { readSession } from './session';

const ORIGIN = 'https://chatgpt.com';
/** Minimum gap between two API requests (chatgpt.md §4: well-behaved tools space ~200 ms–1 s). */
const SPACING_MS = 300;

let token: string | null = null;
let lastSent = 0;
let queue: Promise<void> = Promise.resolve();
let blockedUntil = 0;

/** When each API request left (epoch ms), for diagnostics: `globalThis.__imageVaultApiLog`. */
const sent: number[] = [];
(globalThis as { __imageVaultApiLog?: number[] }).__imageVaultApiLog = sent;

/**
 * Requests take turns: each waits for the one before it, then until SPACING_MS after that
 * one actually left (and past any Retry-After block), so the spacing holds as measured.
 */
function waitForSlot(): Promise<void> {
  const turn = queue.then(async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let left = Math.max(lastSent + SPACING_MS, blockedUntil) - Date.now(); left > 0; ) {
      await sleep(left);
      left = Math.max(lastSent + SPACING_MS, blockedUntil) - Date.now();
    }
    lastSent = Date.now();
    sent.push(lastSent);
    if (sent.length > 200) sent.shift();
  });
  queue = turn.catch(() => {});
  return turn;
}

function retryAfterMs(res: { headers: Headers }): number {
  const h = res.headers.get('retry-after');
  if (!h) return 30_000;
  const secs = Number(h);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(h);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 30_000;
}

async function fetchToken(opts: ApiOptions): Promise<string> {
  await waitForSlot();
  const read = await readSession(`${ORIGIN}/api/auth/session`);
  if (read.ok) return read.accessToken;
  const viaPage = opts.sessionFallback ? await opts.sessionFallback().catch(() => null) : null;
  if (viaPage) return viaPage;
  if (read.reason === 'http error')
    throw new CaptureError(`ChatGPT session check failed (HTTP ${read.status})`, true);
  throw new CaptureError('you are not signed in to ChatGPT in this browser', false);
}

export interface ApiOptions {
  /** Team/Enterprise workspace id (`Chatgpt-Account-Id`). */
  accountId?: string | null;
  /** Reads the token another way (the page's tab) when our own request carries no session. */
  sessionFallback?: () => Promise<string | null>;
}

const what = (path: string) => (path.includes('/conversation/') ? 'this conversation' : 'this file');

/** GET a JSON resource under /backend-api with the session token. */
export async function apiGet<T = unknown>(path: string, opts: ApiOptions = {}): Promise<T> {
  for (let attempt = 0; attempt < 2; attempt++) {
    token ??= await fetchToken(opts);
    await waitForSlot();
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (opts.accountId) headers['Chatgpt-Account-Id'] = opts.accountId;
    const res = await fetchWithin(
      `${ORIGIN}${path}`,
      { headers, credentials: 'include' },
      TIMEOUT_MS.json,
      'ChatGPT',
      async (r) => {
        // Read the body inside the deadline too: a stalled body is as bad as no answer.
        const body = r.ok ? await r.json().catch(() => undefined) : undefined;
        return { status: r.status, ok: r.ok, headers: r.headers, body };
      },
    );
    if (res.status === 401) {
      token = null; // expired: fetch a fresh one and try once more
      continue;
    }
    if (res.status === 429) {
      const wait = retryAfterMs(res);
      blockedUntil = Date.now() + wait;
      throw new CaptureError('ChatGPT asked us to slow down (rate limit)', true, wait);
    }
    if (res.status === 404) throw new CaptureError(`ChatGPT could not find ${what(path)} (HTTP 404)`, false);
    if (!res.ok) throw new CaptureError(`ChatGPT answered HTTP ${res.status}`, true);
    const body = res.body;
    if (body === undefined) throw new CaptureError('ChatGPT answered with something that is not JSON', true);
    return body as T;
  }
  throw new CaptureError('ChatGPT refused the session token twice (signed out?)', true);
}

export function getConversation(conversationId: string, opts?: ApiOptions): Promise<unknown> {
  return apiGet(`/backend-api/conversation/${encodeURIComponent(conversationId)}`, opts);
}

interface DownloadReply {
  status?: string;
  download_url?: string;
  error_message?: string;
}

/** Asks ChatGPT for a fresh download URL of a file (new endpoint, then the older one). */
export async function getDownloadUrl(
  fileId: string,
  conversationId: string | null,
  opts?: ApiOptions,
): Promise<string> {
  const q = conversationId ? `?conversation_id=${encodeURIComponent(conversationId)}&inline=false` : '';
  const paths = [
    `/backend-api/files/download/${encodeURIComponent(fileId)}${q}`,
    `/backend-api/files/${encodeURIComponent(fileId)}/download`,
  ];
  let lastError: unknown;
  for (const p of paths) {
    try {
      const reply = await apiGet<DownloadReply>(p, opts);
      if (reply.status === 'success' && typeof reply.download_url === 'string') return reply.download_url;
      lastError = new CaptureError(
        `ChatGPT would not give a download link: ${reply.error_message ?? 'no reason'}`,
        false,
      );
    } catch (err) {
      lastError = err;
      if (err instanceof CaptureError && err.retryAfterMs !== undefined) throw err;
    }
  }
  throw lastError;
}
