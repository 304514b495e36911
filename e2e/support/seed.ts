/**
 * Seeds the vault with synthetic images, straight into IndexedDB from an extension page
 * (raw IndexedDB API in page.evaluate), for gallery tests, exporter tests and the
 * benchmark. Open an extension page that opens the vault first (e.g. the gallery, once
 * `body[data-ready]`), so that the schema exists; seeding never creates the database.
 *
 *   const page = await openExtensionPage('src/gallery/index.html');
 *   await seedImages(page, syntheticRecords(20));
 */
import type { Page } from '@playwright/test';
import type { ImageRecord, ModelFamily } from '../../src/core/types';
import { prng } from '../sim/images';

/** What to store for an image's bytes: generated pixels, nothing, or bytes that are no image. */
export type BytesKind = 'ok' | 'missing' | 'corrupt';

export interface SeedImage {
  record: ImageRecord;
  original?: BytesKind;
  thumb?: BytesKind;
  /**
   * Base64 of a PNG chunk (e.g. a C2PA `caBX`, test/support/c2pa-fixtures.ts) inserted right
   * after IHDR of the generated original (exact seeding only); sha256/crc32/bytes match.
   */
  pngChunkAfterIhdr?: string;
  /** The generated original's type (exact seeding only; default PNG). */
  originalType?: 'image/png' | 'image/webp';
}

/**
 * A page to seed from: a Playwright page, or a Puppeteer one (the Firefox layer) — seeding
 * is one in-page function, so anything that can evaluate it with its plan will do.
 */
export interface SeedTarget {
  evaluate(fn: (plan: SeedPlan) => Promise<void>, plan: SeedPlan): Promise<unknown>;
}

export interface SeedOptions {
  /**
   * true (default up to 500 images): every image gets its own original PNG, and its
   * record's bytes, mimeType, width, height, sha256 and crc32 describe those exact bytes
   * (what an exporter needs). false: `variants` shared originals and thumbnails, true
   * bytes/crc32 but synthetic unique sha256 (for 20,000 images in seconds).
   */
  exact?: boolean;
  /** Side of the generated originals in px (default 512; the record says so). */
  originalSize?: number;
  /** Distinct pictures when not exact (default 64). */
  variants?: number;
  /** Images per IndexedDB transaction (default 500). */
  batch?: number;
  /** Post `images-changed` on the BroadcastChannel afterwards (default true). */
  announce?: boolean;
}

/**
 * Writes `images` (records, or records with bytes instructions) into the vault. A record
 * with `promptOnly: 1` is stored as it is, without original or thumbnail.
 */
export async function seedImages(
  page: SeedTarget,
  images: readonly (ImageRecord | SeedImage)[],
  opts: SeedOptions = {},
) {
  const items = images.map((i) => ('record' in i ? i : { record: i }));
  const plan: SeedPlan = {
    items: items.map((i) => ({
      record: i.record,
      original: i.original ?? 'ok',
      thumb: i.thumb ?? 'ok',
      chunk: i.pngChunkAfterIhdr ?? null,
      type: i.originalType ?? 'image/png',
    })),
    exact: opts.exact ?? items.length <= 500,
    originalSize: opts.originalSize ?? 512,
    variants: opts.variants ?? 64,
    batch: opts.batch ?? 500,
    announce: opts.announce ?? true,
  };
  // Big seeds go in slices so that no single evaluate message carries 20 MB of JSON.
  const slice = 5000;
  for (let at = 0; at < plan.items.length || at === 0; at += slice) {
    const part = {
      ...plan,
      items: plan.items.slice(at, at + slice),
      announce: plan.announce && at + slice >= plan.items.length,
    };
    await page.evaluate(seedInPage, part);
    if (!plan.items.length) break;
  }
}

/** Seeds `count` synthetic images (newest first); returns their records as stored. */
export async function seedSynthetic(
  page: Page,
  count: number,
  opts: SeedOptions = {},
): Promise<ImageRecord[]> {
  const records = syntheticRecords(count);
  await seedImages(page, records, opts);
  return readRecords(
    page,
    records.map((r) => r.id),
  );
}

