/**
 * The simulated servers: chatgpt.com (pages, `/api/auth/session`, `/backend-api/*`, estuary),
 * files.oaiusercontent.com (signed CDN) and chat.openai.com (redirects). Everything else is
 * logged as `other-host` and aborted, so no test touches the network.
 */
import type { Request, Route } from '@playwright/test';
import type { SimFile } from './files';
import type { Simulator } from './simulator';

/** What a request was, for counting. */
export type RouteKind =
  | 'page'
  | 'session'
  | 'conversation'
  | 'conversations'
  | 'projects'
  | 'project-conversations'
  | 'image-library'
  | 'download'
  | 'estuary'
  | 'cdn'
  | 'asset'
  | 'sim'
  | 'unknown'
  | 'other-host';

export interface SimRequest {
  at: number;
  kind: RouteKind;
  method: string;
  url: string;
  host: string;
  path: string;
  /** `worker`: the extension's service worker; `page`: the page or its content script. */
  from: 'page' | 'worker';
  resourceType: string;
  status: number;
  headers: Record<string, string>;
}

export interface Reply {
  status: number;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  abort?: boolean;
  /** Never answer (fault preset 'hang'): held until `sim.releaseHung()` or the context closes. */
  hang?: boolean;
}

/**
 * What the simulator reads of a request: the part of Playwright's `Request` it uses, so another
 * browser's harness can pass its own (`serviceWorker()` is truthy for the extension's background).
 */
export type SimIncoming = Pick<Request, 'url' | 'method' | 'headers' | 'resourceType'> & {
  serviceWorker(): unknown;
};

export const SESSION_COOKIE = '__Secure-next-auth.session-token';

const CONV_RE = /^\/(?:share|c|g\/[a-z0-9-]+\/c)\/([a-z0-9-]+)/i;

export function conversationIdFromPath(path: string): string | null {
  return CONV_RE.exec(path)?.[1] ?? null;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, contentType: 'application/json', body: JSON.stringify(body), headers };
}

function cookies(req: SimIncoming): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of (req.headers().cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) m.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return m;
}

