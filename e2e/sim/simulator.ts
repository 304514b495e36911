/**
 * The ChatGPT simulator: installs routes on a Playwright browser context so the extension's
 * real manifest match patterns apply and no request leaves the machine. See docs/testing.md.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
  type ConversationOptions,
  type DalleOptions,
  type GptImageOptions,
  SimConversation,
  type SimImage,
} from './conversation';
import { FileStore, type Served, type SimFile } from './files';
import { Ids } from './ids';
import { SimLibrary } from './library';
import { pageHtml } from './page-app';
import type { RenderModel } from './render-model';
import {
  answer,
  classify,
  conversationIdFromPath,
  fulfil,
  type Reply,
  type RouteKind,
  SESSION_COOKIE,
  type SimIncoming,
  type SimRequest,
} from './routes';
import { TokenBucket } from './token-bucket';

export interface SimulatorOptions {
  /** Seed of ids and pixels (default 1). */
  seed: number;
  /** chat.openai.com: 'redirect' to chatgpt.com (default, as today) or 'serve' the app too. */
  legacyHost: 'redirect' | 'serve';
  /** Lifetime of access tokens from /api/auth/session (default 1 h). */
  tokenTtlMs: number;
  /** Lifetime of newly signed CDN URLs (default 1 h). */
  cdnTtlMs: number;
  /** Send `Access-Control-Allow-Origin: *` from the CDN (default false). */
  cdnCors: boolean;
  /** SameSite of the session cookie (default 'None'; see docs/chatgpt.md §Image bytes for why not 'Lax'). */
  sessionCookieSameSite: 'None' | 'Lax' | 'Strict';
  /** Workspace mode: sets the `_account` cookie and requires `Chatgpt-Account-Id` on /backend-api. */
  accountId: string | null;
  /** Set the session cookie at install (default true). */
  loggedIn: boolean;
  /** Lifetime of estuary URLs from their `ts=` (default null: they never expire). */
  estuaryTtlMs: number | null;
}

/** `sim.rateLimit(…)`: a token bucket over some kinds of request (docs/testing.md §Rate limiter). */
export interface RateLimitOptions {
  /** Requests served at once from a full bucket. */
  bucket: number;
  /** Tokens back per minute. */
  refillPerMin: number;
  /** Kinds counted (default the API reads: conversation, conversations, image-library, download). */
  kinds?: RouteKind[];
  /** Only requests of the extension's service worker ('worker') or of pages ('page'). */
  from?: 'worker' | 'page';
}

/** One request the limiter refused. */
export interface RateLimited {
  at: number;
  kind: RouteKind;
  url: string;
  from: 'worker' | 'page';
  retryAfterS: number;
}

/** A canned failure, or a reply of your own. */
export type FaultPreset =
  | 'rate-limit'
  | 'html-200'
  | 'missing-fields'
  | 'server-error'
  | 'not-found'
  | 'forbidden'
  | 'abort'
  | 'hang';

export interface FaultOptions {
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Only requests whose URL contains this string / matches this RegExp. */
  match?: string | RegExp;
  /** Retry-After seconds for 'rate-limit' (default 1). */
  retryAfter?: number;
  /** Only requests of the extension's service worker ('worker') or of pages ('page'). */
  from?: 'worker' | 'page';
}

interface Fault {
  kind: RouteKind;
  reply: Reply | 'missing-fields';
  left: number;
  match?: string | RegExp;
  from?: 'worker' | 'page';
}

export interface GenerateSpec {
  /** The user's prompt (a user turn is added first). */
  prompt: string;
  gptImage?: GptImageOptions;
  dalle?: DalleOptions;
  /** Milliseconds between phases when not manual (default 150). */
  stepMs?: number;
  /** Phases advance only on `step()`. */
  manual?: boolean;
}

export interface LiveGeneration {
  images: SimImage[];
  /** Advances one phase (partial frame, then final). Resolves false once finished. */
  step(): Promise<boolean>;
  /** Resolves when the turn finished (final frames shown, stop button gone). */
  done: Promise<void>;
  readonly finished: boolean;
}

