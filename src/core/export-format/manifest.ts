/**
 * manifest.json: the archive's machine-readable index (docs/export-format.md). Written as a
 * stream, one entry at a time, so its size never sits in memory. Version 1 is a promise:
 * later versions only add fields, and readers of v1 ignore fields they do not know.
 */
import { type ImageRecord, isPromptOnly, NO_BYTES } from '../types';

export const MANIFEST_FORMAT = 'image-vault';
export const MANIFEST_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

/** One image in manifest.json. Times are ISO 8601 (UTC). */
export interface ManifestEntry {
  /** ChatGPT file id; Image Vault's primary key. */
  id: string;
  /**
   * Path of the original inside the archive, e.g. `images/2025-01-02_a-cat_ab12cd34.png`;
   * null on a `noImage` entry.
   */
  file: string | null;
  /**
   * True on a prompt-only record (issue 10): an image whose bytes the vault never held. Then
   * `file` is null, `sha256` '', `bytes` 0, `mimeType` ''. Absent on every entry with a file
   * (and in archives from before issue 10).
   */
  noImage?: true;
  /** `noImage` entries: when ChatGPT's signed link for the image expired/expires (ISO 8601). */
  linkExpiresAt?: string | null;
  /** Path of the copy with the prompt embedded, when that option was on and the format allows it. */
  embeddedCopy?: string;
  sha256: string;
  bytes: number;
  mimeType: string;
  width: number;
  height: number;
  prompt: string;
  revisedPrompt: string;
  title: string | null;
  model: string;
  genId: string | null;
  parentGenId: string | null;
  editOp: string | null;
  seed: number | null;
  genSize: string | null;
  conversationId: string;
  conversationTitle: string;
  conversationUrl: string;
  messageId: string;
  pageUrl: string;
  createdAt: string;
  capturedAt: string;
  favorite: boolean;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  exportedAt: string;
  count: number;
  images: ManifestEntry[];
}

const iso = (ms: number) => new Date(Number.isFinite(ms) ? ms : 0).toISOString();

/** The entry for a record: `file` null for a prompt-only record (it gets `noImage: true`). */
export function toManifestEntry(rec: ImageRecord, file: string | null, embeddedCopy?: string): ManifestEntry {
  const noImage = isPromptOnly(rec) || file === null;
  const expires = rec.linkExpiresAt;
  return {
    id: rec.id,
    file: noImage ? null : file,
    ...(noImage ? { noImage: true as const } : {}),
    ...(noImage && typeof expires === 'number' && Number.isFinite(expires)
      ? { linkExpiresAt: iso(expires) }
      : {}),
    ...(embeddedCopy && !noImage ? { embeddedCopy } : {}),
    sha256: noImage ? '' : rec.sha256,
    bytes: noImage ? 0 : rec.bytes,
    mimeType: noImage ? '' : rec.mimeType,
    width: rec.width,
    height: rec.height,
    prompt: rec.prompt,
    revisedPrompt: rec.revisedPrompt,
    title: rec.title,
    model: rec.model,
    genId: rec.genId,
    parentGenId: rec.parentGenId,
    editOp: rec.editOp,
    seed: rec.seed,
    genSize: rec.genSize,
    conversationId: rec.conversationId,
    conversationTitle: rec.conversationTitle,
    conversationUrl: rec.conversationUrl,
    messageId: rec.messageId,
    pageUrl: rec.pageUrl,
    createdAt: iso(rec.createdAt),
    capturedAt: iso(rec.capturedAt),
    favorite: rec.favorite === 1,
  };
}

/** The streamed pieces of manifest.json: head, then entries, then tail (count last: it is known last). */
export const manifestJson = {
  head(exportedAt: number): string {
    const head = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, exportedAt: iso(exportedAt) };
    return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "images": [`;
  },
  entry(e: ManifestEntry, index: number): string {
    const body = JSON.stringify(e, null, 2).replace(/\n/g, '\n    ');
    return `${index === 0 ? '\n' : ',\n'}    ${body}`;
  },
  tail(count: number): string {
    return `${count ? '\n  ' : ''}],\n  "count": ${count}\n}\n`;
  },
};

/**
 * The vault record for an imported entry (verified bytes: `crc32` computed on import); a
 * `noImage` entry becomes a prompt-only record (no bytes, `crc32` ignored).
 */
export function recordFromManifestEntry(e: ManifestEntry, crc32: number): ImageRecord {
  if (e.noImage) {
    const expires = e.linkExpiresAt ? Date.parse(e.linkExpiresAt) : Number.NaN;
    return {
      ...recordFromManifestEntry({ ...e, noImage: undefined, sha256: '', bytes: 0, mimeType: '' }, 0),
      ...NO_BYTES,
      linkExpiresAt: Number.isFinite(expires) ? expires : null,
    };
  }
  return {
    id: e.id,
    sha256: e.sha256.toLowerCase(),
    crc32,
    bytes: e.bytes,
    mimeType: e.mimeType,
    width: e.width,
    height: e.height,
    prompt: e.prompt,
    revisedPrompt: e.revisedPrompt,
    title: e.title,
    model: e.model as ImageRecord['model'],
    genId: e.genId,
    parentGenId: e.parentGenId,
    editOp: e.editOp ?? null,
    seed: e.seed,
    genSize: e.genSize ?? null,
    conversationId: e.conversationId,
    conversationTitle: e.conversationTitle,
    conversationUrl: e.conversationUrl,
    messageId: e.messageId,
    pageUrl: e.pageUrl ?? e.conversationUrl,
    createdAt: Date.parse(e.createdAt),
    capturedAt: Date.parse(e.capturedAt),
    favorite: e.favorite ? 1 : 0,
    source: 'import',
  };
}