function azureError(code: string, message: string): Reply {
  return {
    status: code === 'BlobNotFound' ? 404 : 403,
    contentType: 'application/xml',
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

export function classify(url: URL): RouteKind {
  const p = url.pathname;
  if (url.hostname === 'files.oaiusercontent.com') return 'cdn';
  if (url.hostname !== 'chatgpt.com' && url.hostname !== 'chat.openai.com') return 'other-host';
  if (p.startsWith('/__sim/')) return 'sim';
  if (p === '/api/auth/session') return 'session';
  if (p === '/backend-api/estuary/content') return 'estuary';
  if (p.startsWith('/cdn/assets/')) return 'asset';
  if (/^\/backend-api\/conversation\/[^/]+$/.test(p)) return 'conversation';
  if (p === '/backend-api/conversations') return 'conversations';
  if (p === '/backend-api/gizmos/snorlax/sidebar') return 'projects';
  if (/^\/backend-api\/gizmos\/[^/]+\/conversations$/.test(p)) return 'project-conversations';
  if (p === '/backend-api/my/recent/image_gen') return 'image-library';
  if (
    /^\/backend-api\/(files\/download\/[^/]+|files\/[^/]+\/download|conversation\/[^/]+\/attachment\/[^/]+\/download)$/.test(
      p,
    )
  )
    return 'download';
  if (p.startsWith('/backend-api/') || p.startsWith('/api/')) return 'unknown';
  return 'page';
}

/** Answers one request; `sim` holds the state. */
export function answer(sim: Simulator, req: SimIncoming, url: URL, kind: RouteKind): Reply {
  if (url.hostname === 'chat.openai.com' && sim.options.legacyHost === 'redirect' && kind === 'page') {
    // A fulfilled 3xx on a navigation fails in Chromium under interception (ERR_NAME_NOT_RESOLVED),
    // so the server-side redirect of the real host is played as an immediate client-side one.
    const to = `https://chatgpt.com${url.pathname}${url.search}`;
    return {
      status: 200,
      contentType: 'text/html',
      body: `<!DOCTYPE html><meta http-equiv="refresh" content="0;url=${to}"><script>location.replace(${JSON.stringify(to)})</script>`,
    };
  }
  const c = cookies(req);
  const hasSession = c.get(SESSION_COOKIE) === sim.sessionToken;
  switch (kind) {
    case 'other-host':
      return { status: 0, abort: true };
    case 'sim':
      return json(200, sim.renderModel(url.searchParams.get('path') ?? '/'));
    case 'page':
      return (
        sim.takeFault('page', req) ?? {
          status: 200,
          contentType: 'text/html',
          body: sim.pageHtml(url.pathname),
        }
      );
    case 'asset': {
      const file = sim.files.get(url.pathname.replace(/^\/cdn\/assets\//, '').replace(/\.png$/, ''));
      return file ? image(sim, file) : { status: 404, contentType: 'text/plain', body: 'Not found' };
    }
    case 'session': {
      const f = sim.takeFault('session', req);
      if (f) return f;
      return json(200, hasSession ? sim.issueSession() : {});
    }
    case 'estuary': {
      if (!hasSession) return { status: 403, contentType: 'text/plain', body: 'File stream access denied' };
      const f = sim.takeFault('estuary', req);
      if (f) return f;
      // An expired link: the same refusal as without the cookie (assumed: no fixture shows one).
      if (sim.estuaryExpired(url))
        return { status: 403, contentType: 'text/plain', body: 'File stream access denied' };
      if (sim.library.isExpired(url)) return { status: 403, contentType: 'text/plain', body: 'Link expired' };
      const id = url.searchParams.get('id') ?? '';
      // A composite id (`{hash}#file_…#thumbnail`, docs/chatgpt.md §Live DOM) names a smaller preview.
      const composite = /^[0-9a-f]+#(file[-_][A-Za-z0-9_-]+)#thumbnail$/.exec(id);
      const file = sim.files.get(composite?.[1] ?? id);
      if (file?.host !== 'estuary') return { status: 404, contentType: 'text/plain', body: 'Not found' };
      const cache = { 'cache-control': 'private, max-age=1209600' };
      if (composite)
        return { status: 200, contentType: 'image/png', body: sim.files.thumbnail(file), headers: cache };
      return image(sim, file, cache);
    }
    case 'cdn': {
      const f = sim.takeFault('cdn', req);
      if (f) return withCors(sim, f);
      const fileId = url.pathname.slice(1);
      const file = sim.files.get(fileId);
      if (file?.host !== 'cdn')
        return withCors(sim, azureError('BlobNotFound', 'The specified blob does not exist.'));
      const check = sim.files.checkCdn(fileId, url.searchParams);
      if (check === 'expired')
        return withCors(
          sim,
          azureError(
            'AuthenticationFailed',
            'Signed expiry time has passed. Server failed to authenticate the request.',
          ),
        );
      if (check === 'bad-signature')
        return withCors(sim, azureError('AuthenticationFailed', 'Signature did not match.'));
      return withCors(sim, image(sim, file));
    }
    default:
      return backend(sim, req, url, kind);
  }
}

function withCors(sim: Simulator, r: Reply): Reply {
  return sim.options.cdnCors ? { ...r, headers: { ...r.headers, 'access-control-allow-origin': '*' } } : r;
}

function image(sim: Simulator, file: SimFile, headers: Record<string, string> = {}): Reply {
  return { status: 200, contentType: file.mimeType, body: sim.files.body(file), headers };
}

/** `/backend-api/*` behind `Authorization: Bearer` (and `Chatgpt-Account-Id` in workspace mode). */
function backend(sim: Simulator, req: SimIncoming, url: URL, kind: RouteKind): Reply {
  const auth = /^Bearer (.+)$/.exec(req.headers().authorization ?? '')?.[1];
  const tokenState = sim.checkToken(auth);
  if (tokenState === 'missing') return json(401, { detail: 'Unauthorized - Access token is missing' });
  if (tokenState === 'expired')
    return json(401, {
      detail: {
        message: 'Your authentication token has expired. Please try signing in again.',
        code: 'token_expired',
      },
    });
  if (tokenState === 'invalid')
    return json(401, { detail: 'Could not parse your authentication token. Please try signing in again.' });
  if (sim.options.accountId && req.headers()['chatgpt-account-id'] !== sim.options.accountId) {
    // Without the workspace header the request is answered for the personal workspace.
    if (kind === 'conversation')
      return json(404, { detail: `Can't load conversation ${url.pathname.split('/').pop()}` });
    if (kind === 'download') return json(404, fileError());
    if (kind === 'conversations' || kind === 'image-library')
      return json(200, { items: [], total: 0, cursor: null });
  }
  const f = sim.takeFault(kind, req);
  if (f) return f;
  const missing = sim.takeMissingFields(kind);
  switch (kind) {
    case 'conversation': {
      const conv = sim.conversationById(url.pathname.split('/').pop() ?? '');
      if (!conv) return json(404, { detail: `Can't load conversation ${url.pathname.split('/').pop()}` });
      const body = conv.toJson();
      if (missing) {
        delete body.mapping;
        delete body.current_node;
      }
      return json(200, body);
    }
    case 'download': {
      const p = url.pathname.split('/');
      const fileId = p[3] === 'download' ? p[4]! : p[2] === 'files' ? p[3]! : p[5]!;
      const file = sim.files.get(fileId);
      if (!file || file.host === 'asset') return json(404, fileError());
      if (missing) return json(200, { status: 'success' });
      return json(200, {
        status: 'success',
        download_url: sim.files.url(file),
        metadata: {},
        file_name: file.fileName,
        creation_time: null,
        file_size_bytes: sim.files.body(file).length,
        mime_type: file.mimeType,
      });
    }
    case 'conversations':
      // As ChatGPT: more than 100 a page is refused (docs/chatgpt.md §Endpoints).
      if (Number(url.searchParams.get('limit') ?? 28) > 100)
        return json(422, {
          detail: [
            {
              type: 'less_than_equal',
              loc: ['query', 'limit'],
              msg: 'Input should be less than or equal to 100',
            },
          ],
        });
      return json(200, sim.conversationList(url.searchParams));
    case 'projects':
      return json(200, sim.projectSidebar(url.searchParams));
    case 'project-conversations':
      return json(
        200,
        sim.projectConversations(decodeURIComponent(url.pathname.split('/')[3] ?? ''), url.searchParams),
      );
    case 'image-library':
      return json(200, sim.imageLibrary(url.searchParams));
    default:
      return json(404, { detail: 'Not Found' });
  }
}

function fileError() {
  return { status: 'error', error_code: 'file_not_found', error_message: 'File not found' };
}

/** Fulfils a Playwright route with a reply. */
export async function fulfil(route: Route, r: Reply): Promise<void> {
  if (r.abort) return route.abort('blockedbyclient');
  // Playwright adds permissive CORS headers (ACAO = the request's Origin, with credentials) to
  // any fulfilled cross-origin reply that has none (microsoft/playwright#12929). Real servers
  // don't, so a reply without CORS names its own origin: cross-origin pages are refused as for real.
  const own = new URL(route.request().url()).origin;
  await route.fulfill({
    status: r.status,
    headers: {
      'access-control-allow-origin': own,
      ...(r.contentType ? { 'content-type': r.contentType } : {}),
      ...r.headers,
    },
    body: r.body ?? '',
  });
}
