/**
 * Content Credentials (C2PA) in an image: where the manifest sits and which tool signed it.
 * Places, from the C2PA specification's embedding rules: PNG `caBX` chunk, WebP (RIFF)
 * `C2PA` chunk, JPEG APP11 segments carrying JUMBF (`JP` + a `jumb` box). ChatGPT's images
 * carry one (docs/chatgpt.md §Content Credentials (C2PA)).
 *
 * Bounded work: only chunk and segment headers are read, through a windowed reader over a
 * Blob; nothing is inflated and the image data is never decoded.
 */
import { claimGeneratorIn } from './c2pa-claim';

/** Byte range [start, end) of one whole container chunk (header, data, CRC or padding). */
export interface ByteRange {
  start: number;
  end: number;
}

export type C2paFormat = 'png' | 'webp' | 'jpeg';

/** What a detection found; `claimGenerator` is null when the manifest names none we can read. */
export interface C2paInfo {
  present: boolean;
  claimGenerator: string | null;
}

/** Reads bytes [start, end) of the file (fewer at its end). */
export type ReadAt = (start: number, end: number) => Promise<Uint8Array>;

const WINDOW = 64 * 1024;
/** A file with more chunks than this is not walked further (a damaged or hostile file). */
const MAX_CHUNKS = 100_000;
/** How much of a manifest is searched for its claim generator. */
const MAX_MANIFEST_READ = 1024 * 1024;

/** A reader over a Blob that keeps one 64 KiB window, so headers close together cost one read. */
export function blobReader(blob: Blob): ReadAt {
  let winStart = -1;
  let win = new Uint8Array(0);
  return async (start, end) => {
    end = Math.min(end, blob.size);
    if (start >= winStart && end <= winStart + win.length && winStart >= 0)
      return win.subarray(start - winStart, end - winStart);
    if (end - start > WINDOW) return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    winStart = start;
    win = new Uint8Array(await blob.slice(start, Math.min(blob.size, start + WINDOW)).arrayBuffer());
    return win.subarray(0, end - start);
  };
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const be32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at);
const le32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

/** The container the first bytes announce, or null. */
export function c2paFormatOf(head: Uint8Array): C2paFormat | null {
  if (head.length >= 8 && be32(head, 0) === 0x89504e47 && be32(head, 4) === 0x0d0a1a0a) return 'png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  return null;
}

/** Each C2PA chunk's range and where its payload lies. */
export interface C2paChunk extends ByteRange {
  dataStart: number;
  dataEnd: number;
}

async function pngChunks(read: ReadAt, size: number): Promise<C2paChunk[]> {
  const out: C2paChunk[] = [];
  for (let at = 8, n = 0; at + 12 <= size && n < MAX_CHUNKS; n++) {
    const h = await read(at, at + 8);
    const len = be32(h, 0);
    const type = ascii(h, 4, 4);
    const end = at + 12 + len;
    if (end > size) break; // truncated: stop, never guess
    if (type === 'caBX') out.push({ start: at, end, dataStart: at + 8, dataEnd: at + 8 + len });
    if (type === 'IEND') break;
    at = end;
  }
  return out;
}

async function riffChunks(read: ReadAt, size: number): Promise<C2paChunk[]> {
  const out: C2paChunk[] = [];
  const riffEnd = Math.min(size, 8 + le32(await read(0, 12), 4));
  for (let at = 12, n = 0; at + 8 <= riffEnd && n < MAX_CHUNKS; n++) {
    const h = await read(at, at + 8);
    const len = le32(h, 4);
    const end = Math.min(riffEnd, at + 8 + len + (len & 1)); // odd chunks carry one pad byte
    if (at + 8 + len > riffEnd) break;
    if (ascii(h, 0, 4) === 'C2PA') out.push({ start: at, end, dataStart: at + 8, dataEnd: at + 8 + len });
    at = end;
  }
  return out;
}

/** APP11 segments whose payload is JUMBF: `JP`, instance (2), sequence (4), then a `jumb` box. */
async function jpegSegments(read: ReadAt, size: number): Promise<C2paChunk[]> {
  const out: C2paChunk[] = [];
  for (let at = 2, n = 0; at + 4 <= size && n < MAX_CHUNKS; n++) {
    const h = await read(at, at + 4);
    if (h[0] !== 0xff) break;
    const marker = h[1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // scan data or end: no metadata follows
    const len = (h[2]! << 8) | h[3]!;
    const end = at + 2 + len;
    if (len < 2 || end > size) break;
    if (marker === 0xeb && len >= 2 + 16) {
      const p = await read(at + 4, at + 4 + 16);
      if (p[0] === 0x4a && p[1] === 0x50 && ascii(p, 12, 4) === 'jumb')
        out.push({ start: at, end, dataStart: at + 4 + 8, dataEnd: end });
    }
    at = end;
  }
  return out;
}

/** The C2PA chunks of a PNG, WebP or JPEG (empty for other files or when there are none). */
export async function findC2paChunks(
  read: ReadAt,
  size: number,
): Promise<{ format: C2paFormat | null; chunks: C2paChunk[] }> {
  const format = c2paFormatOf(await read(0, 12));
  if (format === 'png') return { format, chunks: await pngChunks(read, size) };
  if (format === 'webp') return { format, chunks: await riffChunks(read, size) };
  if (format === 'jpeg') return { format, chunks: await jpegSegments(read, size) };
  return { format, chunks: [] };
}

/** Whether `blob` carries Content Credentials, and the claim generator they name. */
export async function detectC2pa(blob: Blob): Promise<C2paInfo> {
  const read = blobReader(blob);
  const { chunks } = await findC2paChunks(read, blob.size);
  if (!chunks.length) return { present: false, claimGenerator: null };
  // A JPEG manifest may span several APP11 segments; the claim is usually in the first ones.
  const parts: Uint8Array[] = [];
  let budget = MAX_MANIFEST_READ;
  for (const c of chunks) {
    if (budget <= 0) break;
    const end = Math.min(c.dataEnd, c.dataStart + budget);
    parts.push((await read(c.dataStart, end)).slice());
    budget -= end - c.dataStart;
  }
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  return { present: true, claimGenerator: claimGeneratorIn(joined) };
}
