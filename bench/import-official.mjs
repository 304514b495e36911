// `npm run bench:import-official`: importing ChatGPT's own data export (issue #10), in headless
// Chromium with the built extension (dist/). Prints figures; not a test.
//   BENCH_SCALE=1 (default: 2,000 conversations, ~300 MB of JSON, 1,000 images of ~2 MB)
//   BENCH_SCALE=0.05 for a quick try. Each run measures that scale and a quarter of it (memory
//   must be flat in export size). BENCH_KEEP=1 keeps the generated exports (reused next time).
//   BENCH_JSON=stored stores the JSON entries instead of deflating them as real exports do: the
//   import's own cost without inflation.
// For each scale, each in a fresh profile (an empty vault):
//  (a) v2 export through the gallery's import dialog (`import-input`, until `import-report` or
//      `import-error`), timed in the page from the input's change to the report;
//  (b) a raw read of the same ZIP's bytes (`file.stream()`, every byte counted) in the same
//      page, before and after the import: target raw-time / import-time ≥ 0.7;
//  (c) the RSS of all the browser's processes, sampled every 250 ms: baseline, peak, growth
//      (target ≤ 200 MB, and the same at both scales);
//  (d) the v1 export's conversations.json read out of its ZIP (the project's own ZipArchive)
//      and parsed with a plain JSON.parse, as a script would: time and RSS growth;
//  (e) the v1 export through the import dialog: as (a)–(c);
//  (f) the floor, in a fresh profile's gallery page: the v2 ZIP's images alone, with only the
//      work none can skip (read, SHA-256, thumbnail, store), then decode only and hash+store
//      only, to tell where the import's time goes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, runnerImport } from 'vite';
import { exportPlan, generateExports } from './support/official-export-gen.mjs';
import { browserRss, rssByType } from './support/proc-rss.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { launchBrowser } = (
  await runnerImport(join(ROOT, 'e2e/harness/launch.ts'), { configFile: false, logLevel: 'silent' })
).module;
const SCALE = Number(process.env.BENCH_SCALE || 1);
const SCALES = [SCALE / 4, SCALE];
const KEEP = process.env.BENCH_KEEP === '1';
const DEFLATE_JSON = process.env.BENCH_JSON !== 'stored';
const WORK = join(tmpdir(), 'iv-bench-official');
const GALLERY = 'src/gallery/index.html';
const SAMPLE_MS = 250;
const IMPORT_MAX_MS = 60 * 60_000;
const MB = 1e6;
const sh = (cmd) => execFileSync('sh', ['-c', cmd]).toString().trim();

/** Runs `fn` while sampling the browser's RSS every 250 ms: baseline (settled), peak, growth. */
async function withRss(profile, page, fn) {
  await page.evaluate(() => globalThis.gc?.());
  const settle = [];
  for (let i = 0; i < 3; i++) {
    settle.push(browserRss(profile));
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  const base = Math.min(...settle);
  const typeBase = rssByType(profile);
  const typePeak = { ...typeBase };
  let peak = base;
  let samples = 0;
  const sample = () => {
    const now = rssByType(profile);
    peak = Math.max(peak, now.total);
    for (const [k, v] of Object.entries(now)) typePeak[k] = Math.max(typePeak[k] ?? 0, v);
    samples++;
  };
  // The page's JS heap and ArrayBuffer backing stores (CDP), to tell garbage from data.
  const cdp = await page.context().newCDPSession(page);
  const heap = { used: 0, total: 0, backing: 0 };
  const heapTimer = setInterval(async () => {
    try {
      const u = await cdp.send('Runtime.getHeapUsage');
      heap.used = Math.max(heap.used, u.usedSize);
      heap.total = Math.max(heap.total, u.totalSize);
      heap.backing = Math.max(heap.backing, u.backingStorageSize ?? 0);
    } catch {}
  }, SAMPLE_MS);
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const result = await fn();
    clearInterval(heapTimer);
    sample();
    typePeak.pageHeap = 0;
    typeBase.pageHeap = 0;
    // Growth of each process type at its own peak (they need not peak together).
    const byType =
      Object.entries(typePeak)
        .filter(([k]) => k !== 'total')
        .map(([k, v]) => `${k} +${Math.round((v - (typeBase[k] ?? 0)) / MB)}`)
        .join(', ') +
      `; page JS heap peak used ${Math.round(heap.used / MB)} of ${Math.round(heap.total / MB)} MB, ArrayBuffers ${Math.round(heap.backing / MB)} MB`;
    return {
      ...result,
      rss: { base, peak, growth: peak - base, samples, byType, rendererBase: typeBase.renderer ?? 0 },
    };
  } finally {
    clearInterval(timer);
    clearInterval(heapTimer);
    await cdp.detach().catch(() => {});
  }
}

