/**
 * The ZIP reader refuses hostile and broken input from the directory alone, with a
 * message a user can act on, and reads what other tools write (Python's deflated zips).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/image-bytes';
import { ZipError, type ZipErrorCode } from '../../src/core/zip/errors';
import {
  LeBuffer,
  MAX16,
  MAX32,
  SIG_EOCD,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
} from '../../src/core/zip/format';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource } from '../../src/core/zip/source';
import { ZipWriter } from '../../src/core/zip/writer';

const dir = mkdtempSync(join(tmpdir(), 'zip-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const enc = new TextEncoder();

async function build(files: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: BlobPart[] = [];
  const zip = new ZipWriter({ write: async (p) => void parts.push(...p) });
  for (const [name, text] of Object.entries(files))
    await zip.add({ name, data: new Blob([text]), crc32: crc32(enc.encode(text)), modified: 0 });
  await zip.finish();
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

/** A zip made by Python: `files` maps names to [text, repeat count], deflated. */
function pythonZip(files: Record<string, [string, number]>): Uint8Array<ArrayBuffer> {
  const path = join(dir, `py-${Math.random()}.zip`);
  const script = `import json,sys,zipfile
with zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED) as z:
  for n,(t,k) in json.loads(sys.argv[2]).items(): z.writestr(zipfile.ZipInfo(n),(t*k).encode(),zipfile.ZIP_DEFLATED)`;
  execFileSync('python3', ['-c', script, path, JSON.stringify(files)]);
  return new Uint8Array(readFileSync(path));
}

const open = (bytes: Uint8Array<ArrayBuffer>) => ZipArchive.open(blobSource(new Blob([bytes])));

async function refusal(bytes: Uint8Array<ArrayBuffer>): Promise<{ code: ZipErrorCode; message: string }> {
  try {
    const zip = await open(bytes);
    for (const e of zip.entries) await zip.bytes(e);
  } catch (e) {
    if (e instanceof ZipError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the archive was accepted');
}

/** Offset of the end-of-central-directory record (no comment: the last 22 bytes). */
const eocdAt = (b: Uint8Array) => b.length - 22;
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

describe('ZipArchive', { timeout: 30_000 }, () => {
  it('reads deflated archives made by other tools', async () => {
    const zip = await open(pythonZip({ 'manifest.json': ['{"a":1}', 1], 'big.txt': ['abc', 100_000] }));
    expect(new TextDecoder().decode(await zip.bytes(zip.get('manifest.json')!))).toBe('{"a":1}');
    expect((await zip.bytes(zip.get('big.txt')!)).length).toBe(300_000);
  });

  it('says "not a ZIP" for other files', async () => {
    expect((await refusal(enc.encode('<html>hello</html>'))).code).toBe('not-zip');
    expect((await refusal(new Uint8Array(0))).code).toBe('not-zip');
  });

  it('says "truncated" when the end is cut off', async () => {
    const ok = await build({ 'a.txt': 'x'.repeat(5000), 'b.txt': 'y' });
    for (const keep of [ok.length - 1, ok.length - 30, 2000]) {
      const r = await refusal(ok.slice(0, keep));
      expect(r.code).toBe('truncated');
      expect(r.message).toMatch(/incomplete/);
    }
  });

  it.each([
    ['../evil.txt', /"\.\."/],
    ['images/../../evil.txt', /"\.\."/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/evil.dll', /drive letter/],
    ['images\\..\\evil.txt', /backslash/],
  ])('refuses the path-traversal name %s', async (name, why) => {
    const r = await refusal(await build({ 'manifest.json': '{}', [name]: 'pwned' }));
    expect(r.code).toBe('unsafe-name');
    expect(r.message).toMatch(why);
  });

  it('refuses an absurd entry count before reading the directory', async () => {
    const ok = await build({ 'a.txt': 'a' });
    const v = view(ok);
    const cdSize = v.getUint32(eocdAt(ok) + 12, true);
    const cdOffset = v.getUint32(eocdAt(ok) + 16, true);
    // Replace the end record by ZIP64 records claiming a billion entries.
    const z = new LeBuffer(56 + 20 + 22);
    z.u32(SIG_ZIP64_EOCD).u64(44).u16(45).u16(45).u32(0).u32(0).u64(1e9).u64(1e9).u64(cdSize).u64(cdOffset);
    z.u32(SIG_ZIP64_LOCATOR).u32(0).u64(eocdAt(ok)).u32(1);
    z.u32(SIG_EOCD).u16(0).u16(0).u16(MAX16).u16(MAX16).u32(MAX32).u32(MAX32).u16(0);
    const forged = new Uint8Array(eocdAt(ok) + z.bytes.length);
    forged.set(ok.subarray(0, eocdAt(ok)));
    forged.set(z.bytes, eocdAt(ok));
    const r = await refusal(forged);
    expect(r.code).toBe('too-many-entries');
    expect(r.message).toMatch(/1000000000 files/);
  });

  it('refuses a deflated entry claiming more than deflate can produce (zip bomb)', async () => {
    const py = pythonZip({ 'bomb.bin': ['\0', 10_000] });
    const cd = view(py).getUint32(eocdAt(py) + 16, true);
    view(py).setUint32(cd + 24, 2 ** 31, true); // uncompressed size: 2 GiB from a few bytes
    expect((await refusal(py)).code).toBe('too-large');
  });

  it('refuses an archive expanding far beyond its size (zip bomb)', async () => {
    const r = await refusal(pythonZip({ 'a.bin': ['\0', 100_000_000] }));
    expect(r.code).toBe('too-large');
    expect(r.message).toMatch(/zip bomb/);
  }, 20_000);

  it('stops inflating an entry that lies about its size', async () => {
    const py = pythonZip({ 'liar.txt': ['abc', 100_000] });
    const cd = view(py).getUint32(eocdAt(py) + 16, true);
    view(py).setUint32(cd + 24, 1000, true);
    expect((await refusal(py)).message).toMatch(/inflates past its declared size/);
  });

  it('refuses overlapping entries and duplicate names', async () => {
    const ok = await build({ 'a.txt': 'aaaa', 'b.txt': 'bbbb' });
    const cd = view(ok).getUint32(eocdAt(ok) + 16, true);
    const second = cd + 46 + 5 + 9; // header + "a.txt" + UT extra
    const overlapped = ok.slice();
    view(overlapped).setUint32(second + 42, 0, true); // b.txt's header offset → a.txt's
    expect((await refusal(overlapped)).message).toMatch(/overlaps/);
    const dup = ok.slice();
    dup.set(enc.encode('a'), second + 46);
    expect((await refusal(dup)).message).toMatch(/appears twice/);
  });

  it('refuses stored entries whose sizes disagree', async () => {
    const ok = await build({ 'a.txt': 'aaaa' });
    const cd = view(ok).getUint32(eocdAt(ok) + 16, true);
    view(ok).setUint32(cd + 24, 4_000_000_000, true);
    expect((await refusal(ok)).code).toBe('too-large');
  });
});
