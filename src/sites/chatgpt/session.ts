/**
 * Reading the session's access token (docs/chatgpt.md §Token): `GET /api/auth/session`
 * with the cookies answers `{accessToken, …}`, or `{}` when signed out. The one place that
 * knows this, used by the worker's API client and by the content script's fallback.
 */
import { fetchWithin, TIMEOUT_MS } from './http';

export type SessionRead =
  | { ok: true; accessToken: string }
  | { ok: false; status: number; reason: 'signed out' | 'http error' };

/** Reads the token from `url` (absolute in the worker, `/api/auth/session` in the page). */
export function readSession(url = 'https://chatgpt.com/api/auth/session'): Promise<SessionRead> {
  return fetchWithin(url, { credentials: 'include' }, TIMEOUT_MS.session, 'ChatGPT', async (res) => {
    if (!res.ok) return { ok: false as const, status: res.status, reason: 'http error' as const };
    const body = (await res.json().catch(() => null)) as { accessToken?: unknown } | null;
    return typeof body?.accessToken === 'string' && body.accessToken
      ? { ok: true as const, accessToken: body.accessToken }
      : { ok: false as const, status: res.status, reason: 'signed out' as const };
  });
}