/**
 * What the page's renderer still holds after a garbage collection: its RSS above the
 * baseline, and, from Chromium's memory-infra dump (the renderer with the most compositor
 * memory: the gallery's), the allocators that tell decoded images (cc/image_memory,
 * discardable) from the rest. Finds what an import leaves behind, apart from its garbage.
 */
async function heldAfter(page, profile, rendererBase) {
  await page.evaluate(() => globalThis.gc?.());
  await new Promise((r) => setTimeout(r, 1000));
  const held = { renderer: (rssByType(profile).renderer ?? 0) - rendererBase };
  const cdp = await page.context().newCDPSession(page);
  try {
    const dumps = [];
    cdp.on('Tracing.dataCollected', (e) => dumps.push(...e.value.filter((v) => v.args?.dumps?.allocators)));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['disabled-by-default-memory-infra'],
        memoryDumpConfig: { triggers: [] },
      },
      transferMode: 'ReportEvents',
    });
    await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
    await cdp.send('Tracing.end');
    await complete;
    const size = (d, k) => Number.parseInt(d.args.dumps.allocators[k]?.attrs?.size?.value ?? '0', 16);
    // A renderer (it runs V8; the GPU process has compositor memory too), the one compositing.
    const page0 = dumps.filter((d) => size(d, 'v8') > 0).sort((a, b) => size(b, 'cc') - size(a, 'cc'))[0];
    if (page0)
      for (const k of ['cc/image_memory', 'discardable', 'malloc', 'v8', 'blink_gc'])
        held[k] = size(page0, k);
  } catch (e) {
    held.error = String(e).split('\n')[0];
  } finally {
    await cdp.detach().catch(() => {});
  }
  return held;
}

/** The project's ZIP reader, as one IIFE exposing `__ivZip`, for the plain JSON.parse page. */
async function zipBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'iv-bench-entry-'));
  const entry = join(dir, 'entry.js');
  const src = (p) => JSON.stringify(join(ROOT, 'src', p));
  writeFileSync(
    entry,
    `export { ZipArchive } from ${src('core/zip/reader.ts')};\nexport { blobSource } from ${src('core/zip/source.ts')};\n`,
  );
  const out = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: '__ivZip' } },
  });
  rmSync(dir, { recursive: true, force: true });
  return (Array.isArray(out) ? out[0] : out).output[0].code;
}

