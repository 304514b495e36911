/**
 * ZIP record layouts shared by the writer and the reader (PKWARE APPNOTE 6.3.10).
 * Only what Image Vault needs: STORE (and DEFLATE on read), UTF-8 names, ZIP64.
 */

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_EOCD = 0x06054b50;
export const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

export const LOCAL_HEADER_LEN = 30;
export const CENTRAL_HEADER_LEN = 46;
export const EOCD_LEN = 22;
export const ZIP64_EOCD_LEN = 56;
export const ZIP64_LOCATOR_LEN = 20;

/** General purpose flag bit 11: names are UTF-8 (APPNOTE appendix D). */
export const FLAG_UTF8 = 0x0800;
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const EXTRA_ZIP64 = 0x0001;
/** Info-ZIP "UT" extra: the UTC modification time, which DOS times cannot carry. */
export const EXTRA_UNIX_TIME = 0x5455;

/** A 32-bit field holding this value means "see the ZIP64 extra field". */
export const MAX32 = 0xffffffff;
export const MAX16 = 0xffff;

/** Little-endian writer over a fixed-size buffer (headers are small and sized up front). */
export class LeBuffer {
  readonly bytes: Uint8Array<ArrayBuffer>;
  private readonly view: DataView;
  pos = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(v: number): this {
    this.view.setUint8(this.pos, v);
    this.pos += 1;
    return this;
  }
  u16(v: number): this {
    this.view.setUint16(this.pos, v, true);
    this.pos += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
    return this;
  }
  /** Sizes and offsets stay below 2^53, so a Number carries them exactly. */
  u64(v: number): this {
    this.view.setUint32(this.pos, v % 0x100000000, true);
    this.view.setUint32(this.pos + 4, Math.floor(v / 0x100000000), true);
    this.pos += 8;
    return this;
  }
  raw(b: Uint8Array): this {
    this.bytes.set(b, this.pos);
    this.pos += b.length;
    return this;
  }
}

/** Reads a little-endian u64 that fits in a Number (anything larger is an absurd size anyway). */
export function readU64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;
}

/** MS-DOS date and time (local time, 2-second resolution, 1980–2107), as ZIP headers want. */
export function dosDateTime(ms: number): { date: number; time: number } {
  const d = new Date(Number.isFinite(ms) ? ms : 0);
  const year = d.getFullYear();
  if (year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  };
}