const DEFAULTS: SimulatorOptions = {
  seed: 1,
  legacyHost: 'redirect',
  tokenTtlMs: 60 * 60 * 1000,
  cdnTtlMs: 60 * 60 * 1000,
  cdnCors: false,
  sessionCookieSameSite: 'None',
  accountId: null,
  loggedIn: true,
  estuaryTtlMs: null,
};

export class Simulator {
  readonly origin = 'https://chatgpt.com';
  readonly options: SimulatorOptions;
  readonly ids: Ids;
  readonly files: FileStore;
  /** Every request seen, in order. */
  readonly requests: SimRequest[] = [];
  readonly sessionToken: string;
  private readonly conversations: SimConversation[] = [];
  private readonly faults: Fault[] = [];
  private readonly missingFields = new Set<RouteKind>();
  private readonly tokens = new Map<string, number>();
  private tokenCount = 0;
  private readonly avatar: SimFile;
  private readonly hung = new Set<() => void>();
  private limiter: { bucket: TokenBucket; kinds: Set<RouteKind>; from?: 'worker' | 'page' } | null = null;
  /** Every request the rate limiter answered 429, in order. */
  readonly rateLimited: RateLimited[] = [];
  /** Estuary URLs with `ts=` at or before this (epoch s) are expired. */
  private estuaryCutoffS = -1;
  /** The image library's paging, flags, expiring links and deleted conversations (library.ts). */
  readonly library = new SimLibrary();

  constructor(
    readonly context: BrowserContext,
    options: Partial<SimulatorOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.ids = new Ids(this.options.seed);
    this.files = new FileStore(this.ids, () => this.origin);
    this.files.cdnTtlMs = this.options.cdnTtlMs;
    this.sessionToken = `sess-${this.ids.base62(40)}`;
    this.avatar = this.files.add({
      fileId: `avatar-${this.ids.hex(8)}`,
      kind: 'avatar',
      host: 'asset',
      mimeType: 'image/png',
      width: 96,
      height: 96,
      realistic: false,
      conversationId: null,
    });
  }

  /** Routes every http(s) request of the context and sets the session cookie. */
  async install(): Promise<this> {
    await this.context.route(
      (url) => url.protocol === 'https:' || url.protocol === 'http:',
      async (route) => {
        const reply = this.respond(route.request());
        if (reply.hang) {
          // A request that never answers: held until released, then aborted (the client gave up long ago).
          await new Promise<void>((release) => this.hung.add(release));
          await route.abort('timedout').catch(() => {});
          return;
        }
        await fulfil(route, reply).catch(() => {});
      },
    );
    this.context.on('close', () => this.releaseHung());
    if (this.options.loggedIn) await this.login();
    return this;
  }

  /**
   * Answers one request and logs it: the whole simulator, free of Playwright's routing, so a
   * harness for another browser (e2e/harness/firefox/) can serve the same replies.
   */
  respond(req: SimIncoming): Reply {
    const url = new URL(req.url());
    const kind = classify(url);
    let reply: Reply;
    try {
      reply = this.limit(kind, req) ?? answer(this, req, url, kind);
    } catch (e) {
      reply = { status: 500, contentType: 'text/plain', body: `simulator error: ${String(e)}` };
      console.error('[sim]', e);
    }
    this.requests.push({
      at: Date.now(),
      kind,
      method: req.method(),
      url: req.url(),
      host: url.hostname,
      path: url.pathname,
      from: req.serviceWorker() ? 'worker' : 'page',
      resourceType: req.resourceType(),
      status: reply.abort ? 0 : reply.status,
      headers: req.headers(),
    });
    return reply;
  }

  /** Sets the session cookie (and `_account` in workspace mode) for both hosts. */
  async login(): Promise<void> {
    const sameSite = this.options.sessionCookieSameSite;
    const cookies = ['.chatgpt.com', '.chat.openai.com'].flatMap((domain) => [
      {
        name: SESSION_COOKIE,
        value: this.sessionToken,
        domain,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite,
      },
      ...(this.options.accountId
        ? [
            {
              name: '_account',
              value: this.options.accountId,
              domain,
              path: '/',
              secure: true,
              httpOnly: false,
              sameSite,
            },
          ]
        : []),
    ]);
    await this.context.addCookies(cookies);
  }