/** A fresh profile (an empty vault) with the extension; `close()` deletes it. */
async function fresh() {
  const profile = mkdtempSync(join(WORK, 'profile-'));
  const context = await launchBrowser(profile, { extraArgs: ['--js-flags=--expose-gc'] });
  const ours = (w) => w.url().startsWith('chrome-extension://');
  const sw =
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  const origin = `chrome-extension://${new URL(sw.url()).host}`;
  return {
    profile,
    context,
    origin,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---- in-page parts (serialized: they use only their arguments and the page's globals) ----

/** Reads the File of the bench's own input to the end through `file.stream()`, counting bytes. */
async function rawReadInPage() {
  const file = document.querySelector('input[data-bench-raw]').files[0];
  const t0 = performance.now();
  let bytes = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { ms: performance.now() - t0, bytes };
}

/** Stamps the import's start (the input's change) and end (report or error shown). */
function watchImportInPage() {
  const input = document.querySelector('[data-testid="import-input"]');
  input.addEventListener('change', () => {
    globalThis.__ivT0 = performance.now();
  });
  const shown = () =>
    document.querySelector('[data-testid="import-report"]:not([hidden])') ??
    document.querySelector('[data-testid="import-error"]:not([hidden])');
  // When the progress line first says "Adding": the end of reading the conversations.
  const adding = () =>
    document.querySelector('[data-testid="import-progress"] p')?.textContent?.startsWith('Adding');
  new MutationObserver(() => {
    if (globalThis.__ivT0 !== undefined && globalThis.__ivTAdd === undefined && adding())
      globalThis.__ivTAdd = performance.now();
    if (globalThis.__ivT0 !== undefined && globalThis.__ivT1 === undefined && shown())
      globalThis.__ivT1 = performance.now();
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden'],
  });
}

function importOutcomeInPage() {
  const report = document.querySelector('[data-testid="import-report"]:not([hidden])');
  const error = document.querySelector('[data-testid="import-error"]:not([hidden])');
  const ms = globalThis.__ivT1 - globalThis.__ivT0;
  const readMs = (globalThis.__ivTAdd ?? globalThis.__ivT1) - globalThis.__ivT0;
  if (report)
    return {
      ms,
      readMs,
      ok: true,
      data: { ...report.dataset },
      text: report.textContent.trim().slice(0, 300),
    };
  return { ms, ok: false, text: (error?.textContent ?? '').trim().slice(0, 300) };
}

/** conversations.json out of the v1 ZIP, then one JSON.parse of it all, as a script would. */
async function jsonParseInPage() {
  const { ZipArchive, blobSource } = globalThis.__ivZip;
  const file = document.querySelector('input[data-bench-raw]').files[0];
  const t0 = performance.now();
  const zip = await ZipArchive.open(blobSource(file));
  const entry = zip.get('conversations.json');
  const blob = await zip.blob(entry); // inflated, when deflated
  const tInflated = performance.now();
  const text = await blob.text();
  const t1 = performance.now();
  const tree = JSON.parse(text);
  const t2 = performance.now();
  globalThis.__ivKeep = tree; // held, as a script working on it would, until sampling stops
  return {
    ...{ inflateMs: tInflated - t0, textMs: t1 - tInflated, parseMs: t2 - t1, ms: t2 - t0 },
    ...{ bytes: entry.size, conversations: tree.length },
  };
}

/** Decodes a few of the v1 ZIP's images as the import's thumbnailing will: the generator's check. */
async function decodeCheckInPage() {
  const { ZipArchive, blobSource } = globalThis.__ivZip;
  const file = document.querySelector('input[data-bench-raw]').files[0];
  const zip = await ZipArchive.open(blobSource(file));
  const images = zip.entries.filter((e) => /\.(png|webp)$/.test(e.name));
  const out = [];
  for (const e of new Set([images[0], images[1], images.at(-1)])) {
    try {
      const bitmap = await createImageBitmap(await zip.blob(e));
      out.push(`${bitmap.width}×${bitmap.height}`);
      bitmap.close();
    } catch (err) {
      out.push(`${e.name}: ${err}`);
    }
  }
  return out;
}

/**
 * The floor: only the work each image cannot avoid, with none of Image Vault's structure, on
 * the v2 ZIP's `.dat` entries, 4 at a time in batches of 16, the next batch worked on while
 * the last one is written (as the import does). `mode`: 'floor' reads the bytes, hashes them
 * (SHA-256), draws a 256 px WebP thumbnail (createImageBitmap resize + OffscreenCanvas) and
 * puts the original slice and the thumbnail into a scratch IndexedDB, one transaction per
 * batch; 'decode' only draws the thumbnails; 'hash+store' only reads, hashes and stores.
 */
async function floorInPage(mode) {
  const { ZipArchive, blobSource } = globalThis.__ivZip;
  const file = document.querySelector('input[data-bench-raw]').files[0];
  const [decode, store] = [mode !== 'hash+store', mode !== 'decode'];
  const name = `iv-bench-floor-${mode}`;
  const open = () =>
    new Promise((res, rej) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('originals', { keyPath: 'id' });
        r.result.createObjectStore('thumbs', { keyPath: 'id' });
      };
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  const thumbOf = async (blob, w, h) => {
    const s = Math.min(1, 256 / Math.max(w, h));
    const [tw, th] = [Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))];
    const bitmap = await createImageBitmap(blob, {
      resizeWidth: tw,
      resizeHeight: th,
      resizeQuality: 'medium',
    });
    const canvas = new OffscreenCanvas(tw, th);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, tw, th);
    bitmap.close();
    const out = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
    canvas.width = 0;
    canvas.height = 0;
    return out;
  };
  const t0 = performance.now();
  const zip = await ZipArchive.open(blobSource(file));
  const entries = zip.entries.filter((e) => e.name.endsWith('.dat'));
  const db = store ? await open() : null;
  let bytes = 0;
  const one = async (e) => {
    const original = (await zip.blob(e)).slice(0, e.size, 'image/png');
    const out = { id: e.name, original, thumb: null };
    // The PNG header's size (the import reads it too), for the thumbnail's resize.
    const head = new DataView(await original.slice(16, 24).arrayBuffer());
    const [w, h] = [head.getUint32(0), head.getUint32(4)];
    if (store) {
      const data = new Uint8Array(await original.arrayBuffer());
      bytes += data.byteLength;
      const [thumb] = await Promise.all([
        decode ? thumbOf(original, w, h) : null,
        crypto.subtle.digest('SHA-256', data),
      ]);
      out.thumb = thumb;
    } else out.thumb = await thumbOf(original, w, h);
    return out;
  };
  const batchOf = async (slice) => {
    const out = new Array(slice.length);
    let next = 0;
    const work = async () => {
      while (next < slice.length) {
        const at = next++;
        out[at] = await one(slice[at]);
      }
    };
    await Promise.all(Array.from({ length: 4 }, work));
    return out;
  };
  const write = (batch) =>
    new Promise((res, rej) => {
      const tx = db.transaction(['originals', 'thumbs'], 'readwrite');
      for (const c of batch) {
        tx.objectStore('originals').put({ id: c.id, blob: c.original });
        if (c.thumb) tx.objectStore('thumbs').put({ id: c.id, blob: c.thumb });
      }
      tx.oncomplete = res;
      tx.onerror = tx.onabort = () => rej(tx.error);
    });
  const check = (i) => (i < entries.length ? batchOf(entries.slice(i, i + 16)) : null);
  let next = check(0);
  for (let i = 0; next; i += 16) {
    const batch = await next;
    next = check(i + 16);
    if (db) await write(batch);
  }
  const ms = performance.now() - t0;
  db?.close();
  // The scratch vault goes: the next mode starts with an empty one, and the disk is given back.
  await new Promise((r) => {
    const d = indexedDB.deleteDatabase(name);
    d.onsuccess = d.onerror = d.onblocked = r;
  });
  return { ms, images: entries.length, bytes };
}

