// `npm run bench:backfill`: library backfill figures for issue #9, printed (not a test).
//   node bench/backfill.mjs [--images 1000] [--conversations 150] [--limited-images 30]
// A simulator account holds N library images of 1–4 MB in ~150 conversations, never rendered
// (made "on the phone"). In one run it measures:
//  (a) throughput: the extension's backfill (started as the card's button does) against a bare
//      "fetch + IndexedDB put" loop in an extension page of the same browser;
//  (b) API requests per image, from the simulator's log (target: library pages + distinct
//      conversations), bytes and then prompts: the bench waits for the prompt queue when the
//      engine's budget lets it finish within PROMPT_WAIT_MAX_MS, else reports the reads so far
//      and the budget's floor for the rest (the budget, not the engine, is what takes hours);
//  (c) worker memory growth while saving (the worker's used JS heap, Runtime.getHeapUsage), against images done;
//  (d) with the simulator's token bucket on (sim.rateLimit): total time against the bucket's
//      theoretical minimum, in a fresh profile, with --limited-images small images and a page
//      cap, so that library pages (the API reads of the bytes phase) are what the time depends
//      on, and both the count and the backfill fit the engine's own budget: with 1–4 MB images
//      and 100 a page, two pages for 200 images never meet a bucket, and nothing is measured.
// The engine's own request budget (docs/chatgpt.md §Rate limits: bulk requests ≥ 1 s apart, a
// 50-token bucket refilling 1 per 2 min, 30 kept for others) bounds every figure: each is printed
// as measured and beside the budget's own minimum.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const load = async (p) =>
  (await runnerImport(join(ROOT, p), { configFile: false, logLevel: 'silent' })).module;
const { Simulator, bucketMinimumMs } = await load('e2e/sim/index.ts');
const { launchBrowser } = await load('e2e/harness/launch.ts');
const { makePng } = await load('e2e/sim/images.ts');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const IMAGES = arg('images', 1000);
const CONVERSATIONS = Math.min(IMAGES, arg('conversations', Math.max(1, Math.round(IMAGES * 0.15))));
const LIMITED_IMAGES = arg('limited-images', 30);
/** (d): items per library page, and ChatGPT's simulated bucket over library pages. */
const LIMITED_PAGE_CAP = 5;
const LIMITER = { bucket: 2, refillPerMin: 6, kinds: ['image-library'], from: 'worker' };
/** (b): the longest the bench waits for the prompt queue after the bytes. */
const PROMPT_WAIT_MAX_MS = 4 * 60_000;
/** How long `libraryStatus` may stay idle after "start" before the bench gives up. */
const ENGINE_ANSWER_MS = 20_000;
/** The engine's budget (docs/chatgpt.md §Image Vault's request budget). */
const BUDGET = { spacingMs: 1000, usable: 50 - 30, refillPerMin: 0.5 };
const MB = 1024 * 1024;
const f1 = (x) => x.toFixed(1);
const secs = (ms) => `${f1(ms / 1000)} s`;