  /** Removes the session cookie: estuary answers 403, /api/auth/session answers `{}`. */
  async logout(): Promise<void> {
    await this.context.clearCookies({ name: SESSION_COOKIE });
  }

  /** A new conversation; build it with the returned builder. */
  conversation(opts: ConversationOptions = {}): SimConversation {
    const c = new SimConversation(this.ids, this.files, opts);
    this.conversations.push(c);
    return c;
  }

  conversationById(id: string): SimConversation | undefined {
    if (this.library.deleted.has(id)) return undefined;
    return this.conversations.find((c) => c.id === id);
  }

  /** Every generated image of every conversation. */
  images(): SimImage[] {
    return this.conversations.flatMap((c) => c.images);
  }

  /** The bytes served for a file, with their SHA-256. */
  served(fileId: string): Served {
    return this.files.served(fileId);
  }

  /** Absolute URL of a conversation (or of a path). */
  url(target: SimConversation | string): string {
    return `${this.origin}${typeof target === 'string' ? target : target.path}`;
  }

  /** Loads a conversation (or path) in the page and waits for the app's `sim-ready`. */
  async open(page: Page, target: SimConversation | string): Promise<Page> {
    await page.goto(this.url(target));
    await page.waitForFunction(() => (window as unknown as SimWindow).__sim?.state.ready === true);
    return page;
  }

  /** SPA navigation (history.pushState), like a click in the sidebar. */
  async navigate(page: Page, target: SimConversation | string): Promise<void> {
    const path = typeof target === 'string' ? target : target.path;
    await page.evaluate((p) => (window as unknown as SimWindow).__sim.navigate(p), path);
  }

  /**
   * Makes the page generate a new turn live: a user turn, then an assistant turn with the stop
   * button and (gpt-image, progressive) partial frames, then the final images. The JSON shows
   * the tool message `in_progress` until the final frame is on the page.
   */
  async generate(page: Page, conv: SimConversation, spec: GenerateSpec): Promise<LiveGeneration> {
    conv.user(spec.prompt);
    const userKey = conv.lastTurnKey()!;
    const model = spec.gptImage ? 'gpt-image' : 'dalle3';
    const opts = spec.gptImage ?? spec.dalle;
    if (!opts) throw new Error('generate: give gptImage or dalle');
    const live = conv.imageTurn(model, opts, true);
    const turns = [conv.renderTurn(userKey), conv.renderTurn(live.turnKey)];
    await page.evaluate(([id, path, t]) => (window as unknown as SimWindow).__sim.begin(id, path, t), [
      conv.id,
      conv.path,
      turns,
    ] as const);
    const phases: (() => Promise<void>)[] = [];
    const maxPartials = Math.max(0, ...live.partialFiles.map((p) => p.length));
    for (let k = 0; k < maxPartials; k++) {
      phases.push(async () => {
        for (const [i, partials] of live.partialFiles.entries()) {
          const f = partials[k];
          if (!f) continue;
          const frame = {
            src: this.files.url(f),
            alt: '',
            role: 'partial' as const,
            width: f.width,
            height: f.height,
          };
          frame.alt = live.finalTiles()[i]!.frames.at(-1)!.alt;
          await page.evaluate(
            ([key, idx, fr]) => (window as unknown as SimWindow).__sim.frame(key, idx, fr),
            [live.turnKey, i, frame] as const,
          );
        }
      });
    }
    phases.push(async () => {
      live.finish();
      const turn = conv.renderTurn(live.turnKey);
      await page.evaluate(([key, t]) => (window as unknown as SimWindow).__sim.finish(key, t), [
        live.turnKey,
        turn,
      ] as const);
    });
    let resolveDone: () => void = () => {};
    const done = new Promise<void>((r) => {
      resolveDone = r;
    });
    let chain = Promise.resolve();
    const step = (): Promise<boolean> => {
      chain = chain.then(async () => {
        const next = phases.shift();
        if (!next) return;
        await next().catch(() => {});
        if (phases.length === 0) resolveDone();
      });
      return chain.then(() => phases.length > 0);
    };
    if (!spec.manual) {
      const stepMs = spec.stepMs ?? 150;
      void (async () => {
        while (await new Promise<boolean>((r) => setTimeout(() => step().then(r), stepMs)));
      })();
    }
    return {
      images: live.images,
      step,
      done,
      get finished() {
        return live.isFinished();
      },
    };
  }

