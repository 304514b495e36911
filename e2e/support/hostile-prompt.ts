/**
 * A hostile prompt, as one can arrive from a shared conversation or an imported archive:
 * about 1 MB of text mixing words in three scripts with bidi overrides and isolates that
 * are never closed, C0/C1 control characters, lone surrogates, stacked combining marks,
 * line/paragraph separators and zero-width characters. Deterministic, so that a test
 * and the benchmark see the same text. Used by e2e/huge-prompt.spec.ts and
 * bench/huge-prompt.mjs.
 *
 * Lone surrogates do not survive JSON, so the text goes into the page as UTF-16 code
 * units (base64) and is decoded there (putPrompt).
 */
import type { Page } from '@playwright/test';
import { prng } from '../sim/images';

/** How the hostile prompt starts: plain words a test can look for on screen. */
export const HOSTILE_START = 'Hostile prompt begins here: a lighthouse at dusk';

const WORDS = ['lighthouse', 'dusk', 'neon', 'harbour', 'שלום', 'עולם', 'مرحبا', 'بالعالم', 'café', '🦊'];
const NASTY = [
  '\u202e', // RIGHT-TO-LEFT OVERRIDE, never closed
  '\u202d', // LEFT-TO-RIGHT OVERRIDE
  '\u202b', // RIGHT-TO-LEFT EMBEDDING
  '\u2067', // RIGHT-TO-LEFT ISOLATE, never closed
  '\u2068', // FIRST STRONG ISOLATE
  '\u200f', // RIGHT-TO-LEFT MARK
  '\u061c', // ARABIC LETTER MARK
  '\u0000',
  '\u0007',
  '\u0008',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ud83d', // half an emoji
  '\u200b\u200d\ufeff',
  `e${'\u0301\u0336\u0317'.repeat(12)}`, // stacked combining marks
  '\n',
];

/** About `size` UTF-16 code units of hostile text (default 1 MiB), starting with HOSTILE_START. */
export function hostilePrompt(size = 1 << 20, seed = 8): string {
  const r = prng(seed);
  const parts: string[] = [`${HOSTILE_START}\u202e `];
  let n = parts[0]!.length;
  while (n < size) {
    const p =
      r() < 0.6 ? `${WORDS[Math.floor(r() * WORDS.length)]} ` : NASTY[Math.floor(r() * NASTY.length)]!;
    parts.push(p);
    n += p.length;
  }
  return parts.join('').slice(0, size);
}

/** UTF-16 code units as base64: survives JSON even with lone surrogates. */
export function toUnits(text: string): string {
  const u = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) u[i] = text.charCodeAt(i);
  return Buffer.from(u.buffer).toString('base64');
}

/**
 * Replaces the stored prompt of image `id` with `text` (exactly, code unit for code
 * unit) and announces the change. Open an extension page of the vault first.
 */
export async function putPrompt(page: Page, id: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ id, units }) => {
      const bin = atob(units);
      const codes = new Uint16Array(bin.length / 2);
      for (let i = 0; i < codes.length; i++)
        codes[i] = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
      let prompt = '';
      for (let i = 0; i < codes.length; i += 8192)
        prompt += String.fromCharCode(...codes.subarray(i, i + 8192));
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('image-vault');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('images', 'readwrite');
      const store = tx.objectStore('images');
      store.get(id).onsuccess = (e) => {
        const rec = (e.target as IDBRequest).result;
        store.put({ ...rec, prompt });
      };
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
      new BroadcastChannel('image-vault').postMessage({ type: 'images-changed', ids: [id] });
    },
    { id, units: toUnits(text) },
  );
}
