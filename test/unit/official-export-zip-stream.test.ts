/**
 * ZipArchive.stream serves an entry as a byte stream (stored or deflated) with the same
 * checks as blob(): the data may not inflate past its declared size, nor end short of it.
 */

import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZipError } from '../../src/core/zip/errors';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource } from '../../src/core/zip/source';
import { declareSize } from '../support/official-export';

const open = (bytes: Uint8Array) => ZipArchive.open(blobSource(new Blob([bytes as BlobPart])));
const text = Array.from({ length: 20_000 }, (_, i) => `line ${i} of the conversation\n`).join('');

async function zipOf(compression: 'STORE' | 'DEFLATE', declared?: number): Promise<ZipArchive> {
  const z = new JSZip();
  z.file('conversations.json', text, { compression });
  const bytes = await z.generateAsync({ type: 'uint8array' });
  if (declared !== undefined) declareSize(bytes, 'conversations.json', declared);
  return open(bytes);
}

async function drain(s: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const parts: Uint8Array[] = [];
  for await (const c of s) parts.push(c);
  return {
    text: new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer()),
    chunks: parts.length,
  };
}

async function refusal(s: ReadableStream<Uint8Array>): Promise<ZipError> {
  try {
    await drain(s);
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('the stream ended normally');
}

describe('ZipArchive.stream', () => {
  for (const method of ['STORE', 'DEFLATE'] as const)
    it(`serves a ${method === 'STORE' ? 'stored' : 'deflated'} entry byte for byte`, async () => {
      const zip = await zipOf(method);
      const entry = zip.get('conversations.json');
      if (!entry) throw new Error('no entry');
      const got = await drain(zip.stream(entry));
      expect(got.text).toBe(text);
    });

  it('refuses data that inflates past its declared size', async () => {
    const zip = await zipOf('DEFLATE', text.length - 1);
    const entry = zip.get('conversations.json');
    if (!entry) throw new Error('no entry');
    const e = await refusal(zip.stream(entry));
    expect([e.code, e.message]).toEqual([
      'too-large',
      '"conversations.json" inflates past its declared size.',
    ]);
  });

  it('refuses data that ends short of its declared size', async () => {
    const zip = await zipOf('DEFLATE', text.length + 1);
    const entry = zip.get('conversations.json');
    if (!entry) throw new Error('no entry');
    const e = await refusal(zip.stream(entry));
    expect(e.message).toBe('The archive is damaged: "conversations.json" is shorter than declared.');
  });

  it('refuses data that does not decompress', async () => {
    const z = new JSZip();
    z.file('conversations.json', text, { compression: 'DEFLATE' });
    const bytes = await z.generateAsync({ type: 'uint8array' });
    const zip0 = await open(bytes);
    const entry = zip0.get('conversations.json');
    if (!entry) throw new Error('no entry');
    // Scramble the compressed data, after its local header (30 bytes + name).
    const start = entry.localHeaderOffset + 30 + 'conversations.json'.length;
    bytes.fill(0xff, start, start + 64);
    const zip = await open(bytes);
    const e = await refusal(zip.stream(entry));
    expect(e.message).toBe('The archive is damaged: "conversations.json" does not decompress.');
  });

  it('reads lazily: cancelling after the first chunk stops the read', async () => {
    const zip = await zipOf('DEFLATE');
    const entry = zip.get('conversations.json');
    if (!entry) throw new Error('no entry');
    const reader = zip.stream(entry).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value?.length).toBeLessThan(text.length);
    await reader.cancel();
  });
});