// ---- driver ----

async function addRawInput(page, path) {
  await page.evaluate(() => {
    const i = document.createElement('input');
    i.type = 'file';
    i.dataset.benchRaw = '';
    i.hidden = true;
    document.body.append(i);
  });
  await page.locator('input[data-bench-raw]').setInputFiles(path);
}

/** (a)–(c) or (e): one import through the dialog in a fresh profile, with raw reads around it. */
async function importRun(zip) {
  const b = await fresh();
  try {
    const page = await b.context.newPage();
    await page.goto(`${b.origin}/${GALLERY}?action=import${process.env.BENCH_HASH ?? ''}`);
    await page.locator('body[data-ready]').waitFor({ state: 'attached' });
    await page.getByTestId('import-input').waitFor({ state: 'attached' });
    await page.evaluate(watchImportInPage);
    await addRawInput(page, zip.path);
    const rawBefore = await page.evaluate(rawReadInPage);
    const imp = await withRss(b.profile, page, async () => {
      await page.getByTestId('import-input').setInputFiles(zip.path);
      await page.waitForFunction(() => globalThis.__ivT1 !== undefined, null, {
        timeout: IMPORT_MAX_MS,
        polling: 200,
      });
      return page.evaluate(importOutcomeInPage);
    });
    const held = await heldAfter(page, b.profile, imp.rss.rendererBase);
    const rawAfter = await page.evaluate(rawReadInPage);
    return { imp, held, raw: [rawBefore, rawAfter] };
  } catch (e) {
    // A crash or a timeout is a figure too: printed in its row, the other runs go on.
    return { error: String(e).split('\n')[0] };
  } finally {
    await b.close();
  }
}

/** (d): plain JSON.parse of the v1 conversations.json, in a fresh profile. */
async function jsonParseRun(zip, bundle) {
  const b = await fresh();
  try {
    const page = await b.context.newPage();
    await page.goto(`${b.origin}/manifest.json`);
    await page.evaluate(bundle);
    await addRawInput(page, zip.path);
    const result = await withRss(b.profile, page, () => page.evaluate(jsonParseInPage));
    await page.evaluate(() => {
      globalThis.__ivKeep = null;
    });
    return { ...result, decoded: await page.evaluate(decodeCheckInPage) };
  } catch (e) {
    return { error: String(e).split('\n')[0] };
  } finally {
    await b.close();
  }
}

