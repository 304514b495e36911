/**
 * Parses central directory records and applies the zip-bomb and zip-slip checks. Every
 * number in a hostile directory is a lie until checked against the file it came in.
 */
import { MAX_DEFLATE_RATIO, ZipError, type ZipLimits } from './errors';
import {
  CENTRAL_HEADER_LEN,
  EXTRA_ZIP64,
  FLAG_UTF8,
  LOCAL_HEADER_LEN,
  MAX32,
  METHOD_DEFLATE,
  readU64,
  SIG_CENTRAL,
} from './format';
import { unsafeNameReason } from './names';

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size. */
  size: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');
const damaged = (why: string) => new ZipError('corrupt', `The archive is damaged: ${why}.`);

/** Names without the UTF-8 flag are still UTF-8 in practice (macOS Archive Utility); else Latin-1. */
function decodeName(bytes: Uint8Array, flags: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    if (flags & FLAG_UTF8) throw damaged('a file name is not valid UTF-8');
    return latin1.decode(bytes);
  }
}

export function parseCentralDirectory(
  cd: Uint8Array,
  count: number,
  cdOffset: number,
  archiveSize: number,
  limits: ZipLimits,
): ZipEntry[] {
  const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const spans: Span[] = [];
  let pos = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (pos + CENTRAL_HEADER_LEN > cd.length || v.getUint32(pos, true) !== SIG_CENTRAL)
      throw damaged('the file directory is cut short');
    const flags = v.getUint16(pos + 8, true);
    const method = v.getUint16(pos + 10, true);
    let compressedSize = v.getUint32(pos + 20, true);
    let size = v.getUint32(pos + 24, true);
    const nameLen = v.getUint16(pos + 28, true);
    const extraLen = v.getUint16(pos + 30, true);
    const commentLen = v.getUint16(pos + 32, true);
    let localHeaderOffset = v.getUint32(pos + 42, true);
    const nameAt = pos + CENTRAL_HEADER_LEN;
    const next = nameAt + nameLen + extraLen + commentLen;
    if (next > cd.length) throw damaged('the file directory is cut short');
    const name = decodeName(cd.subarray(nameAt, nameAt + nameLen), flags);
    // ZIP64 extra: only the fields whose 32-bit value is 0xFFFFFFFF, in order (APPNOTE 4.5.3).
    for (let x = nameAt + nameLen; x + 4 <= nameAt + nameLen + extraLen; ) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === EXTRA_ZIP64) {
        let f = x + 4;
        const take = () => {
          if (f + 8 > x + 4 + len) throw damaged(`bad ZIP64 sizes for "${name}"`);
          f += 8;
          return readU64(v, f - 8);
        };
        if (size === MAX32) size = take();
        if (compressedSize === MAX32) compressedSize = take();
        if (localHeaderOffset === MAX32) localHeaderOffset = take();
      }
      x += 4 + len;
    }
    const unsafe = unsafeNameReason(name);
    if (unsafe)
      throw new ZipError(
        'unsafe-name',
        `The archive contains a file with ${unsafe} ("${name.slice(0, 120)}"); it was refused as a whole.`,
      );
    if (seen.has(name)) throw damaged(`"${name}" appears twice`);
    seen.add(name);
    if (flags & 1)
      throw new ZipError('unsupported', `"${name}" is encrypted; encrypted archives are not supported.`);
    if (size > limits.maxEntryBytes)
      throw new ZipError(
        'too-large',
        `"${name}" claims ${size} bytes; at most ${limits.maxEntryBytes} per file are accepted.`,
      );
    if (
      method === METHOD_DEFLATE
        ? size > compressedSize * MAX_DEFLATE_RATIO + 1024
        : method === 0 && size !== compressedSize
    )
      throw new ZipError(
        'too-large',
        `"${name}" claims an impossible size for its compressed data (a zip bomb?).`,
      );
    total += size;
    if (localHeaderOffset + LOCAL_HEADER_LEN + nameLen + compressedSize > cdOffset)
      throw damaged(`"${name}" lies outside the archive's data`);
    spans.push({
      name,
      start: localHeaderOffset,
      end: localHeaderOffset + LOCAL_HEADER_LEN + nameLen + compressedSize,
    });
    entries.push({
      name,
      method,
      crc32: v.getUint32(pos + 16, true),
      compressedSize,
      size,
      localHeaderOffset,
      isDirectory: name.endsWith('/'),
    });
    pos = next;
  }
  if (total > limits.maxTotalBytes || total > Math.max(archiveSize, 2 ** 20) * limits.maxTotalRatio)
    throw new ZipError(
      'too-large',
      `The archive would expand to ${total} bytes from ${archiveSize}: refused as a likely zip bomb.`,
    );
  checkNoOverlap(spans);
  return entries;
}

/** Entries sharing bytes are how the densest zip bombs multiply one payload: refuse them. */
interface Span {
  name: string;
  start: number;
  end: number;
}

function checkNoOverlap(spans: Span[]): void {
  spans.sort((a, b) => a.start - b.start);
  let end = 0;
  for (const s of spans) {
    if (s.start < end) throw damaged(`"${s.name}" overlaps another file (a zip bomb?)`);
    end = s.end;
  }
}
