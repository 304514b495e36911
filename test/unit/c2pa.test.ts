/**
 * Content Credentials detection on real-shaped PNG, WebP and JPEG files: present with the
 * claim generator's name, absent on plain files, and only headers are read (bounded work).
 */
import { describe, expect, it } from 'vitest';
import { blobReader, detectC2pa, findC2paChunks } from '../../src/core/c2pa';
import { claimGeneratorIn } from '../../src/core/c2pa-claim';
import {
  cbor,
  jpegWithC2pa,
  manifestStore,
  plainJpeg,
  plainPng,
  plainWebp,
  pngWithC2pa,
  webpWithC2pa,
} from '../support/c2pa-fixtures';

const blob = (b: Uint8Array<ArrayBuffer>) => new Blob([b]);

describe('detectC2pa', () => {
  it.each([
    ['PNG caBX', pngWithC2pa()],
    ['WebP C2PA chunk', webpWithC2pa()],
    ['JPEG APP11 JUMBF', jpegWithC2pa()],
  ])('%s: present, claim generator ChatGPT', async (_, bytes) => {
    expect(await detectC2pa(blob(bytes))).toEqual({ present: true, claimGenerator: 'ChatGPT' });
  });

  it.each([
    ['PNG', plainPng()],
    ['WebP', plainWebp()],
    ['JPEG', plainJpeg()],
    ['not an image', new TextEncoder().encode('<html>caBX claim_generator</html>')],
    ['empty', new Uint8Array(0)],
  ])('%s without a manifest: none found', async (_, bytes) => {
    expect(await detectC2pa(blob(bytes))).toEqual({ present: false, claimGenerator: null });
  });

  it('prefers the 2.x claim_generator_info name', async () => {
    const png = pngWithC2pa(plainPng(), { infoName: 'ChatGPT', claimGenerator: 'OpenAI-API c2pa-rs/0.49' });
    expect((await detectC2pa(blob(png))).claimGenerator).toBe('ChatGPT');
  });

  it('a manifest without a readable generator is still present', async () => {
    const png = pngWithC2pa(plainPng(), {});
    expect(await detectC2pa(blob(png))).toEqual({ present: true, claimGenerator: null });
  });

  it('stops at a truncated chunk instead of guessing', async () => {
    const png = pngWithC2pa();
    expect((await detectC2pa(blob(png.slice(0, 40)))).present).toBe(false);
  });

  it('reads only chunk headers before the manifest, not the image data', async () => {
    // A PNG whose IDAT is 2 MB: the walk must not read it.
    const png = plainPng();
    const big = new Uint8Array(png.length + 2_000_000);
    big.set(png.subarray(0, 33));
    new DataView(big.buffer).setUint32(33, 2_000_000);
    big.set(new TextEncoder().encode('IDAT'), 37);
    big.set(png.subarray(png.length - 12), 33 + 12 + 2_000_000);
    let read = 0;
    const inner = blobReader(new Blob([big]));
    const counting = async (s: number, e: number) => {
      const b = await inner(s, e);
      read += b.length;
      return b;
    };
    const { format, chunks } = await findC2paChunks(counting, big.length);
    expect(format).toBe('png');
    expect(chunks).toEqual([]);
    expect(read).toBeLessThan(200);
  });
});

describe('claimGeneratorIn', () => {
  it('reads the text after the key, cleaned and bounded', () => {
    const store = manifestStore({ claimGenerator: `Chat\u0007GPT ${'x'.repeat(500)}` });
    const name = claimGeneratorIn(store)!;
    expect(name.startsWith('Chat GPT x')).toBe(true);
    expect(name.length).toBe(200);
  });

  it('ignores a key not followed by a text string', () => {
    expect(claimGeneratorIn(cbor({ claim_generator: ['not', 'text'] }))).toBeNull();
  });
});