// ── The account ─────────────────────────────────────────────────────────────
// Realistic (noisy) PNGs are slow to make: four of 1–4 MB are made once, and each image gets
// its own bytes by a unique tEXt chunk before IEND (the vault dedupes by SHA-256).
const SIZES = [
  [1024, 1024],
  [1536, 1024],
  [1024, 1536],
  [768, 768],
];
const bases = new Map(
  SIZES.map(([w, h], i) => [`${w}x${h}`, makePng({ width: w, height: h, seed: 9 + i, realistic: true })]),
);
function unique(base, id) {
  const data = Buffer.from(`image-vault-bench\0${id}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([base.subarray(0, base.length - 12), chunk, base.subarray(base.length - 12)]);
}

async function account(context, images, opts = {}, small = false) {
  const convs = Math.min(images, Math.max(1, Math.round((images * CONVERSATIONS) / IMAGES)));
  const sim = await new Simulator(context, { seed: 7, ...opts }).install();
  const bodies = new Map();
  sim.files.body = (file) => {
    const base = bases.get(`${file.width}x${file.height}`);
    if (!base) return makePng({ width: file.width, height: file.height, seed: file.seed });
    if (!bodies.has(file.fileId)) bodies.set(file.fileId, unique(base, file.fileId));
    return bodies.get(file.fileId);
  };
  let made = 0;
  for (let c = 0; c < convs; c++) {
    const conv = sim.conversation({ title: `Phone chat ${c}` });
    const mine = Math.floor(images / convs) + (c < images % convs ? 1 : 0);
    for (let left = mine; left > 0; ) {
      const n = Math.min(4, left);
      const [width, height] = small ? [256, 256] : SIZES[made % SIZES.length];
      conv
        .user(`Prompt ${made} in chat ${c}`)
        .gptImage({ title: `Image ${made}`, revisedPrompt: `Revised ${made}`, n, width, height });
      left -= n;
      made += n;
    }
  }
  // Computed once: also warms the bodies, so neither measured loop pays for making them.
  const bytes = sim.images().reduce((s, i) => s + sim.served(i.fileId).bytes, 0);
  return { sim, bytes, convs };
}

async function launch() {
  const dir = mkdtempSync(join(tmpdir(), 'image-vault-bench-'));
  const context = await launchBrowser(dir);
  const ours = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const id = new URL(worker.url()).host;
  return {
    context,
    heap: workerHeap(context),
    open: async (path) => {
      const p = await context.newPage();
      await p.goto(`chrome-extension://${id}/${path}`);
      return p;
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The worker's used JS heap in bytes (`Runtime.getHeapUsage` over CDP: `performance.memory` is
 * not exposed in a service worker, and Playwright opens CDP sessions on pages only, so the
 * worker target is reached through a page session with Target.sendMessageToTarget), or null.
 */
function workerHeap(context) {
  let session = null;
  let n = 0;
  const pending = new Map();
  async function attach() {
    const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (!sw) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      if (e.sessionId === sessionId) pending.get(m.id)?.(m);
    });
    return { cdp, sessionId };
  }
  const call = async (method) => {
    const id = ++n;
    const answer = new Promise((r) => pending.set(id, r));
    await session.cdp.send('Target.sendMessageToTarget', {
      sessionId: session.sessionId,
      message: JSON.stringify({ id, method, params: {} }),
    });
    return Promise.race([answer, new Promise((r) => setTimeout(() => r(null), 5000))]);
  };
  /** `gc`: collect garbage first, so the figure is what is retained, not what awaits collection. */
  return async (gc = false) => {
    try {
      session ??= await attach();
      if (!session) return null;
      if (gc) await call('HeapProfiler.collectGarbage');
      const id = ++n;
      const answer = new Promise((r) => pending.set(id, r));
      await session.cdp.send('Target.sendMessageToTarget', {
        sessionId: session.sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage', params: {} }),
      });
      const m = await Promise.race([answer, new Promise((r) => setTimeout(() => r(null), 2000))]);
      if (!m?.result) session = null; // the worker restarted: attach again next time
      return m?.result?.usedSize ?? null;
    } catch {
      session = null;
      return null;
    }
  };
}