  /** How many requests a 'hang' fault is holding now. */
  get hanging(): number {
    return this.hung.size;
  }

  /** Aborts every request held by a 'hang' fault (also done when the context closes). */
  releaseHung(): void {
    const held = [...this.hung];
    this.hung.clear();
    for (const release of held) release();
  }

  /** Makes every access token issued so far expired: clients must refetch /api/auth/session. */
  expireTokens(): void {
    for (const t of this.tokens.keys()) this.tokens.set(t, 0);
  }

  /** Makes every CDN URL signed so far (for one file or all) answer 403. */
  expireCdnUrls(fileId?: string): void {
    this.files.expireCdnUrls(fileId);
  }

  /**
   * Turns on a token-bucket rate limiter (null turns it off): each request of the given kinds
   * takes a token; with none left it is answered 429 with `Retry-After` (whole seconds until
   * the next token) and logged in `rateLimited`. Refused requests cost nothing, as a client
   * that honours Retry-After expects. The bucket starts full.
   */
  rateLimit(opts: RateLimitOptions | null): void {
    this.limiter = opts && {
      bucket: new TokenBucket(opts.bucket, opts.refillPerMin, Date.now()),
      kinds: new Set(
        opts.kinds ?? [
          'conversation',
          'conversations',
          'projects',
          'project-conversations',
          'image-library',
          'download',
        ],
      ),
      from: opts.from,
    };
  }

  /** The limiter's 429, or null when the request may pass. */
  private limit(kind: RouteKind, req: SimIncoming): Reply | null {
    const l = this.limiter;
    const from = req.serviceWorker() ? 'worker' : 'page';
    if (!l?.kinds.has(kind) || (l.from && l.from !== from)) return null;
    const v = l.bucket.take(Date.now());
    if (v.ok) return null;
    const retryAfterS = Math.max(1, Math.ceil(v.retryAfterMs / 1000));
    this.rateLimited.push({ at: Date.now(), kind, url: req.url(), from, retryAfterS });
    return preset('rate-limit', { retryAfter: retryAfterS }) as Reply;
  }

  /** Makes every estuary URL handed out so far answer 403 (new ones are fine). */
  expireEstuaryUrls(): void {
    this.estuaryCutoffS = Math.floor(Date.now() / 1000);
  }

  /** Used by the routes: whether an estuary URL's `ts=` is past its lifetime or expired by a test. */
  estuaryExpired(url: URL): boolean {
    const ts = Number(url.searchParams.get('ts'));
    if (!Number.isFinite(ts)) return false;
    const ttl = this.options.estuaryTtlMs;
    return ts <= this.estuaryCutoffS || (ttl !== null && Date.now() > ts * 1000 + ttl);
  }

  /**
   * Makes the next matching requests of a kind fail. Presets: 'rate-limit' (429 + Retry-After),
   * 'html-200' (200 text/html error page), 'missing-fields' (JSON without the expected fields),
   * 'server-error' (500), 'not-found' (404), 'forbidden' (403), 'abort' (network error),
   * 'hang' (never answers; see `releaseHung`).
   */
  fault(kind: RouteKind, fault: FaultPreset | Reply, opts: FaultOptions = {}): void {
    const reply: Reply | 'missing-fields' = typeof fault === 'string' ? preset(fault, opts) : fault;
    this.faults.push({ kind, reply, left: opts.times ?? 1, match: opts.match, from: opts.from });
  }

