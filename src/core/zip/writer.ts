/**
 * A streaming ZIP writer: entries are STORED (PNG and WebP are already compressed), each
 * local header carries the final CRC and size, so the data follows its header once and
 * nothing is ever rewritten. The sink only appends. Memory holds one small record per
 * entry for the central directory, never entry data. ZIP64 records appear only when
 * needed: an entry or offset past 4 GiB, or more than 65,534 entries.
 */
import { blobCrc32 } from './crc';
import {
  CENTRAL_HEADER_LEN,
  dosDateTime,
  EOCD_LEN,
  EXTRA_UNIX_TIME,
  EXTRA_ZIP64,
  FLAG_UTF8,
  LeBuffer,
  LOCAL_HEADER_LEN,
  MAX16,
  MAX32,
  METHOD_STORE,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  ZIP64_EOCD_LEN,
  ZIP64_LOCATOR_LEN,
} from './format';

/** Where the archive goes: OPFS in the extension, a counter in the benchmark, memory in tests. */
export interface ZipSink {
  /**
   * Appends the parts in order, ideally as one write (fewer round trips to the file).
   * Blobs are passed whole so a file-backed sink can copy them without JS reading them.
   */
  write(parts: readonly (Uint8Array<ArrayBuffer> | Blob)[]): Promise<void>;
}

export interface ZipEntrySource {
  /** Path inside the archive, `/`-separated, UTF-8. */
  name: string;
  data: Blob;
  /** CRC-32 of `data`; null makes the writer read `data` once to compute it. */
  crc32: number | null;
  /** Modification time, epoch ms. */
  modified: number;
}

interface CentralRecord {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
  modified: number;
}

const VERSION_PLAIN = 20; // 2.0: stored entries, folders
const VERSION_ZIP64 = 45; // 4.5: ZIP64 extensions
const MADE_BY_UNIX = 3 << 8; // so unzip on Unix applies the file mode in the external attributes
const FILE_MODE = (0o100644 << 16) >>> 0; // regular file, rw-r--r--
const CENTRAL_CHUNK = 1 << 20; // central directory written in ~1 MiB pieces
const encoder = new TextEncoder();

/** UT extra field (mtime only), identical in local and central headers. */
function unixTime(h: LeBuffer, modified: number): void {
  const seconds = Math.min(Math.max(Math.floor(modified / 1000), 0), MAX32);
  h.u16(EXTRA_UNIX_TIME).u16(5).u8(1).u32(seconds);
}

export class ZipWriter {
  private readonly central: CentralRecord[] = [];
  private written = 0;
  private closed = false;

  constructor(private readonly sink: ZipSink) {}

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.written;
  }

  /** Appends one stored entry: local header and data in a single sink write. */
  async add(src: ZipEntrySource): Promise<void> {
    if (this.closed) throw new Error('ZipWriter: add() after finish()');
    const crc = src.crc32 ?? (await blobCrc32(src.data));
    const name = encoder.encode(src.name);
    if (name.length === 0 || name.length > MAX16) throw new Error(`ZipWriter: bad entry name ${src.name}`);
    const size = src.data.size;
    const zip64 = size >= MAX32;
    const extraLen = 9 + (zip64 ? 20 : 0);
    const { date, time } = dosDateTime(src.modified);
    const h = new LeBuffer(LOCAL_HEADER_LEN + name.length + extraLen);
    h.u32(SIG_LOCAL)
      .u16(zip64 ? VERSION_ZIP64 : VERSION_PLAIN)
      .u16(FLAG_UTF8)
      .u16(METHOD_STORE);
    h.u16(time).u16(date).u32(crc);
    h.u32(zip64 ? MAX32 : size).u32(zip64 ? MAX32 : size);
    h.u16(name.length).u16(extraLen).raw(name);
    if (zip64) h.u16(EXTRA_ZIP64).u16(16).u64(size).u64(size);
    unixTime(h, src.modified);
    this.central.push({ name, crc, size, offset: this.written, modified: src.modified });
    await this.sink.write([h.bytes, src.data]);
    this.written += h.bytes.length + size;
  }

  /** Writes the central directory and end records; returns the archive's total size. */
  async finish(): Promise<number> {
    if (this.closed) throw new Error('ZipWriter: finish() twice');
    this.closed = true;
    const cdOffset = this.written;
    let parts: Uint8Array<ArrayBuffer>[] = [];
    let pending = 0;
    for (const rec of this.central) {
      const header = centralHeader(rec);
      parts.push(header);
      pending += header.length;
      if (pending >= CENTRAL_CHUNK) {
        await this.flush(parts);
        parts = [];
        pending = 0;
      }
    }
    await this.flush(parts);
    const cdSize = this.written - cdOffset;
    const count = this.central.length;
    const end: Uint8Array<ArrayBuffer>[] = [];
    const zip64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
    if (zip64) {
      const z = new LeBuffer(ZIP64_EOCD_LEN + ZIP64_LOCATOR_LEN);
      z.u32(SIG_ZIP64_EOCD)
        .u64(ZIP64_EOCD_LEN - 12)
        .u16(MADE_BY_UNIX | VERSION_ZIP64)
        .u16(VERSION_ZIP64);
      z.u32(0).u32(0).u64(count).u64(count).u64(cdSize).u64(cdOffset);
      z.u32(SIG_ZIP64_LOCATOR).u32(0).u64(this.written).u32(1);
      end.push(z.bytes);
    }
    const e = new LeBuffer(EOCD_LEN);
    const n16 = zip64 ? MAX16 : count;
    e.u32(SIG_EOCD).u16(0).u16(0).u16(n16).u16(n16);
    e.u32(zip64 ? MAX32 : cdSize)
      .u32(zip64 ? MAX32 : cdOffset)
      .u16(0);
    end.push(e.bytes);
    await this.flush(end);
    return this.written;
  }

  private async flush(parts: Uint8Array<ArrayBuffer>[]): Promise<void> {
    if (parts.length === 0) return;
    await this.sink.write(parts);
    for (const p of parts) this.written += p.length;
  }
}

function centralHeader(rec: CentralRecord): Uint8Array<ArrayBuffer> {
  const bigSize = rec.size >= MAX32;
  const bigOffset = rec.offset >= MAX32;
  const zip64Fields = (bigSize ? 2 : 0) + (bigOffset ? 1 : 0);
  const zip64Len = zip64Fields ? 4 + 8 * zip64Fields : 0;
  const extraLen = zip64Len + 9;
  const { date, time } = dosDateTime(rec.modified);
  const h = new LeBuffer(CENTRAL_HEADER_LEN + rec.name.length + extraLen);
  h.u32(SIG_CENTRAL)
    .u16(MADE_BY_UNIX | VERSION_ZIP64)
    .u16(zip64Fields ? VERSION_ZIP64 : VERSION_PLAIN);
  h.u16(FLAG_UTF8).u16(METHOD_STORE).u16(time).u16(date).u32(rec.crc);
  h.u32(bigSize ? MAX32 : rec.size).u32(bigSize ? MAX32 : rec.size);
  h.u16(rec.name.length).u16(extraLen).u16(0).u16(0).u16(0).u32(FILE_MODE);
  h.u32(bigOffset ? MAX32 : rec.offset).raw(rec.name);
  if (zip64Fields) {
    // APPNOTE 4.5.3: only the fields whose header value is 0xFFFFFFFF, in this order.
    h.u16(EXTRA_ZIP64).u16(8 * zip64Fields);
    if (bigSize) h.u64(rec.size).u64(rec.size);
    if (bigOffset) h.u64(rec.offset);
  }
  unixTime(h, rec.modified);
  return h.bytes;
}
