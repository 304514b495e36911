/**
 * Real-shaped C2PA fixtures, written from the C2PA specification's embedding rules (no real
 * ChatGPT sample is stored: docs/chatgpt.md §Facts no fixture shows). A manifest store is a
 * JUMBF superbox (`jumb` with a `jumd` description labelled `c2pa`) holding one manifest,
 * whose `c2pa.claim` box carries the claim as CBOR in a `cbor` box. It is placed in:
 * a PNG `caBX` chunk after IHDR, a WebP `C2PA` chunk, a JPEG APP11 segment (`JP` header).
 * Used by the unit tests and by the e2e tests (Node side), so Node APIs only where noted.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from '../../src/core/image-bytes';

const enc = new TextEncoder();

const cat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const be32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);

// ---- CBOR (just what a claim needs: maps, arrays, text) ----

type Cbor = string | Cbor[] | { [k: string]: Cbor };

function cborHead(major: number, n: number): Uint8Array {
  if (n < 24) return Uint8Array.of((major << 5) | n);
  if (n < 256) return Uint8Array.of((major << 5) | 24, n);
  return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
}

export function cbor(v: Cbor): Uint8Array<ArrayBuffer> {
  if (typeof v === 'string') {
    const b = enc.encode(v);
    return cat(cborHead(3, b.length), b);
  }
  if (Array.isArray(v)) return cat(cborHead(4, v.length), ...v.map(cbor));
  const keys = Object.keys(v);
  return cat(cborHead(5, keys.length), ...keys.flatMap((k) => [cbor(k), cbor(v[k]!)]));
}

// ---- JUMBF boxes (ISO 19566-5): LBox (4, BE) ‖ TBox (4) ‖ payload ----

const box = (type: string, payload: Uint8Array) => cat(be32(8 + payload.length), enc.encode(type), payload);

/** A `jumb` superbox: a `jumd` description (UUID, toggles 0x03 = requestable + label, label) and content boxes. */
function superbox(uuidTag: string, label: string, ...content: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const uuid = cat(
    enc.encode(uuidTag),
    Uint8Array.of(0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71),
  );
  const jumd = box('jumd', cat(uuid, Uint8Array.of(0x03), enc.encode(label), Uint8Array.of(0)));
  return box('jumb', cat(jumd, ...content));
}

export interface ClaimOptions {
  /** The 1.x `claim_generator` text. */
  claimGenerator?: string;
  /** The 2.x `claim_generator_info[0].name`. */
  infoName?: string;
}

/** A C2PA manifest store (JUMBF) whose claim names `opts`' generator. */
export function manifestStore(opts: ClaimOptions = { claimGenerator: 'ChatGPT' }): Uint8Array<ArrayBuffer> {
  const claim: Record<string, Cbor> = {};
  if (opts.infoName) claim.claim_generator_info = [{ name: opts.infoName, version: '1.0' }];
  if (opts.claimGenerator) claim.claim_generator = opts.claimGenerator;
  Object.assign(claim, {
    'dc:format': 'image/png',
    instanceID: 'xmp:iid:00000000-0000-4000-8000-000000000000',
    signature: 'self#jumbf=c2pa.signature',
    assertions: [{ url: 'self#jumbf=c2pa.assertions/c2pa.actions', hash: 'AAAA' }],
    alg: 'sha256',
  });
  const assertions = superbox(
    'c2as',
    'c2pa.assertions',
    superbox('cbor', 'c2pa.actions', box('cbor', cbor({ actions: [{ action: 'c2pa.created' }] }))),
  );
  const claimBox = superbox('c2cl', 'c2pa.claim', box('cbor', cbor(claim)));
  const signature = superbox('c2cs', 'c2pa.signature', box('cbor', new Uint8Array(64).fill(0xa5)));
  const manifest = superbox(
    'c2ma',
    'urn:uuid:0b1d5e2c-0000-4000-8000-000000000001',
    assertions,
    claimBox,
    signature,
  );
  return superbox('c2pa', 'c2pa', manifest);
}

// ---- containers ----

/** One PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const body = cat(enc.encode(type), data);
  return cat(be32(data.length), body, be32(crc32(body)));
}

/** The `caBX` chunk holding `manifestStore(opts)`. */
export const caBXChunk = (opts?: ClaimOptions) => pngChunk('caBX', manifestStore(opts));

/** A real 2×2 RGB PNG (Node: zlib). */
export function plainPng(): Uint8Array<ArrayBuffer> {
  const ihdr = cat(be32(2), be32(2), Uint8Array.of(8, 2, 0, 0, 0));
  const raw = Uint8Array.of(0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255);
  return cat(
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** `png` with a `caBX` chunk right after IHDR, where C2PA tools put it. */
export function pngWithC2pa(png: Uint8Array = plainPng(), opts?: ClaimOptions): Uint8Array<ArrayBuffer> {
  return cat(png.subarray(0, 33), caBXChunk(opts), png.subarray(33));
}

/** A 1×1 extended WebP (VP8X + lossy VP8), as ChatGPT's WebP files are extended. */
export function plainWebp(): Uint8Array<ArrayBuffer> {
  const vp8 = Buffer.from('VlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');
  const vp8x = cat(enc.encode('VP8X'), le32(10), new Uint8Array(10));
  const body = cat(enc.encode('WEBP'), vp8x, vp8);
  return cat(enc.encode('RIFF'), le32(body.length), body);
}

/** `webp` with a `C2PA` chunk appended (padded to even length), the RIFF size fixed. */
export function webpWithC2pa(webp: Uint8Array = plainWebp(), opts?: ClaimOptions): Uint8Array<ArrayBuffer> {
  const store = manifestStore(opts);
  const chunk = cat(enc.encode('C2PA'), le32(store.length), store, new Uint8Array(store.length & 1));
  const out = cat(webp, chunk);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

/** A minimal JPEG skeleton (SOI, APP0 JFIF, EOI); structure only, not a decodable picture. */
export function plainJpeg(): Uint8Array<ArrayBuffer> {
  const jfif = cat(enc.encode('JFIF'), Uint8Array.of(0, 1, 1, 0, 0, 1, 0, 1, 0, 0));
  return cat(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 2 + jfif.length), jfif, Uint8Array.of(0xff, 0xd9));
}

/** `jpeg` with the manifest store in one APP11 segment after APP0: `JP`, instance 1, sequence 1, JUMBF. */
export function jpegWithC2pa(jpeg: Uint8Array = plainJpeg(), opts?: ClaimOptions): Uint8Array<ArrayBuffer> {
  const store = manifestStore(opts);
  const payload = cat(Uint8Array.of(0x4a, 0x50, 0x00, 0x01), be32(1), store);
  const app0End = 4 + ((jpeg[4]! << 8) | jpeg[5]!);
  const seg = cat(Uint8Array.of(0xff, 0xeb, (payload.length + 2) >> 8, (payload.length + 2) & 0xff), payload);
  return cat(jpeg.subarray(0, app0End), seg, jpeg.subarray(app0End));
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** The caBX chunk in base64, for seeding from e2e (the page inserts it after IHDR). */
export const caBXChunkBase64 = (opts?: ClaimOptions) => b64(caBXChunk(opts));
