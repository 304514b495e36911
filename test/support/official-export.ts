/**
 * Builds ChatGPT data-export ZIPs in both layouts (docs/chatgpt.md §Official export) for unit
 * and e2e tests, in Node, from a list of conversations and image assets:
 *
 * - v1: `conversations.json`, `dalle-generations/file-{id}-{uuid}.webp`,
 *   `user-{uid}/file_{hex}-{uuid}.png`, uploads at the root as `file-{id}-{name}`;
 * - v2: `export_manifest.json`, `conversations-000.json`…, bytes as `file-{id}.dat`,
 *   `conversation_asset_file_names.json` and `library_files.json`.
 *
 * Hostile and damaged variants come from options: bytes left out, a name-map entry whose
 * `.dat` is missing, extra entries (`../evil.png`), a declared size that lies.
 */
import JSZip from 'jszip';

/** An image file the export may carry. */
export interface ExportAsset {
  fileId: string;
  bytes: Uint8Array;
  /** v1 place: 'dalle' → `dalle-generations/`, 'native' → `user-{uid}/`, 'upload' → the root. */
  kind: 'dalle' | 'native' | 'upload';
  /** Extension of the v1 / original name; default from `kind` (webp, png, jpg). */
  ext?: string;
}

/** What the export holds. */
export interface ExportSpec {
  /** Conversation JSON objects (anything: non-objects make hostile shards). */
  conversations: unknown[];
  assets: ExportAsset[];
}

/** How to build it, including the broken and hostile variants. */
export interface BuildOptions {
  /** File ids whose bytes are left out (v2: still named in the name map and library_files.json). */
  omitBytes?: string[];
  /** v2: extra name-map entries (`{id}.dat` → a name) with no `.dat` in the ZIP. */
  listedButMissing?: string[];
  /** Extra raw entries, e.g. `{ name: '../evil.png', data: '…' }`. */
  extraEntries?: { name: string; data: Uint8Array | string }[];
  /** Entry name (before `topFolder`) → the size to declare in the central directory instead. */
  declaredSizes?: Record<string, number>;
  /** Put everything in one top folder (an unzipped export zipped again), e.g. `'export'`. */
  topFolder?: string;
  /** Deflate every entry (as ChatGPT does) or store them; default deflate. */
  compression?: 'store' | 'deflate';
  /** v2: conversations per shard; default 100. */
  shardSize?: number;
  /** v2: bytes as `file-{id}.dat` (default) or under their v1 names. */
  v2Bytes?: 'dat' | 'original';
  /** Replace the text of a conversation file (`conversations.json`, `conversations-000.json`). */
  rawFiles?: Record<string, string | Uint8Array>;
}

const USER_DIR = 'user-Qm3kLp8xTz0aBcDe';
const DEFAULT_EXT = { dalle: 'webp', native: 'png', upload: 'jpg' } as const;