  /** Used by the routes: the fault to answer with, if one applies. */
  takeFault(kind: RouteKind, req: SimIncoming): Reply | null {
    const f = this.faults.find(
      (x) =>
        x.kind === kind &&
        x.left > 0 &&
        (!x.from || x.from === (req.serviceWorker() ? 'worker' : 'page')) &&
        (!x.match || (typeof x.match === 'string' ? req.url().includes(x.match) : x.match.test(req.url()))),
    );
    if (!f) return null;
    f.left--;
    if (f.reply === 'missing-fields') {
      this.missingFields.add(kind);
      return null;
    }
    return f.reply;
  }

  /** Used by the routes: whether this reply must lack its expected fields. */
  takeMissingFields(kind: RouteKind): boolean {
    return this.missingFields.delete(kind);
  }

  /** Requests seen, filtered. */
  requestsOf(kind?: RouteKind, from?: 'page' | 'worker'): SimRequest[] {
    return this.requests.filter((r) => (!kind || r.kind === kind) && (!from || r.from === from));
  }

  count(kind?: RouteKind, from?: 'page' | 'worker'): number {
    return this.requestsOf(kind, from).length;
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  /** Used by the routes: a fresh session for /api/auth/session. */
  issueSession(): Record<string, unknown> {
    const n = ++this.tokenCount;
    const exp = Date.now() + this.options.tokenTtlMs;
    const payload = Buffer.from(JSON.stringify({ sim: n, exp: Math.floor(exp / 1000) })).toString(
      'base64url',
    );
    const accessToken = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.${this.ids.base62(43)}`;
    this.tokens.set(accessToken, exp);
    return {
      user: {
        id: 'user-SimUser0000000000000000',
        name: 'Sim User',
        email: 'sim@example.com',
        image: this.files.url(this.avatar),
        picture: this.files.url(this.avatar),
        idp: 'auth0',
        iat: Math.floor(Date.now() / 1000),
        mfa: false,
        groups: [],
      },
      expires: new Date(Date.now() + 30 * 86400_000).toISOString(),
      accessToken,
      authProvider: 'auth0',
    };
  }

  /** Used by the routes. */
  checkToken(token: string | undefined): 'ok' | 'missing' | 'expired' | 'invalid' {
    if (!token) return 'missing';
    const exp = this.tokens.get(token);
    if (exp === undefined) return 'invalid';
    return Date.now() < exp ? 'ok' : 'expired';
  }

  /** Used by the routes: the render model of a path. */
  renderModel(path: string): RenderModel {
    const id = conversationIdFromPath(path);
    const conv = id ? this.conversationById(id) : undefined;
    return {
      path,
      conversationId: conv?.id ?? null,
      title: conv?.title ?? 'ChatGPT',
      notFound: id !== null && !conv,
      turns: conv?.renderTurns() ?? [],
      sidebar: [...this.conversations].reverse().map((c) => ({ path: c.path, title: c.title })),
      lazyTurns: conv?.lazyTurns ?? null,
      avatarSrc: this.files.url(this.avatar),
      gizmoIcon: conv?.gizmoIcon ? this.files.url(conv.gizmoIcon) : null,
    };
  }

  /** Used by the routes. */
  pageHtml(path: string): string {
    return pageHtml(this.renderModel(path));
  }

  /** Conversations ChatGPT still has, last changed first. */
  private live(): SimConversation[] {
    return this.conversations
      .filter((c) => !this.library.deleted.has(c.id))
      .sort((a, b) => b.updateTime - a.updateTime);
  }

  /** A conversation as the lists give it (ISO times here: docs/chatgpt.md §Endpoints). */
  private listed(c: SimConversation): Record<string, unknown> {
    return {
      id: c.id,
      title: c.title,
      create_time: new Date(c.createTime * 1000).toISOString(),
      update_time: new Date(c.updateTime * 1000).toISOString(),
      gizmo_id: c.gizmoId,
      is_archived: false,
      mapping: null,
      current_node: null,
    };
  }

  /**
   * Used by the routes: `GET /backend-api/conversations` (offset paging; the routes refuse
   * limit > 100). Project conversations are not in it, as in ChatGPT's own sidebar (assumed:
   * no fixture shows the lists, docs/chatgpt.md §Endpoints); the project lists have them.
   */
  conversationList(q: URLSearchParams): Record<string, unknown> {
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit') ?? 28);
    const all = this.live().filter((c) => c.kind !== 'project');
    return {
      items: all.slice(offset, offset + limit).map((c) => this.listed(c)),
      total: all.length,
      limit,
      offset,
    };
  }

  /** Used by the routes: `GET /backend-api/gizmos/snorlax/sidebar` (one page: every project, no conversations). */
  projectSidebar(_q: URLSearchParams): Record<string, unknown> {
    const ids = [
      ...new Set(this.live().flatMap((c) => (c.kind === 'project' && c.gizmoId ? [c.gizmoId] : []))),
    ];
    return {
      items: ids.map((id) => ({
        gizmo: { gizmo: { id, display: { name: `Project ${id.slice(4, 10)}` } }, files: [] },
        conversations: { items: [], cursor: null },
      })),
      cursor: null,
    };
  }

  /** Used by the routes: `GET /backend-api/gizmos/{id}/conversations?cursor&limit` (cursor = offset). */
  projectConversations(gizmoId: string, q: URLSearchParams): Record<string, unknown> {
    const start = Number(q.get('cursor') ?? 0) || 0;
    const limit = Math.min(Number(q.get('limit') ?? 50) || 50, 100);
    const all = this.live().filter((c) => c.gizmoId === gizmoId);
    const end = start + limit;
    return {
      items: all.slice(start, end).map((c) => this.listed(c)),
      cursor: end < all.length ? String(end) : null,
    };
  }

  /** Used by the routes: `GET /backend-api/my/recent/image_gen` (gpt-image only; see library.ts). */
  imageLibrary(q: URLSearchParams): Record<string, unknown> {
    const all = this.images()
      .filter((i) => i.model === 'gpt-image' && !i.inJson)
      .reverse();
    return this.library.page(all, q, (i) => {
      const file = this.files.get(i.fileId)!;
      return {
        id: `s_${i.genId}`,
        url: this.files.url(file),
        title: i.title,
        created_at: this.conversations.find((c) => c.id === i.conversationId)?.createTime ?? 0,
        width: i.width,
        height: i.height,
        generation_id: i.genId,
        conversation_id: i.conversationId,
        message_id: i.messageId,
        asset_pointer: i.assetPointer,
        kind: 'media_generation',
        generation_type: 'image_gen',
        encodings: { thumbnail: { path: this.files.url(file) } },
      };
    });
  }

  /** Deletes a conversation in ChatGPT: its JSON and page answer 404; the library may still list its images. */
  deleteConversation(conv: SimConversation): void {
    this.library.deleted.add(conv.id);
  }
}

/** The page's `window.__sim` (see page-app.ts). */
export interface SimWindow {
  __sim: {
    state: import('./page-app').SimPageState;
    navigate(path: string): Promise<void>;
    showAllTurns(): void;
    imagesLoaded(): Promise<number>;
    begin(
      conversationId: string,
      path: string,
      turns: readonly import('./render-model').RenderTurn[],
    ): boolean;
    frame(turnKey: string, tileIndex: number, frame: import('./render-model').RenderFrame): void;
    finish(turnKey: string, turn: import('./render-model').RenderTurn): void;
  };
}

function preset(p: FaultPreset, opts: FaultOptions): Reply | 'missing-fields' {
  switch (p) {
    case 'rate-limit':
      return {
        status: 429,
        contentType: 'application/json',
        headers: { 'retry-after': String(opts.retryAfter ?? 1) },
        body: JSON.stringify({ detail: 'Too many requests in 1 hour. Try again later.' }),
      };
    case 'html-200':
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Something went wrong</body></html>',
      };
    case 'missing-fields':
      return 'missing-fields';
    case 'server-error':
      return { status: 500, contentType: 'application/json', body: '{"detail":"Internal server error"}' };
    case 'not-found':
      return { status: 404, contentType: 'application/json', body: '{"detail":"Not Found"}' };
    case 'forbidden':
      return { status: 403, contentType: 'text/plain', body: 'Forbidden' };
    case 'abort':
      return { status: 0, abort: true };
    case 'hang':
      return { status: 0, hang: true };
  }
}