/** The floor rows (decode only, hash+store only, the floor) in one fresh profile's gallery page. */
async function floorRun(zip, bundle) {
  const b = await fresh();
  try {
    const page = await b.context.newPage();
    await page.goto(`${b.origin}/${GALLERY}`);
    await page.locator('body[data-ready]').waitFor({ state: 'attached' });
    await page.evaluate(bundle);
    await addRawInput(page, zip.path);
    const out = {};
    for (const mode of ['decode', 'hash+store', 'floor']) {
      out[mode] = await page.evaluate(floorInPage, mode).catch((e) => ({ error: String(e).split('\n')[0] }));
    }
    return out;
  } catch (e) {
    return { error: String(e).split('\n')[0] };
  } finally {
    await b.close();
  }
}

function checkDisk() {
  const s = statfsSync(tmpdir());
  const free = s.bavail * s.bsize;
  // 2 × ~2.3 GB of exports and up to ~2 GB of vault in the profile at full scale; 10 GB then.
  const need = Math.max(1e9, 10e9 * SCALE);
  if (free < need) {
    console.error(
      `Not enough free disk space in ${tmpdir()}: ${(free / 1e9).toFixed(1)} GB free, ${(need / 1e9).toFixed(1)} GB needed at BENCH_SCALE=${SCALE}. Nothing was written.`,
    );
    process.exit(1);
  }
  return free;
}

async function main() {
  const free = checkDisk();
  const loadBefore = sh('uptime');
  mkdirSync(WORK, { recursive: true });
  const bundle = await zipBundle();
  const rows = [];
  const made = [];
  try {
    for (const scale of SCALES) {
      const p = exportPlan(scale);
      console.log(
        `scale ${scale}: ${p.conversations} conversations, ${p.carried} images carried, ${p.missing} not`,
      );
      const gen = await generateExports(scale, WORK, { deflateJson: DEFLATE_JSON });
      made.push(gen.dir);
      console.log('  v2 import…');
      const v2 = await importRun(gen.v2);
      console.log('  v2 floor (decode only, hash+store only, floor)…');
      const floor = await floorRun(gen.v2, bundle);
      console.log('  v1 import…');
      const v1 = await importRun(gen.v1);
      console.log('  v1 JSON.parse…');
      const parse = await jsonParseRun(gen.v1, bundle);
      rows.push({ scale, gen, v2, floor, v1, parse });
    }
  } finally {
    // Profiles are deleted as each run ends; the exports too, unless kept for the next run.
    if (!KEEP) for (const d of made) rmSync(d, { recursive: true, force: true });
  }
  report(rows, { free, loadBefore, loadAfter: sh('uptime') });
}

