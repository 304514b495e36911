/**
 * First half of an import: read and check everything, write nothing. The archive must be
 * a ZIP we can trust (reader limits), hold a manifest of our format and version, and every
 * image must be present, of the declared size and type, and hash to its manifest SHA-256.
 * A `noImage` entry (a prompt-only record) has no file: the manifest check is all it gets.
 */
import { MANIFEST_NAME, type ManifestEntry } from '../core/export-format/manifest';
import { checkManifest } from '../core/export-format/validate';
import { crc32, sha256Hex, sniffImageType } from '../core/image-bytes';
import type { ZipArchive, ZipEntry } from '../core/zip/reader';
import { type ReportItem, titleOf } from './import-summary';

/** Why an entry listed twice is skipped (import-reasons.ts words it for the report). */
export const TWICE_REASON = 'appears twice in the archive';

/** Images larger than this are refused: each is hashed in memory (Web Crypto has no streaming digest). */
export const MAX_IMAGE_BYTES = 256 * 2 ** 20;
const MAX_MANIFEST_BYTES = 512 * 2 ** 20;

export interface VerifiedImage {
  entry: ManifestEntry;
  zipEntry: ZipEntry;
  crc32: number;
}

export interface Verification {
  images: VerifiedImage[];
  /** `noImage` entries: prompt-only records, nothing to verify (they hold no file). */
  promptOnly: ManifestEntry[];
  /** The same image twice inside the archive: imported once. */
  duplicates: ReportItem[];
  rejected: ReportItem[];
}

/** Thrown when the archive as a whole is unusable; `details` lists per-entry problems. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/**
 * After a failed write was rolled back: the abort reason itself when the user cancelled,
 * else an ImportError saying in plain words what failed and that nothing changed.
 */
export function undoneError(err: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return err;
  const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
  return new ImportError(
    `${quota ? 'The disk is full' : `Writing failed (${err instanceof Error ? err.message : String(err)})`}; the import was undone and nothing changed.`,
  );
}

/** Where the archive's files are: at the root, or in one folder when the unzipped folder was zipped again. */
function findManifest(zip: ZipArchive): { manifest: ZipEntry; prefix: string } | null {
  const root = zip.get(MANIFEST_NAME);
  if (root) return { manifest: root, prefix: '' };
  const nested = zip.entries.filter((e) => /^[^/]+\/manifest\.json$/.test(e.name));
  return nested.length === 1
    ? { manifest: nested[0]!, prefix: nested[0]!.name.slice(0, -MANIFEST_NAME.length) }
    : null;
}

export async function readManifest(zip: ZipArchive): Promise<{ entries: ManifestEntry[]; prefix: string }> {
  const found = findManifest(zip);
  if (!found) throw new ImportError('This ZIP is not an Image Vault archive: it has no manifest.json.');
  const m = found.manifest;
  if (m.size > MAX_MANIFEST_BYTES)
    throw new ImportError('manifest.json is implausibly large; the archive was refused.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await zip.bytes(m)));
  } catch {
    throw new ImportError('manifest.json is not valid JSON; the archive is damaged.');
  }
  const check = checkManifest(json);
  if (!check.ok)
    throw new ImportError(
      check.reason,
      check.entryProblems.map((p) => `${p.id}: ${p.problem}`),
    );
  return { entries: check.entries, prefix: found.prefix };
}

async function verifyOne(zip: ZipArchive, e: ManifestEntry, prefix: string): Promise<VerifiedImage | string> {
  if (!e.file) return 'has no file';
  const z = zip.get(prefix + e.file);
  if (!z || z.isDirectory) return `${e.file} is missing from the archive`;
  if (z.size !== e.bytes) return `${e.file} is ${z.size} bytes but the manifest says ${e.bytes}`;
  if (z.size > MAX_IMAGE_BYTES) return `${e.file} is larger than ${MAX_IMAGE_BYTES / 2 ** 20} MB`;
  const bytes = await zip.bytes(z);
  const sha = await sha256Hex(bytes);
  if (sha !== e.sha256.toLowerCase())
    return `${e.file} does not match its SHA-256 (the file was changed or damaged)`;
  const sniffed = sniffImageType(bytes);
  const declared = e.mimeType.split(';')[0]!.trim().toLowerCase().replace('image/jpg', 'image/jpeg');
  if (!sniffed) return `${e.file} is not an image`;
  if (sniffed !== declared) return `${e.file} is ${sniffed} but the manifest says ${e.mimeType}`;
  return { entry: e, zipEntry: z, crc32: crc32(bytes) };
}

export async function verifyImages(
  zip: ZipArchive,
  entries: readonly ManifestEntry[],
  prefix: string,
  signal: AbortSignal,
  onImage: (bytes: number) => void,
): Promise<Verification> {
  const out: Verification = { images: [], promptOnly: [], duplicates: [], rejected: [] };
  const seen = new Set<string>();
  // Entries with bytes first: an id listed both with and without a file keeps its file.
  const ordered = [...entries.filter((e) => !e.noImage), ...entries.filter((e) => e.noImage)];
  for (const e of ordered) {
    signal.throwIfAborted();
    if (e.noImage) {
      if (seen.has(e.id)) out.duplicates.push({ id: e.id, reason: TWICE_REASON, title: titleOf(e) });
      else {
        seen.add(e.id);
        out.promptOnly.push(e);
      }
      onImage(0);
      continue;
    }
    const r = await verifyOne(zip, e, prefix);
    if (typeof r === 'string') out.rejected.push({ id: e.id, reason: r, title: titleOf(e) });
    else if (seen.has(r.entry.sha256.toLowerCase()) || seen.has(r.entry.id))
      out.duplicates.push({ id: e.id, reason: TWICE_REASON, title: titleOf(e) });
    else {
      seen.add(r.entry.sha256.toLowerCase());
      seen.add(r.entry.id);
      out.images.push(r);
    }
    onImage(e.bytes);
  }
  return out;
}