/** The stored records for `ids` (after seeding, bytes/sha256/crc32 are the real ones). */
export async function readRecords(page: Page, ids: readonly string[]): Promise<ImageRecord[]> {
  return page.evaluate(async (ids) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('image-vault');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const store = db.transaction('images').objectStore('images');
    const get = (id: string) =>
      new Promise<ImageRecord>((res, rej) => {
        const r = store.get(id);
        r.onsuccess = () => res(r.result as ImageRecord);
        r.onerror = () => rej(r.error);
      });
    const out = await Promise.all(ids.map(get));
    db.close();
    return out.filter(Boolean);
  }, ids);
}

/** Empties every store of the vault (keeps the schema). */
export async function clearVault(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('image-vault');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readwrite');
    for (const n of names) tx.objectStore(n).clear();
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    new BroadcastChannel('image-vault').postMessage({ type: 'images-changed' });
  });
}

// ---- synthetic records (Node side, deterministic) ----

const SUBJECTS = [
  'a red fox',
  'an old lighthouse',
  'a paper-boat fleet',
  'a robot gardener',
  'a koi pond',
  'a cat astronaut',
  'a desert caravan',
  'a glass greenhouse',
  'a steam locomotive',
  'a jellyfish swarm',
  'a mountain monastery',
  'a street-food stall',
  'a violin maker',
  'a snow owl',
  'a floating island',
  'a vintage diner',
  'a coral reef',
  'a clockwork dragon',
  'a sunflower field',
  'a night market',
];
const SETTINGS = [
  'at dusk',
  'in heavy rain',
  'under northern lights',
  'on a foggy morning',
  'in a neon-lit alley',
  'during a solar eclipse',
  'in early spring',
  'beside a frozen lake',
  'on the surface of Mars',
  'inside a snow globe',
];
const STYLES = [
  'watercolor',
  'isometric 3D render',
  'oil painting',
  'ukiyo-e woodblock print',
  'pixel art',
  'cinematic photograph',
  'charcoal sketch',
  'claymation still',
  'art nouveau poster',
  'low-poly illustration',
];
const LIGHTS = [
  'soft golden light',
  'cold blue moonlight',
  'flickering lantern light',
  'harsh noon sun',
  'pastel twilight',
];
const DETAILS = [
  'drifting mist',
  'scattered autumn leaves',
  'tiny glowing fireflies',
  'reflections on wet cobblestones',
  'a flock of distant birds',
  'intricate brass details',
  'long dramatic shadows',
  'delicate paper textures',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Images per synthetic conversation. */
const PER_CONVERSATION = 4;

/**
 * Synthetic image number `i` (0 = newest): prompts from word lists, revised prompt 300–600
 * characters, four images per conversation, every fifth gpt-image one an edit of the next.
 */
export function syntheticRecord(
  i: number,
  overrides: Partial<ImageRecord> = {},
  now = Date.UTC(2026, 5, 1),
): ImageRecord {
  const conv = Math.floor(i / PER_CONVERSATION);
  const r = prng(i * 7919 + 17);
  const cr = prng(conv * 104729 + 3);
  const subject = pick(cr, SUBJECTS);
  const setting = pick(r, SETTINGS);
  const style = pick(r, STYLES);
  const model: ModelFamily = conv % 3 === 0 ? 'dalle3' : 'gpt-image';
  const prompt = `${subject} ${setting}, ${style}`;
  const d = Math.floor(r() * DETAILS.length);
  const detail = (k: number) => DETAILS[(d + k * 3) % DETAILS.length];
  const revisedPrompt = `A detailed ${style} of ${subject} ${setting}. The scene is bathed in ${pick(r, LIGHTS)}, with ${detail(0)} and ${detail(1)}. ${cap(subject)} sits slightly off-centre, drawn with careful attention to texture and depth, while the background fades into ${detail(2)}. The palette stays harmonious and calm, the composition balanced, and the mood quietly wondrous.`;
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
  const createdAt = now - i * 37 * 60_000 - Math.floor(r() * 600_000);
  const conversationId = `5eed${hex(conv, 4)}-0000-4000-8000-${hex(conv * 2654435761, 12)}`;
  const edits = model === 'gpt-image' && i % 5 === 0 && (i + 1) % PER_CONVERSATION !== 0;
  const rec: ImageRecord = {
    id:
      model === 'dalle3'
        ? `file-Seed${i.toString(36).padStart(8, '0')}Dalle3`
        : `file_0000000000seed${hex(i, 12)}`,
    sha256: `${hex(i, 16)}`.padEnd(64, 'a'),
    crc32: 0,
    bytes: 1_500_000 + Math.floor(r() * 900_000),
    mimeType: model === 'dalle3' ? 'image/webp' : 'image/png',
    width: 1024,
    height: 1024,
    prompt,
    revisedPrompt,
    title: model === 'gpt-image' ? cap(`${subject.replace(/^an? /, '')} ${setting}`) : null,
    model,
    genId: model === 'gpt-image' ? `gen_seed${hex(i, 8)}` : null,
    parentGenId: edits ? `gen_seed${hex(i + 1, 8)}` : null,
    editOp: edits ? 'inpainting' : null,
    seed: model === 'dalle3' ? Math.floor(r() * 4_294_967_295) : null,
    genSize: model === 'gpt-image' ? 'image' : null,
    conversationId,
    conversationTitle: `${cap(subject.replace(/^an? /, ''))} ideas`,
    conversationUrl: `https://chatgpt.com/c/${conversationId}`,
    messageId: `msg-seed-${hex(i, 8)}`,
    pageUrl: `https://chatgpt.com/c/${conversationId}`,
    createdAt,
    capturedAt: createdAt + 4000,
    favorite: i % 11 === 3 ? 1 : 0,
    source: 'capture',
    warning: null,
  };
  return { ...rec, ...overrides };
}

/** `count` synthetic records, newest first. */
export function syntheticRecords(count: number, now?: number): ImageRecord[] {
  return Array.from({ length: count }, (_, i) => syntheticRecord(i, {}, now));
}

// ---- the in-page part (serialized into the page: must not use anything outside itself) ----

interface SeedPlan {
  items: { record: ImageRecord; original: BytesKind; thumb: BytesKind; chunk: string | null; type: string }[];
  exact: boolean;
  originalSize: number;
  variants: number;
  batch: number;
  announce: boolean;
}

async function seedInPage(plan: SeedPlan): Promise<void> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open('image-vault');
    r.onupgradeneeded = () => r.transaction?.abort();
    r.onsuccess = () => res(r.result);
    r.onerror = () =>
      rej(new Error('seedImages: open an extension page that opens the vault (e.g. the gallery) first'));
  });
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  /** A picture: gradient, shapes, grain (so WebP sizes are like real thumbnails). */
  const paint = (size: number, seed: number, label: string | null, grain: number) => {
    const c = new OffscreenCanvas(size, size);
    const g = c.getContext('2d')!;
    const hue = (seed * 47) % 360;
    const grad = g.createLinearGradient(0, 0, size, size);
    grad.addColorStop(0, `hsl(${hue} 70% 55%)`);
    grad.addColorStop(1, `hsl(${(hue + 70) % 360} 65% 25%)`);
    g.fillStyle = grad;
    g.fillRect(0, 0, size, size);
    for (let k = 0; k < 7; k++) {
      g.fillStyle = `hsl(${(hue + k * 40) % 360} 80% ${40 + k * 6}% / 0.55)`;
      g.beginPath();
      const x = ((seed * (k + 3) * 97) % 100) / 100;
      const y = ((seed * (k + 5) * 61) % 100) / 100;
      g.arc(x * size, y * size, size * (0.08 + (k % 3) * 0.07), 0, Math.PI * 2);
      g.fill();
    }
    if (grain) {
      const img = g.getImageData(0, 0, size, size);
      let s = seed + 1;
      for (let p = 0; p < img.data.length; p += 4) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        const n = ((s >> 16) % (grain * 2 + 1)) - grain;
        img.data[p] = img.data[p]! + n;
        img.data[p + 1] = img.data[p + 1]! + n;
        img.data[p + 2] = img.data[p + 2]! + n;
      }
      g.putImageData(img, 0, 0);
    }
    if (label) {
      g.fillStyle = 'rgb(255 255 255 / 0.85)';
      g.font = `${Math.round(size / 14)}px sans-serif`;
      g.fillText(label, size * 0.05, size * 0.95);
    }
    return c;
  };
  const thumbOf = async (c: OffscreenCanvas) => {
    const t = new OffscreenCanvas(256, 256);
    t.getContext('2d')!.drawImage(c, 0, 0, 256, 256);
    return t.convertToBlob({ type: 'image/webp', quality: 0.8 });
  };
  const junk = (type: string) => new Blob([new Uint8Array(64).map((_, k) => (k * 37) % 251)], { type });
  const S = plan.originalSize;
  const shared: { original: Blob; thumb: Blob; crc: number }[] = [];
  if (!plan.exact) {
    for (let v = 0; v < Math.min(plan.variants, plan.items.length); v++) {
      const original = await paint(S, v + 1, null, 0).convertToBlob({ type: 'image/png' });
      const thumb = await thumbOf(paint(256, v + 1, null, 14));
      shared.push({ original, thumb, crc: crc32(new Uint8Array(await original.arrayBuffer())) });
    }
  }
  const hex = (buf: ArrayBuffer) =>
    [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const prepared = [];
  for (const [n, it] of plan.items.entries()) {
    const rec = { ...it.record };
    // A prompt-only record (issue 10) is stored as given, with no bytes at all.
    if (rec.promptOnly === 1) {
      prepared.push({ rec, original: null, thumb: null });
      continue;
    }
    let original: Blob | null = null;
    let thumb: Blob | null = null;
    if (plan.exact) {
      const c = paint(S, n + 1, rec.id.slice(-10), 6);
      original = await c.convertToBlob({ type: it.type });
      thumb = await thumbOf(c);
      if (it.chunk) {
        const chunk = Uint8Array.from(atob(it.chunk), (ch) => ch.charCodeAt(0));
        const png = new Uint8Array(await original.arrayBuffer());
        original = new Blob([png.subarray(0, 33), chunk, png.subarray(33)], { type: 'image/png' });
      }
      const bytes = new Uint8Array(await original.arrayBuffer());
      rec.sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
      rec.crc32 = crc32(bytes);
    } else {
      const v = shared[n % shared.length]!;
      original = v.original;
      thumb = v.thumb;
      rec.crc32 = v.crc;
    }
    Object.assign(rec, { bytes: original.size, mimeType: original.type || 'image/png', width: S, height: S });
    if (it.original === 'missing') original = null;
    if (it.original === 'corrupt') original = junk('image/png');
    if (it.thumb === 'missing') thumb = null;
    if (it.thumb === 'corrupt') thumb = junk('image/webp');
    prepared.push({ rec, original, thumb });
  }
  for (let at = 0; at < prepared.length; at += plan.batch) {
    const tx = db.transaction(['images', 'originals', 'thumbs', 'kv'], 'readwrite');
    // Rows written by hand: the maintained totals (src/db/image-count.ts) are rebuilt on the next read.
    tx.objectStore('kv').delete('imageCounts');
    for (const p of prepared.slice(at, at + plan.batch)) {
      tx.objectStore('images').put(p.rec);
      if (p.original) tx.objectStore('originals').put({ id: p.rec.id, blob: p.original });
      if (p.thumb) tx.objectStore('thumbs').put({ id: p.rec.id, blob: p.thumb });
    }
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
      tx.onabort = () => rej(tx.error);
    });
  }
  db.close();
  if (plan.announce) new BroadcastChannel('image-vault').postMessage({ type: 'images-changed' });
}
