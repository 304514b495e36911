// A small streaming ZIP writer for the benchmark's synthetic exports, straight to a file on disk:
// stored entries from a Buffer (images, as ChatGPT's export stores them) and entries fed chunk by
// chunk (JSON, deflated or stored), whose local header is patched in place once CRC and sizes are known.
// Memory holds one small record per entry. ZIP64 records appear only when needed (an offset past
// 4 GiB or more than 65,534 entries); entries themselves stay under 4 GiB here.
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, createDeflateRaw } from 'node:zlib';

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const DOS_TIME = ((2026 - 1980) << 25) | (6 << 21) | (15 << 16); // 15 Jun 2026, 00:00

/** A ZIP archive being written to `path`; call `finish()` last. */
export class ZipFile {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.pos = 0;
    this.central = [];
  }

  write(buf) {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, this.pos + done);
    this.pos += buf.length;
  }

  header(name, method) {
    const n = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(DOS_TIME, 10);
    h.writeUInt16LE(n.length, 26);
    const rec = { name: n, method, offset: this.pos, crc: 0, csize: 0, size: 0 };
    this.write(Buffer.concat([h, n]));
    return rec;
  }

  patch(rec) {
    const b = Buffer.alloc(12);
    b.writeUInt32LE(rec.crc >>> 0, 0);
    b.writeUInt32LE(rec.csize, 4);
    b.writeUInt32LE(rec.size, 8);
    writeSync(this.fd, b, 0, 12, rec.offset + 14);
    this.central.push(rec);
  }

  /** A stored entry. */
  addStored(name, data) {
    const rec = this.header(name, 0);
    this.write(data);
    rec.crc = crc32(data);
    rec.csize = rec.size = data.length;
    this.patch(rec);
  }

  /**
   * An entry written piece by piece, deflated (or stored when `deflate` is false):
   * `await e.write(str)`, then `await e.end()`.
   */
  beginStreamed(name, deflate = true) {
    const rec = this.header(name, deflate ? 8 : 0);
    const z = deflate ? createDeflateRaw({ level: 6 }) : null;
    const out = (chunk) => {
      this.write(chunk);
      rec.csize += chunk.length;
    };
    z?.on('data', out);
    return {
      write: async (text) => {
        const buf = Buffer.from(text, 'utf8');
        rec.crc = crc32(buf, rec.crc);
        rec.size += buf.length;
        if (!z) out(buf);
        else if (!z.write(buf)) await once(z, 'drain');
      },
      end: async () => {
        if (z) {
          const ended = once(z, 'end');
          z.end();
          await ended;
        }
        if (rec.size > MAX32 || rec.csize > MAX32)
          throw new Error(`${name}: entries over 4 GiB are not written`);
        this.patch(rec);
      },
    };
  }

  /** Central directory and end records; closes the file. */
  finish() {
    const cdStart = this.pos;
    for (const r of this.central) {
      const big = r.offset >= MAX32;
      const extra = big ? Buffer.alloc(12) : Buffer.alloc(0);
      if (big) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(r.offset), 4);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | (big ? 45 : 20), 4);
      h.writeUInt16LE(big ? 45 : 20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(r.method, 10);
      h.writeUInt32LE(DOS_TIME, 12);
      h.writeUInt32LE(r.crc >>> 0, 16);
      h.writeUInt32LE(r.csize, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      h.writeUInt32LE(big ? MAX32 : r.offset, 42);
      this.write(Buffer.concat([h, r.name, extra]));
    }
    const cdSize = this.pos - cdStart;
    const count = this.central.length;
    const need64 = count >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
    if (need64) {
      const z64At = this.pos;
      const z = Buffer.alloc(56);
      z.writeUInt32LE(0x06064b50, 0);
      z.writeBigUInt64LE(44n, 4);
      z.writeUInt16LE(45, 12);
      z.writeUInt16LE(45, 14);
      z.writeBigUInt64LE(BigInt(count), 24);
      z.writeBigUInt64LE(BigInt(count), 32);
      z.writeBigUInt64LE(BigInt(cdSize), 40);
      z.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(z64At), 8);
      loc.writeUInt32LE(1, 16);
      this.write(Buffer.concat([z, loc]));
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(need64 ? MAX16 : count, 8);
    e.writeUInt16LE(need64 ? MAX16 : count, 10);
    e.writeUInt32LE(need64 ? MAX32 : cdSize, 12);
    e.writeUInt32LE(need64 ? MAX32 : cdStart, 16);
    this.write(e);
    closeSync(this.fd);
    return this.pos;
  }
}