// ── (a) the bare loop ───────────────────────────────────────────────────────
/** Runs in an extension page: lists the library, then fetch + put each image, one at a time. */
async function bareLoop() {
  const { accessToken } = await (
    await fetch('https://chatgpt.com/api/auth/session', { credentials: 'include' })
  ).json();
  const items = [];
  for (let after = null; ; ) {
    const q = after ? `&after=${encodeURIComponent(after)}` : '';
    const r = await fetch(`https://chatgpt.com/backend-api/my/recent/image_gen?limit=100${q}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const page = await r.json();
    items.push(...page.items);
    if (!page.cursor || page.cursor === after) break;
    after = page.cursor;
  }
  const db = await new Promise((res, rej) => {
    const r = indexedDB.open('bench-bare', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('blobs');
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const t0 = performance.now();
  let bytes = 0;
  for (const it of items) {
    const blob = await (await fetch(it.url, { credentials: 'include' })).blob();
    bytes += blob.size;
    await new Promise((res, rej) => {
      const tx = db.transaction('blobs', 'readwrite');
      tx.objectStore('blobs').put(blob, it.id);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
  }
  return { images: items.length, bytes, ms: performance.now() - t0 };
}

// ── the engine ──────────────────────────────────────────────────────────────
const ask = (page, type, payload = {}) =>
  page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload]);

/** Starts the backfill as the card's button does and polls until done; samples the worker heap. */
async function engineRun(page, heap, expected) {
  const samples = [];
  const t0 = Date.now();
  await ask(page, 'libraryBackfill', { action: 'start' });
  let s;
  for (;;) {
    s = await ask(page, 'libraryStatus');
    const b = s?.backfill;
    if (!b || (b.state === 'idle' && Date.now() - t0 > ENGINE_ANSWER_MS))
      throw new Error(
        `the library engine did not answer: libraryStatus stayed idle ${ENGINE_ANSWER_MS / 1000} s after libraryBackfill {action: 'start'} (backlog ${s?.backlog ?? 'null'}). Is the engine (issue 9, helper S1) merged and built?`,
      );
    if (b.state === 'failed') throw new Error(`the backfill failed: ${b.error}`);
    const h = await heap();
    if (h !== null) samples.push({ done: b.done, heap: h });
    if (b.state === 'done' && b.done >= expected) break;
    await page.waitForTimeout(500);
  }
  return { ms: Date.now() - t0, status: s, samples };
}

function apiFigures(sim, since) {
  const reqs = sim.requests.filter((r) => r.at >= since && r.from === 'worker');
  const of = (k) => reqs.filter((r) => r.kind === k);
  const conversations = new Set(of('conversation').map((r) => r.path)).size;
  return {
    pages: of('image-library').length,
    conversationReads: of('conversation').length,
    distinctConversations: conversations,
    downloads: of('download').length,
    listings: of('conversations').length,
    sessions: of('session').length,
    api: reqs.filter((r) =>
      ['image-library', 'conversation', 'conversations', 'download', 'unknown'].includes(r.kind),
    ).length,
    bytes: reqs.filter((r) => ['estuary', 'cdn'].includes(r.kind)).length,
    limited: reqs.filter((r) => r.status === 429).length,
  };
}

function budgetMinimumMs(apiReads) {
  return Math.max(
    (apiReads - 1) * BUDGET.spacingMs,
    bucketMinimumMs(apiReads, BUDGET.usable, BUDGET.refillPerMin),
  );
}

async function phaseA() {
  const b = await launch();
  try {
    const { sim, bytes } = await account(b.context, IMAGES);
    console.log(
      `Account: ${IMAGES} library images (${f1(bytes / MB)} MB, ${f1(bytes / IMAGES / MB)} MB each on average) in ${CONVERSATIONS} conversations, never rendered.`,
    );
    const chat = b.context.pages()[0] ?? (await b.context.newPage());
    await sim.open(chat, '/');
    const page = await b.open('src/gallery/index.html');
    // The bare loop runs before and after the backfill, and the ratio is against their mean: on
    // a shared machine the load moves between minutes, and one side alone would carry it.
    const bareRun = async () => {
      const r = await page.evaluate(bareLoop);
      await page.evaluate(() => indexedDB.deleteDatabase('bench-bare'));
      return r;
    };
    const bare = await bareRun();
    console.log(
      `\n(a) bare loop (fetch + IndexedDB put, one at a time, listing excluded), before: ${bare.images} images, ${f1(bare.bytes / MB)} MB in ${secs(bare.ms)} = ${f1(bare.images / (bare.ms / 1000))} images/s`,
    );

    const censusPages = apiFigures(sim, 0).pages;
    const since = Date.now();
    const heap0 = await b.heap();
    const kept0 = await b.heap(true);
    console.log(
      `    worker JS heap before the backfill: ${heap0 === null ? 'not measurable' : `${f1(heap0 / MB)} MB`}`,
    );
    const run = await engineRun(page, b.heap, IMAGES);
    const api = apiFigures(sim, since);
    const kept1 = await b.heap(true);
    const bare2 = await bareRun();
    const bareRate = (bare.images + bare2.images) / ((bare.ms + bare2.ms) / 1000);
    console.log(
      `    bare loop, after: ${secs(bare2.ms)} = ${f1(bare2.images / (bare2.ms / 1000))} images/s; both: ${f1(bareRate)} images/s`,
    );
    const rate = IMAGES / (run.ms / 1000);
    const floor = budgetMinimumMs(api.api);
    const adjusted = IMAGES / (Math.max(1, run.ms - floor) / 1000);
    console.log(
      `    extension backfill: ${IMAGES} images in ${secs(run.ms)} = ${f1(rate)} images/s → ${(rate / bareRate).toFixed(2)}× the bare loop (target ≥ 0.8×)`,
    );
    console.log(
      `    its ${api.api} API reads cannot take less than ${secs(floor)} under the budget; without that floor: ${f1(adjusted)} images/s → ${(adjusted / bareRate).toFixed(2)}×`,
    );
    console.log(
      `    prompts when the bytes were done: ${run.status.prompts.done} of ${run.status.prompts.total} (${run.status.prompts.state})`,
    );

    // The prompt queue: one read per conversation, at the backfill's priority. The tokens it
    // may spend now are the 20 the reserve leaves, less what the count and the bytes took, plus
    // one per 2 min since the start; every other read waits 2 min for its token.
    const spent = censusPages + api.api;
    const left = CONVERSATIONS - api.distinctConversations;
    const headroom = Math.max(0, BUDGET.usable - spent + Math.floor((Date.now() - since) / 120_000));
    const floorMs = Math.max(0, left - headroom) * (60_000 / BUDGET.refillPerMin) + left * BUDGET.spacingMs;
    const waitMs = floorMs + 30_000 <= PROMPT_WAIT_MAX_MS ? floorMs + 30_000 : 20_000;
    console.log(
      `    prompt queue: ${left} conversations left to read; the engine's budget allows ≥ ${secs(floorMs)} for them (${headroom} tokens at hand, then 1 per 2 min); waiting ${secs(waitMs)}${floorMs + 30_000 <= PROMPT_WAIT_MAX_MS ? ' for all' : ', then reporting the reads so far'}`,
    );
    const p0 = Date.now();
    let prompts = run.status.prompts;
    while (Date.now() - p0 < waitMs && prompts.state !== 'done') {
      await page.waitForTimeout(1000);
      prompts = (await ask(page, 'libraryStatus')).prompts;
    }
    const all = apiFigures(sim, since);
    console.log(
      `    prompts after ${secs(Date.now() - p0)} more: ${prompts.done} of ${prompts.total} (${prompts.state})`,
    );

    console.log(
      `\n(b) API requests (worker, from the start click, bytes then prompts): ${all.api} = ${all.pages} library pages + ${all.conversationReads} conversation reads (${all.distinctConversations} distinct) + ${all.downloads} files/download + ${all.listings} conversation listings; ${all.sessions} session reads, ${all.bytes} byte fetches; the count before the start read ${censusPages} library pages`,
    );
    console.log(
      `    per image so far: ${(all.api / IMAGES).toFixed(3)}; target (library pages + distinct conversations) = ${all.pages} + ${CONVERSATIONS} = ${all.pages + CONVERSATIONS} → ${((all.pages + CONVERSATIONS) / IMAGES).toFixed(3)} per image; extra reads: ${all.conversationReads - all.distinctConversations + all.downloads + all.listings}${prompts.state === 'done' ? '' : ` (prompts unfinished: ${CONVERSATIONS - all.distinctConversations} conversations still to read)`}`,
    );

    const s = run.samples;
    if (heap0 !== null && s.length > 1) {
      const top = Math.max(...s.map((x) => x.heap));
      const half = s.filter((x) => x.done <= IMAGES / 2);
      const topHalf = Math.max(heap0, ...half.map((x) => x.heap));
      console.log(
        `\n(c) worker JS heap: ${f1(heap0 / MB)} MB before, peak ${f1(top / MB)} MB (growth ${f1((top - heap0) / MB)} MB; target ≤ 100 MB); peak in the first half ${f1(topHalf / MB)} MB, in all ${f1(top / MB)} MB (flat when close)`,
      );
      if (kept0 !== null && kept1 !== null)
        console.log(
          `    retained after a forced GC: ${f1(kept0 / MB)} MB before, ${f1(kept1 / MB)} MB after ${IMAGES} images (growth ${f1((kept1 - kept0) / MB)} MB; the peaks above include garbage not yet collected)`,
        );
    } else
      console.log(
        '\n(c) worker JS heap: not measurable here (the worker target did not answer Runtime.getHeapUsage)',
      );
  } finally {
    await b.close();
  }
}

