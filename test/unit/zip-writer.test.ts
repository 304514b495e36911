/**
 * The ZIP writer, checked by an independent reader (Python's zipfile) and by our own.
 * ZIP64 is exercised both ways it is triggered: > 65,534 entries, and offsets past 4 GiB
 * (a sparse file: the 5 GB entry is a hole on disk, only its headers are real).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/image-bytes';
import { DEFAULT_ZIP_LIMITS } from '../../src/core/zip/errors';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource, type ZipSource } from '../../src/core/zip/source';
import { type ZipSink, ZipWriter } from '../../src/core/zip/writer';

const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function memorySink(): ZipSink & { blob(): Blob } {
  const parts: BlobPart[] = [];
  return { write: async (p) => void parts.push(...p), blob: () => new Blob(parts) };
}

/** Python's zipfile: names, sizes, offsets, and `testzip()` (reads every entry, checks CRCs). */
function pythonInspect(
  path: string,
  test = true,
): { names: string[]; sizes: number[]; offsets: number[]; bad: string | null } {
  const script = `import json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
i=z.infolist()
print(json.dumps({"names":[x.filename for x in i],"sizes":[x.file_size for x in i],"offsets":[x.header_offset for x in i],"bad":z.testzip() if sys.argv[2]=="1" else None}))`;
  return JSON.parse(
    execFileSync('python3', ['-c', script, path, test ? '1' : '0'], { maxBuffer: 1 << 28 }).toString(),
  );
}

const enc = new TextEncoder();

describe('ZipWriter', { timeout: 30_000 }, () => {
  it('writes stored entries that another reader extracts byte for byte, with UTF-8 names', async () => {
    const sink = memorySink();
    const zip = new ZipWriter(sink);
    const files = [
      ['images/2025-01-02_a-cat_abcd1234.png', enc.encode('png bytes')],
      ['images/été_日本_🙂.webp', randomBytes(70_000)],
      ['empty.txt', new Uint8Array(0)],
    ] as const;
    for (const [name, data] of files)
      await zip.add({ name, data: new Blob([data]), crc32: crc32(data), modified: Date.UTC(2025, 0, 2) });
    // A record without its stored CRC: the writer computes it.
    await zip.add({ name: 'no-crc.bin', data: new Blob(['abc']), crc32: null, modified: Date.now() });
    const total = await zip.finish();
    const blob = sink.blob();
    expect(blob.size).toBe(total);
    const path = join(dir, 'basic.zip');
    writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
    const py = pythonInspect(path);
    expect(py.bad).toBeNull();
    expect(py.names).toEqual([...files.map((f) => f[0]), 'no-crc.bin']);
    const ours = await ZipArchive.open(blobSource(blob));
    for (const [name, data] of files) expect(await ours.bytes(ours.get(name)!)).toEqual(new Uint8Array(data));
    expect(new TextDecoder().decode(await ours.bytes(ours.get('no-crc.bin')!))).toBe('abc');
  });

  it('switches to ZIP64 past 65,534 entries', async () => {
    const sink = memorySink();
    const zip = new ZipWriter(sink);
    const data = new Blob(['x']);
    const crc = crc32(enc.encode('x'));
    const n = 70_000;
    for (let i = 0; i < n; i++) await zip.add({ name: `f/${i}.txt`, data, crc32: crc, modified: 0 });
    await zip.finish();
    const blob = sink.blob();
    const path = join(dir, 'many.zip');
    writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
    const py = pythonInspect(path, false);
    expect(py.names.length).toBe(n);
    expect(py.names[n - 1]).toBe(`f/${n - 1}.txt`);
    expect((await ZipArchive.open(blobSource(blob))).entries.length).toBe(n);
  }, 60_000); // 70,000 entries: ~3 s, more on a busy machine

  it('uses ZIP64 sizes and offsets past 4 GiB', async () => {
    const path = join(dir, 'big.zip');
    const fd = openSync(path, 'w');
    let pos = 0;
    // Blobs that only claim a size are skipped over, leaving a hole: the file stays sparse.
    const sink: ZipSink = {
      async write(parts) {
        for (const p of parts) {
          const bytes =
            p instanceof Blob ? new Uint8Array(await p.arrayBuffer()) : p instanceof Uint8Array ? p : null;
          if (bytes) writeSync(fd, bytes, 0, bytes.length, pos);
          pos += bytes ? bytes.length : (p as Blob).size;
        }
      },
    };
    const zip = new ZipWriter(sink);
    const huge = 5 * 2 ** 30;
    await zip.add({ name: 'huge.bin', data: { size: huge } as Blob, crc32: 0, modified: 0 });
    const tail = enc.encode('after the big one');
    await zip.add({ name: 'tail.txt', data: new Blob([tail]), crc32: crc32(tail), modified: 0 });
    await zip.finish();
    closeSync(fd);
    const py = pythonInspect(path, false);
    expect(py.sizes).toEqual([huge, tail.length]);
    expect(py.offsets[1]).toBeGreaterThan(huge);
    const readTail = `import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("tail.txt").decode())`;
    expect(execFileSync('python3', ['-c', readTail, path]).toString().trim()).toBe('after the big one');
    // Our reader too, over the file on disk (its default limits would refuse a 5 GiB entry).
    // Not fs.openAsBlob: Node 20 truncates its size to 32 bits.
    const file = openSync(path, 'r');
    const read = (at: number, n: number) => {
      const b = new Uint8Array(n);
      return b.subarray(0, readSync(file, b, 0, n, at));
    };
    const source: ZipSource = {
      size: statSync(path).size,
      read: async (at, n) => read(at, n),
      slice: (at, n) => new Blob([read(at, n)]),
    };
    const ours = await ZipArchive.open(source, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: huge });
    expect(ours.entries.map((e) => [e.name, e.size])).toEqual([
      ['huge.bin', huge],
      ['tail.txt', tail.length],
    ]);
    expect(new TextDecoder().decode(await ours.bytes(ours.get('tail.txt')!))).toBe('after the big one');
    closeSync(file);
  }, 30_000);

  it('refuses to add after finish', async () => {
    const zip = new ZipWriter(memorySink());
    await zip.finish();
    await expect(zip.add({ name: 'a', data: new Blob([]), crc32: 0, modified: 0 })).rejects.toThrow();
  });
});

/** getRandomValues fills at most 64 KiB per call. */
function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(out.subarray(i, Math.min(n, i + 65_536)));
  return out;
}