function report(rows, { free, loadBefore, loadAfter }) {
  const cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2");
  const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(
    `\nImage Vault: import of ChatGPT's data export. Chromium headless, ${cpu}, ${sh('nproc')} cores`,
  );
  console.log(`free disk at start ${f(free / 1e9, 1)} GB; load before: ${loadBefore}`);
  console.log(`                                       load after:  ${loadAfter}\n`);
  console.log(
    'scale | layout          | ZIP MB | time s | MB/s | raw read s (before/after) | raw/import | RSS base → peak MB | growth MB | outcome',
  );
  for (const { scale, gen, v2, floor, v1, parse } of rows) {
    for (const [name, run, zip] of [
      ['v2 import', v2, gen.v2],
      ['v1 import', v1, gen.v1],
    ]) {
      if (run.error) {
        console.log(`${String(scale).padEnd(5)} | ${name.padEnd(15)} | failed: ${run.error}`);
        continue;
      }
      const { imp, held, raw } = run;
      const heldText = Object.entries(held)
        .map(([k, v]) => (k === 'error' ? `dump failed: ${v}` : `${k} ${f(v / MB)}`))
        .join(', ');
      const rawBest = Math.min(...raw.map((r) => r.ms));
      const expect = `expected added ${gen.plan.carried}, prompt-only ${gen.plan.missing}`;
      const outcome = imp.ok
        ? `report ${Object.entries(imp.data)
            .filter(([k]) => k !== 'testid')
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')} (${expect})`
        : `IMPORT-ERROR (no import of ChatGPT's export yet?): "${imp.text}"`;
      console.log(
        `${String(scale).padEnd(5)} | ${name.padEnd(15)} | ${f(zip.size / MB).padStart(6)} | ${f(imp.ms / 1000, 1).padStart(6)} | ${f(zip.size / MB / (imp.ms / 1000)).padStart(4)} | ${`${f(raw[0].ms / 1000, 2)} / ${f(raw[1].ms / 1000, 2)} (${f(raw[0].bytes / MB / (rawBest / 1000))} MB/s)`.padEnd(25)} | ${(imp.ok ? f(rawBest / imp.ms, 2) : '–').padStart(10)} | ${`${f(imp.rss.base / MB)} → ${f(imp.rss.peak / MB)}`.padStart(18)} | ${f(imp.rss.growth / MB).padStart(9)} | ${outcome} [reading conversations ${f(imp.readMs / 1000, 1)} s, then images ${f((imp.ms - imp.readMs) / 1000, 1)} s; by process: ${imp.rss.byType}; after the import and a GC, held in MB: ${heldText}]`,
      );
    }
    if (floor.error) console.log(`${String(scale).padEnd(5)} | v2 floor        | failed: ${floor.error}`);
    else
      for (const [mode, label] of [
        ['decode', 'decode only'],
        ['hash+store', 'hash+store only'],
        ['floor', 'v2 floor'],
      ]) {
        const r = floor[mode];
        if (r.error) {
          console.log(`${String(scale).padEnd(5)} | ${label.padEnd(15)} | failed: ${r.error}`);
          continue;
        }
        const vsImport = v2.imp?.ok ? (v2.imp.ms - v2.imp.readMs) / r.ms : Number.NaN;
        console.log(
          `${String(scale).padEnd(5)} | ${label.padEnd(15)} | ${f(gen.v2.size / MB).padStart(6)} | ${f(r.ms / 1000, 1).padStart(6)} | ${f(gen.v2.size / MB / (r.ms / 1000)).padStart(4)} | ${`${r.images} images, ${f(r.ms / r.images, 1)} ms each`.padEnd(25)} | ${''.padStart(10)} | import's images phase / this: ${f(vsImport, 2)}${mode === 'floor' && v2.imp?.ok ? `; whole import / this: ${f(v2.imp.ms / r.ms, 2)}; raw read / this: ${f(Math.min(...v2.raw.map((x) => x.ms)) / r.ms, 2)}` : ''}`,
        );
      }
    if (parse.error) console.log(`${String(scale).padEnd(5)} | v1 JSON.parse   | failed: ${parse.error}`);
    else
      console.log(
        `${String(scale).padEnd(5)} | v1 JSON.parse   | ${f(parse.bytes / MB).padStart(6)} | ${f(parse.ms / 1000, 1).padStart(6)} | ${f(parse.bytes / MB / (parse.ms / 1000)).padStart(4)} | inflate ${f(parse.inflateMs / 1000, 2)} s, text() ${f(parse.textMs / 1000, 2)} s, parse ${f(parse.parseMs / 1000, 2)} s | ${''.padStart(10)} | ${`${f(parse.rss.base / MB)} → ${f(parse.rss.peak / MB)}`.padStart(18)} | ${f(parse.rss.growth / MB).padStart(9)} | ${parse.conversations} conversations; sample images decode: ${parse.decoded.join(', ')}`,
      );
  }
  console.log(
    `\nTargets: import ≥ 0.7× the raw read's speed (raw/import ≥ 0.70, using the faster raw read);`,
  );
  console.log('RSS growth of all browser processes ≤ 200 MB and flat in export size (compare the scales).');
  console.log(
    `ZIP MB for JSON.parse is conversations.json's size. JSON is ${DEFLATE_JSON ? 'deflated (as in real exports)' : 'stored (BENCH_JSON=stored)'} in both ZIPs, images stored.`,
  );
  console.log(`RSS sampled every ${SAMPLE_MS} ms (/proc VmRSS of the browser's process tree).`);
  console.log(
    "Held after a GC: the page renderer's RSS above its baseline, and memory-infra allocators of that renderer (cc/image_memory: decoded images).",
  );
  console.log(
    "Floor rows (the v2 ZIP's images only, no conversations; a fresh profile's gallery page; 4 at a time, batches of 16): decode only = createImageBitmap(resize) + WebP thumbnail; hash+store only = read the bytes + SHA-256 + the original slice into a scratch IndexedDB; v2 floor = all of these. \"images phase / this\" = the import's time after 'Adding' shows, over this row's.",
  );
}

await main();