/** A stable uuid-looking suffix from an id, so names are the same on every run. */
function uuidOf(id: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) {
    h = Math.imul(h ^ (id.charCodeAt(i % id.length) + i), 0x01000193) >>> 0;
    hex.push((h & 15).toString(16));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The v1 name of an asset. */
export function v1AssetName(a: ExportAsset): string {
  const ext = a.ext ?? DEFAULT_EXT[a.kind];
  if (a.kind === 'dalle') return `dalle-generations/${a.fileId}-${uuidOf(a.fileId)}.${ext}`;
  if (a.kind === 'native') return `${USER_DIR}/${a.fileId}-${uuidOf(a.fileId)}.${ext}`;
  return `${a.fileId}-holiday-photo.${ext}`;
}

/** The original name v2's name map gives an asset (its v1 folder, a uuid name). */
function v2OriginalName(a: ExportAsset): string {
  const ext = a.ext ?? DEFAULT_EXT[a.kind];
  if (a.kind === 'dalle') return `dalle-generations/${uuidOf(a.fileId)}.${ext}`;
  if (a.kind === 'native') return `${USER_DIR}/${uuidOf(a.fileId)}.${ext}`;
  return `holiday-photo.${ext}`;
}

type Files = [name: string, data: string | Uint8Array][];

/** A v1 export: one `conversations.json` and the images under their v1 names. */
export function buildV1Export(spec: ExportSpec, opts: BuildOptions = {}): Promise<Uint8Array> {
  const omit = new Set(opts.omitBytes ?? []);
  const files: Files = [
    ['conversations.json', JSON.stringify(spec.conversations)],
    ['user.json', JSON.stringify({ id: USER_DIR, email: 'someone@example.com' })],
    ['chat.html', '<!doctype html><title>ChatGPT Data Export</title>'],
    ...spec.assets.filter((a) => !omit.has(a.fileId)).map((a): Files[number] => [v1AssetName(a), a.bytes]),
  ];
  return zipFiles(files, opts);
}

/** A v2 export: manifest, shards, `.dat` bytes, the name map and library_files.json. */
export function buildV2Export(spec: ExportSpec, opts: BuildOptions = {}): Promise<Uint8Array> {
  const omit = new Set(opts.omitBytes ?? []);
  const per = opts.shardSize ?? 100;
  const shards: Files = [];
  for (let i = 0; i * per < Math.max(spec.conversations.length, 1); i++)
    shards.push([
      `conversations-${String(i).padStart(3, '0')}.json`,
      JSON.stringify(spec.conversations.slice(i * per, (i + 1) * per)),
    ]);
  const nameMap: Record<string, string> = {};
  for (const a of spec.assets) nameMap[`${a.fileId}.dat`] = v2OriginalName(a);
  for (const id of opts.listedButMissing ?? []) nameMap[`${id}.dat`] = `dalle-generations/${uuidOf(id)}.webp`;
  const library = spec.assets
    .filter((a) => a.kind !== 'upload')
    .map((a) => ({
      file_id: a.fileId,
      origination_message_id: null,
      file_name: v2OriginalName(a),
      mime_type: a.kind === 'dalle' ? 'image/webp' : 'image/png',
      file_size_bytes: a.bytes.length,
    }));
  const files: Files = [
    ['export_manifest.json', JSON.stringify({ version: 2, files: shards.map(([n]) => n) })],
    ...shards,
    ['conversation_asset_file_names.json', JSON.stringify(nameMap)],
    ['library_files.json', JSON.stringify(library)],
    ...spec.assets
      .filter((a) => !omit.has(a.fileId))
      .map((a): Files[number] => [opts.v2Bytes === 'original' ? v1AssetName(a) : `${a.fileId}.dat`, a.bytes]),
  ];
  return zipFiles(files, opts);
}

async function zipFiles(files: Files, opts: BuildOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  const top = opts.topFolder ? `${opts.topFolder}/` : '';
  const all: Files = [
    ...files.map(([n, d]): Files[number] => [n, opts.rawFiles?.[n] ?? d]),
    ...(opts.extraEntries ?? []).map((e): Files[number] => [e.name, e.data]),
  ];
  for (const [name, data] of all)
    zip.file(top + name, data, {
      compression: opts.compression === 'store' ? 'STORE' : 'DEFLATE',
      date: new Date(Date.UTC(2026, 0, 2)),
      createFolders: false,
    });
  const bytes = await zip.generateAsync({ type: 'uint8array' });
  for (const [name, size] of Object.entries(opts.declaredSizes ?? {})) declareSize(bytes, top + name, size);
  return bytes;
}

/** Rewrites the uncompressed size the central directory declares for `name` (a lie, for tests). */
export function declareSize(zip: Uint8Array, name: string, size: number): void {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const want = new TextEncoder().encode(name);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (v.getUint32(i, true) !== 0x02014b50) continue;
    const len = v.getUint16(i + 28, true);
    const got = zip.subarray(i + 46, i + 46 + len);
    if (len === want.length && got.every((b, k) => b === want[k])) {
      v.setUint32(i + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}

/** A RIFF….WAVE file: the same container as WebP, but sound (what a `.dat` may hold). */
export function wavBytes(samples = 64): Uint8Array {
  const b = new Uint8Array(44 + samples);
  const v = new DataView(b.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, 8000, true);
  v.setUint32(28, 8000, true);
  v.setUint16(32, 1, true);
  v.setUint16(34, 8, true);
  ascii(36, 'data');
  v.setUint32(40, samples, true);
  b.fill(128, 44);
  return b;
}