async function phaseD() {
  const b = await launch();
  try {
    const { sim } = await account(b.context, LIMITED_IMAGES, {}, true);
    sim.library.pageCap = LIMITED_PAGE_CAP;
    const limiter = LIMITER;
    const chat = b.context.pages()[0] ?? (await b.context.newPage());
    await sim.open(chat, '/');
    const page = await b.open('src/gallery/index.html');
    // The count first (not measured), then ChatGPT's bucket, full, over the backfill's pages:
    // tighter than the engine's own spacing, so that the simulator's 429s are what paces it.
    for (let t0 = Date.now(); (await ask(page, 'libraryStatus')).backlog === null; ) {
      if (Date.now() - t0 > 60_000) throw new Error('(d): the library was not counted within 60 s');
      await page.waitForTimeout(250);
    }
    sim.rateLimit(limiter);
    const since = Date.now();
    const run = await engineRun(page, b.heap, LIMITED_IMAGES);
    const api = apiFigures(sim, since);
    const served = api.api - api.limited;
    const pagesServed = api.pages - api.limited; // the bucket counts library pages only
    const min = bucketMinimumMs(pagesServed, limiter.bucket, limiter.refillPerMin);
    const own = budgetMinimumMs(served);
    console.log(
      `\n(d) with sim.rateLimit(${JSON.stringify({ bucket: limiter.bucket, refillPerMin: limiter.refillPerMin, kinds: limiter.kinds })}), ${LIMITED_PAGE_CAP} items a page: ${LIMITED_IMAGES} images (256 px) in ${secs(run.ms)}; ${served} API reads served (${pagesServed} library pages), ${api.limited} answered 429`,
    );
    console.log(
      `    the bucket's theoretical minimum for ${pagesServed} pages: ${secs(min)}; the engine's own budget's for ${served} reads: ${secs(own)}; measured / max(both) = ${(run.ms / Math.max(1, min, own)).toFixed(2)}× (target ≤ 1.10×)`,
    );
  } finally {
    await b.close();
  }
}

console.log(`bench:backfill — ${IMAGES} images, ${CONVERSATIONS} conversations (node ${process.version})`);
try {
  await phaseA();
  await phaseD();
} catch (err) {
  console.error(`\nbench:backfill stopped: ${err.message}`);
  process.exitCode = 1;
}
