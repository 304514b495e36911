// `npm run bench:huge-prompt`: what a 1 MB hostile prompt (e2e/support/hostile-prompt.ts)
// costs the gallery, against an ordinary prompt, in one run (prints figures and ratios).
//   lightbox open: click on a tile → the second frame after (the lightbox painted);
//   search keystroke: keydown → the frame after the grid updated, with the hostile
//   prompt in the vault and without it.
// Launches Chromium through e2e/harness/launch.ts, as bench/gallery.mjs does.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_IMAGES ?? 500);
const ROUNDS = 7;
const load = async (p) =>
  (await runnerImport(join(ROOT, p), { configFile: false, logLevel: 'silent' })).module;
const { launchBrowser } = await load('e2e/harness/launch.ts');
const seed = await load('e2e/support/seed.ts');
const hostile = await load('e2e/support/hostile-prompt.ts');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

/** Click → two frames later, in the page (no round trip to Node inside the measurement). */
async function openLightbox(page, id) {
  const t = await page.evaluate(async (id) => {
    const btn = document.querySelector(`[data-testid="gallery-item"][data-image-id="${id}"] .tile-btn`);
    const t0 = performance.now();
    btn.click();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, id);
  await page.keyboard.press('Escape');
  await page.getByTestId('lightbox').waitFor({ state: 'hidden' });
  return t;
}

/** Types `q` a key at a time; returns each keystroke's latency (as bench/gallery.mjs measures it). */
async function typeQuery(page, q) {
  await page.evaluate(() => {
    if (window.__lat) return;
    const input = document.querySelector('[data-testid="search-input"]');
    let t0 = 0;
    window.__lat = [];
    input.addEventListener('keydown', (e) => (t0 = e.timeStamp), true);
    document.addEventListener('vault:view', () => {
      const start = t0;
      requestAnimationFrame(() => window.__lat.push(performance.now() - start));
    });
  });
  const input = page.getByTestId('search-input');
  await input.focus();
  const out = [];
  for (const k of [...q, 'Backspace', 'Backspace']) {
    const n = await page.evaluate(() => window.__lat.length);
    await page.keyboard.press(k);
    await page.waitForFunction((n) => window.__lat.length > n, n);
    out.push(await page.evaluate(() => window.__lat.at(-1)));
  }
  await input.fill('');
  await page.waitForTimeout(200);
  return out;
}

async function searchTimes(page) {
  const all = [];
  for (let i = 0; i < 3; i++)
    for (const q of ['dusk', 'neon lighthouse']) all.push(...(await typeQuery(page, q)));
  return all;
}

const loadStart = loadavg()[0];
const profile = mkdtempSync(join(tmpdir(), 'image-vault-bench-'));
const context = await launchBrowser(profile, { viewport: { width: 1280, height: 800 } });
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const gallery = `chrome-extension://${new URL(worker.url()).host}/src/gallery/index.html`;
  const page = await context.newPage();
  const open = async () => {
    await page.goto(gallery);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  };
  await open();
  const recs = seed.syntheticRecords(COUNT);
  await seed.seedImages(page, recs, { exact: false, originalSize: 256 });
  const [huge, normal] = recs;
  await open();
  const searchNormal = await searchTimes(page);

  await hostile.putPrompt(page, huge.id, hostile.hostilePrompt());
  await open();
  const searchHostile = await searchTimes(page);
  const lbNormal = [];
  const lbHostile = [];
  for (let i = 0; i < ROUNDS; i++) {
    lbNormal.push(await openLightbox(page, normal.id));
    lbHostile.push(await openLightbox(page, huge.id));
  }
  const r = {
    lightbox: { normal: median(lbNormal), hostile: median(lbHostile), hostileMax: Math.max(...lbHostile) },
    search: {
      normal: median(searchNormal),
      hostile: median(searchHostile),
      hostileMax: Math.max(...searchHostile),
    },
  };
  console.log(`
Huge prompt (1 MiB: bidi overrides, controls, lone surrogates) in a vault of ${COUNT} images, headless Chromium
  lightbox open (click → painted)  normal ${ms(r.lightbox.normal)}  hostile ${ms(r.lightbox.hostile)} (max ${ms(r.lightbox.hostileMax)})  ratio ${(r.lightbox.hostile / r.lightbox.normal).toFixed(2)}  (${ROUNDS} opens each, medians)
  search per keystroke             normal ${ms(r.search.normal)}  hostile ${ms(r.search.hostile)} (max ${ms(r.search.hostileMax)})  ratio ${(r.search.hostile / r.search.normal).toFixed(2)}  (${searchHostile.length} keystrokes each, medians)
Machine load (1-min average) ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end
`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
