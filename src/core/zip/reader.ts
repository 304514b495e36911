/**
 * Reads a ZIP's central directory over random access and checks it before anything is
 * extracted: entry count, sizes, ratios, overlapping entries, names and ranges. Entry data
 * is then served as Blobs (stored entries stay slices of the file: no copy).
 */
import { parseCentralDirectory, type ZipEntry } from './central';
import { DEFAULT_ZIP_LIMITS, ZipError, type ZipLimits } from './errors';
import {
  EOCD_LEN,
  LOCAL_HEADER_LEN,
  MAX16,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  readU64,
  SIG_EOCD,
  SIG_LOCAL,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  ZIP64_EOCD_LEN,
  ZIP64_LOCATOR_LEN,
} from './format';
import type { ZipSource } from './source';

export type { ZipEntry } from './central';

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const TRUNCATED =
  'The file is incomplete: it ends before the end of the ZIP archive (was the download or copy cut short?).';

export class ZipArchive {
  private constructor(
    private readonly src: ZipSource,
    readonly entries: readonly ZipEntry[],
    private readonly byName: Map<string, ZipEntry>,
    /** Entry data must end before the central directory. */
    private readonly dataEnd: number,
  ) {}

  /** Parses and checks the directory; throws ZipError for anything unsafe or malformed. */
  static async open(src: ZipSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const end = await findEnd(src);
    if (end.count > limits.maxEntries)
      throw new ZipError(
        'too-many-entries',
        `The archive lists ${end.count} files; at most ${limits.maxEntries} are accepted.`,
      );
    if (end.cdSize > limits.maxCentralDirectoryBytes)
      throw new ZipError(
        'too-large',
        `The archive's directory is ${end.cdSize} bytes, more than any real export.`,
      );
    if (end.cdOffset + end.cdSize > end.cdEnd) throw new ZipError('truncated', TRUNCATED);
    const cd = await src.read(end.cdOffset, end.cdSize);
    const entries = parseCentralDirectory(cd, end.count, end.cdOffset, src.size, limits);
    return new ZipArchive(src, entries, new Map(entries.map((e) => [e.name, e])), end.cdOffset);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's uncompressed data. Stored: a lazy slice. Deflated: inflated, never past its declared size. */
  async blob(entry: ZipEntry): Promise<Blob> {
    const raw = await this.rawData(entry);
    return entry.method === METHOD_STORE ? raw : inflate(raw, entry);
  }

  /**
   * The entry's uncompressed data as a stream, for entries too big to hold (a 300 MB
   * conversations.json): inflated lazily, chunk by chunk, and with the same checks as
   * `blob()` (an error past the declared size, or when it ends short).
   */
  stream(entry: ZipEntry): ReadableStream<Uint8Array> {
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    let total = 0;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (!reader) {
          const raw = (await this.rawData(entry)).stream();
          reader = (
            entry.method === METHOD_STORE ? raw : raw.pipeThrough(new DecompressionStream('deflate-raw'))
          ).getReader();
        }
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          throw new ZipError('corrupt', `The archive is damaged: "${entry.name}" does not decompress.`);
        }
        if (chunk.done) {
          if (total !== entry.size)
            throw new ZipError(
              'corrupt',
              `The archive is damaged: "${entry.name}" is shorter than declared.`,
            );
          controller.close();
          return;
        }
        total += chunk.value.length;
        if (total > entry.size) {
          void reader.cancel().catch(() => {});
          throw new ZipError('too-large', `"${entry.name}" inflates past its declared size.`);
        }
        controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader?.cancel(reason),
    });
  }

  /** The entry's data as stored in the archive (a lazy slice), after checking its local header. */
  private async rawData(entry: ZipEntry): Promise<Blob> {
    const head = await this.src.read(entry.localHeaderOffset, LOCAL_HEADER_LEN);
    const v = view(head);
    if (head.length < LOCAL_HEADER_LEN || v.getUint32(0, true) !== SIG_LOCAL)
      throw new ZipError('corrupt', `The archive is damaged: no header where "${entry.name}" should start.`);
    const start = entry.localHeaderOffset + LOCAL_HEADER_LEN + v.getUint16(26, true) + v.getUint16(28, true);
    if (start + entry.compressedSize > this.dataEnd)
      throw new ZipError('corrupt', `The archive is damaged: "${entry.name}" runs past the end of the data.`);
    if (entry.method === METHOD_STORE || entry.method === METHOD_DEFLATE)
      return this.src.slice(start, entry.compressedSize);
    throw new ZipError(
      'unsupported',
      `"${entry.name}" uses compression method ${entry.method}; only stored and deflated files are read.`,
    );
  }

  async bytes(entry: ZipEntry): Promise<Uint8Array> {
    return new Uint8Array(await (await this.blob(entry)).arrayBuffer());
  }
}

