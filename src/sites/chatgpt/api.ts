/**
 * ChatGPT's internal backend API, called with the user's own session exactly as the page
 * does (docs/chatgpt.md §Internal API). Every request goes through the one request budget
 * (sites/chatgpt/request-budget.ts): spaced, counted, by priority; a 429 blocks every caller
 * until Retry-After. 401 refreshes the token once. Every failure is a CaptureError with
 * words a user can read; a wait longer than the caller accepts is a BudgetWaitError.
 */
import { CaptureError } from '../../core/queue';
import { BudgetWaitError } from '../../core/request-budget';
import { fetchWithin, retryAfterMs, TIMEOUT_MS } from './http';
import { budget, type Priority } from './request-budget';
import { readSession } from './session';

const ORIGIN = 'https://chatgpt.com';
/**
 * Longest a call waits for the budget by default before giving its caller back a
 * BudgetWaitError: a capture job should not hold one of the queue's two slots for minutes.
 */
export const DEFAULT_MAX_WAIT_MS = 10_000;

/** The session token, shared: callers that start together (capture, a library check) read it once. */
let token: Promise<string> | null = null;

function sessionToken(opts: ApiOptions): Promise<string> {
  if (token) return token;
  const reading = fetchToken(opts);
  token = reading;
  reading.catch(() => {
    if (token === reading) token = null;
  });
  return reading;
}

const slot = (opts: ApiOptions) =>
  budget.take(opts.priority ?? 'live', 1, { maxWaitMs: opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS });

async function fetchToken(opts: ApiOptions): Promise<string> {
  await slot(opts);
  const read = await readSession(`${ORIGIN}/api/auth/session`);
  if (read.ok) return read.accessToken;
  const viaPage = opts.sessionFallback ? await opts.sessionFallback().catch(() => null) : null;
  if (viaPage) return viaPage;
  if (read.reason === 'http error' && read.status === 429)
    throw new BudgetWaitError(await budget.rateLimited(null), 'blocked');
  if (read.reason === 'http error')
    throw new CaptureError(`ChatGPT session check failed (HTTP ${read.status})`, true);
  throw new CaptureError('you are not signed in to ChatGPT in this browser', false);
}

export interface ApiOptions {
  /** Team/Enterprise workspace id (`Chatgpt-Account-Id`). */
  accountId?: string | null;
  /** Reads the token another way (the page's tab) when our own request carries no session. */
  sessionFallback?: () => Promise<string | null>;
  /** Whose request this is, for the budget (default 'live': capture). */
  priority?: Priority;
  /** See DEFAULT_MAX_WAIT_MS; pass Infinity to wait as long as the budget says. */
  maxWaitMs?: number;
}

/** ChatGPT answered 404: the conversation or file no longer exists (not retryable). */
export class NotFoundError extends CaptureError {
  constructor(message: string) {
    super(message, false);
  }
}

const what = (path: string) => (path.includes('/conversation/') ? 'this conversation' : 'this file');

/** GET a JSON resource under /backend-api with the session token. */
export async function apiGet<T = unknown>(path: string, opts: ApiOptions = {}): Promise<T> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const bearer = await sessionToken(opts);
    await slot(opts);
    const headers: Record<string, string> = { Authorization: `Bearer ${bearer}` };
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
      // Expired: fetch a fresh one and try once more (unless another caller already did).
      if (token && (await token.catch(() => null)) === bearer) token = null;
      continue;
    }
    if (res.status === 429) {
      // Everyone stops, not just this caller, and the block survives a worker restart.
      throw new BudgetWaitError(await budget.rateLimited(retryAfterMs(res.headers)), 'blocked');
    }
    if (res.status === 404) throw new NotFoundError(`ChatGPT could not find ${what(path)} (HTTP 404)`);
    if (!res.ok) throw new CaptureError(`ChatGPT answered HTTP ${res.status}`, true);
    const body = res.body;
    if (body === undefined) throw new CaptureError('ChatGPT answered with something that is not JSON', true);
    await budget.succeeded();
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
