/**
 * The loopback proxy Firefox is pointed at (prefs in ./prefs.ts): every request of the tabs
 * AND of the add-on's background page passes here, because WebDriver BiDi never reports the
 * background page's requests (docs/testing.md §Firefox layer). `CONNECT` to a simulated host is
 * answered with a throwaway self-signed certificate and each request inside goes to the same
 * simulator as the Chromium tests (`sim.respond`); every other host gets 502, so nothing leaves
 * 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply, SimIncoming, Simulator } from '../../sim';

const here = dirname(fileURLToPath(import.meta.url));

/** The hosts the simulator serves; any other host is refused. */
export function isSimulatedHost(host: string): boolean {
  return (
    host === 'chatgpt.com' ||
    host === 'chat.openai.com' ||
    host === 'files.oaiusercontent.com' ||
    host.endsWith('.blob.core.windows.net')
  );
}

/** A refused request: the host and how it was asked for. */
export interface Refused {
  host: string;
  how: 'connect' | 'http';
}

/** A request the proxy holds unanswered (see `SimProxy.holdNext`). */
export interface Held {
  /** Resolves when the request arrived. */
  arrived: Promise<void>;
  /** Resolves when the browser dropped it (e.g. its background page was suspended). */
  dropped: Promise<void>;
}

export interface SimProxy {
  port: number;
  /**
   * Holds the next request that `match`es, never answering it: the way a test catches the
   * add-on mid-capture (as `onWorkerRequest` does in Chromium).
   */
  holdNext(match: (url: URL, fromAddon: boolean) => boolean): Held;
  /** Hosts refused so far (a test may assert it stays free of real hosts it cares about). */
  refused: Refused[];
  close(): Promise<void>;
}

/**
 * The request as the simulator reads it. A proxy cannot see which context sent a request, so
 * the add-on's background is told apart by its headers: its fetches carry no Referer (seen in
 * Firefox 153), while every request of a page, its sub-resources and fetches, does, and a
 * navigation is the page's.
 */
function incoming(req: IncomingMessage, url: string): SimIncoming {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = String(v);
  const fromAddon =
    (headers.origin ?? '').startsWith('moz-extension://') ||
    (!headers.referer && headers['sec-fetch-mode'] !== 'navigate');
  return {
    url: () => url,
    method: () => req.method ?? 'GET',
    headers: () => headers,
    resourceType: () => headers['sec-fetch-dest'] ?? 'other',
    serviceWorker: () => (fromAddon ? {} : null),
  };
}

function send(res: ServerResponse, url: string, r: Reply): void {
  if (r.abort || r.hang) {
    // 'abort' is a network error; a 'hang' is played as one too (nothing here holds sockets).
    res.socket?.destroy();
    return;
  }
  res.writeHead(r.status, {
    // As in the Playwright path (e2e/sim/routes.ts `fulfil`): a reply without CORS names its own origin.
    'access-control-allow-origin': new URL(url).origin,
    ...(r.contentType ? { 'content-type': r.contentType } : {}),
    ...r.headers,
  });
  res.end(r.body ?? '');
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of `sim`. */
export async function startProxy(sim: Simulator): Promise<SimProxy> {
  const refused: Refused[] = [];
  const holds: { match: (url: URL, fromAddon: boolean) => boolean; arrive(): void; drop(): void }[] = [];
  const serve = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    // A proxied plain-http request carries the absolute URL; one inside a tunnel, only the path.
    const url = /^https?:\/\//.test(req.url ?? '') ? req.url! : `${scheme}://${req.headers.host}${req.url}`;
    const host = new URL(url).hostname;
    if (!isSimulatedHost(host)) {
      refused.push({ host, how: 'http' });
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const asked = incoming(req, url);
    const hold = holds.findIndex((h) => h.match(new URL(url), Boolean(asked.serviceWorker())));
    if (hold >= 0) {
      const [h] = holds.splice(hold, 1);
      h!.arrive();
      res.on('close', h!.drop);
      return;
    }
    send(res, url, sim.respond(asked));
  };
  const tls = createHttpsServer(
    { key: readFileSync(join(here, 'test-key.pem')), cert: readFileSync(join(here, 'test-cert.pem')) },
    serve('https'),
  );
  const proxy: Server = createServer(serve('http'));
  const sockets = new Set<Socket>();
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!isSimulatedHost(host)) {
      refused.push({ host, how: 'connect' });
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    refused,
    holdNext: (match) => {
      let arrive = () => {};
      let drop = () => {};
      const arrived = new Promise<void>((r) => {
        arrive = r;
      });
      const dropped = new Promise<void>((r) => {
        drop = r;
      });
      holds.push({ match, arrive, drop });
      return { arrived, dropped };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => resolve());
      }),
  };
}