async function inflate(raw: Blob, entry: ZipEntry): Promise<Blob> {
  const reader = raw.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      // The directory's size was checked against the limits; the data may still lie.
      if (total > entry.size)
        throw new ZipError('too-large', `"${entry.name}" inflates past its declared size.`);
      parts.push(value);
    }
  } catch (e) {
    void reader.cancel().catch(() => {});
    if (e instanceof ZipError) throw e;
    throw new ZipError('corrupt', `The archive is damaged: "${entry.name}" does not decompress.`);
  }
  if (total !== entry.size)
    throw new ZipError('corrupt', `The archive is damaged: "${entry.name}" is shorter than declared.`);
  return new Blob(parts as BlobPart[]);
}

interface EndRecord {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end at the latest. */
  cdEnd: number;
}

async function findEnd(src: ZipSource): Promise<EndRecord> {
  const tailLen = Math.min(src.size, EOCD_LEN + MAX16);
  const tail = await src.read(src.size - tailLen, tailLen);
  const t = view(tail);
  let at = -1;
  // From the end backwards; the record's comment must reach exactly to the end of the file.
  for (let i = tailLen - EOCD_LEN; i >= 0; i--) {
    if (t.getUint32(i, true) === SIG_EOCD && i + EOCD_LEN + t.getUint16(i + 20, true) === tailLen) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const head = await src.read(0, Math.min(4, src.size));
    if (head.length === 4 && view(head).getUint32(0, true) === SIG_LOCAL)
      throw new ZipError('truncated', TRUNCATED);
    throw new ZipError('not-zip', 'This file is not a ZIP archive.');
  }
  const eocdPos = src.size - tailLen + at;
  const disk = t.getUint16(at + 4, true);
  const cdDisk = t.getUint16(at + 6, true);
  let count = t.getUint16(at + 10, true);
  let cdSize = t.getUint32(at + 12, true);
  let cdOffset = t.getUint32(at + 16, true);
  let cdEnd = eocdPos;
  const wants64 = count === MAX16 || cdSize === MAX32 || cdOffset === MAX32;
  const locPos = eocdPos - ZIP64_LOCATOR_LEN;
  const loc = locPos >= 0 ? await src.read(locPos, ZIP64_LOCATOR_LEN) : new Uint8Array(0);
  if (loc.length === ZIP64_LOCATOR_LEN && view(loc).getUint32(0, true) === SIG_ZIP64_LOCATOR) {
    const z64Pos = readU64(view(loc), 8);
    if (z64Pos + ZIP64_EOCD_LEN > locPos)
      throw new ZipError('corrupt', 'The archive is damaged: bad ZIP64 end record.');
    const z = view(await src.read(z64Pos, ZIP64_EOCD_LEN));
    if (z.getUint32(0, true) !== SIG_ZIP64_EOCD) throw new ZipError('truncated', TRUNCATED);
    if (z.getUint32(16, true) !== 0 || z.getUint32(20, true) !== 0) throw multiDisk();
    count = readU64(z, 32);
    cdSize = readU64(z, 40);
    cdOffset = readU64(z, 48);
    cdEnd = z64Pos;
  } else if (wants64) {
    throw new ZipError('truncated', TRUNCATED);
  } else if (disk !== 0 || cdDisk !== 0 || count !== t.getUint16(at + 8, true)) {
    throw multiDisk();
  }
  return { count, cdSize, cdOffset, cdEnd };
}

const multiDisk = () => new ZipError('unsupported', 'Split (multi-part) ZIP archives are not supported.');
