/**
 * Reading ChatGPT's export gives every generated image with the prompts its conversation
 * holds, the bytes when the ZIP carries them, and the expiry of a signed link; uploads and
 * charts are not generations. Bad JSON ends in a plain message.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZipArchive } from '../../src/core/zip/reader';
import { blobSource } from '../../src/core/zip/source';
import { ImportError } from '../../src/export/import-verify';
import { parseConversation } from '../../src/sites/chatgpt/conversation';
import { type ExportLayout, jsonFileLayout, readExportLayout } from '../../src/sites/chatgpt/export/layout';
import { type ExportFinding, emptyScan, readExport } from '../../src/sites/chatgpt/export/read';
import { buildV1Export, buildV2Export, wavBytes } from '../support/official-export';
import { sampleExportSpec } from '../support/official-export-sample';

const sample = sampleExportSpec();
const open = (bytes: Uint8Array) => ZipArchive.open(blobSource(new Blob([bytes as BlobPart])));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function read(layout: ExportLayout, signal = new AbortController().signal) {
  const scan = emptyScan();
  const findings: ExportFinding[] = [];
  for await (const f of readExport(layout, scan, signal)) findings.push(f);
  return { scan, findings, byId: new Map(findings.map((f) => [f.meta.fileId, f])) };
}

/** A layout of one conversations file with the given text, served `chunk` bytes at a time. */
function textLayout(text: string | Uint8Array, chunk = 1 << 16, name = 'conversations.json'): ExportLayout {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return {
    kind: 'json',
    conversationFiles: [{ name, size: bytes.length, open: () => chunked(bytes, chunk) }],
    assets: new Map(),
    missingAssets: new Set(),
    notes: [],
  };
}

function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

describe('findings of the sample export', () => {
  for (const [kind, build] of [
    ['v1', buildV1Export],
    ['v2', buildV2Export],
  ] as const) {
    it(`${kind}: each generation once, with its prompts, and the bytes the ZIP carries`, async () => {
      const zip = await open(await build(sample.spec, { omitBytes: [] }));
      const { scan, findings, byId } = await read(await readExportLayout(zip));
      expect(new Set(byId.keys())).toEqual(new Set([...sample.carried, ...sample.missing]));
      expect(findings).toHaveLength(byId.size);
      // The prompts are exactly those of the conversation the image was made in.
      for (const conv of sample.spec.conversations) {
        const parsed = parseConversation(conv);
        for (const meta of parsed.images) {
          expect(byId.get(meta.fileId)?.meta).toEqual(meta);
          expect(byId.get(meta.fileId)?.conversation).toEqual(parsed.info);
        }
      }
      // Bytes carried: the entry holds the very bytes of the image. Bytes missing: no entry.
      for (const a of sample.spec.assets.filter((x) => sample.carried.includes(x.fileId))) {
        const entry = byId.get(a.fileId)?.asset;
        expect(entry, a.fileId).toBeTruthy();
        if (entry) expect(sha(await zip.bytes(entry))).toBe(sha(a.bytes));
      }
      for (const id of sample.missing) expect(byId.get(id)?.asset).toBeNull();
      expect(scan).toMatchObject({
        conversations: sample.spec.conversations.length,
        skippedConversations: 0,
      });
    });
  }

  it('an image whose .dat the export lacks is found without bytes', async () => {
    const gone = sample.carried[0] ?? '';
    const zip = await open(await buildV2Export(sample.spec, { omitBytes: [gone] }));
    const { byId } = await read(await readExportLayout(zip));
    expect(byId.get(gone)?.asset).toBeNull();
    expect(byId.get(gone)?.meta.prompt).toBe('a cozy reading nook in a treehouse, rainy afternoon');
    expect(byId.get(sample.carried[1] ?? '')?.asset).not.toBeNull();
  });

  it('leaves out the upload and the chart though the ZIP carries their bytes', async () => {
    const { scan, byId } = await read(await readExportLayout(await open(await buildV1Export(sample.spec))));
    expect(byId.has(sample.upload)).toBe(false);
    expect(byId.has(sample.chart)).toBe(false);
    expect(scan.uploadsExcluded).toBe(1);
  });

  it('gives the expiry of a signed link: one in the past, one still live', async () => {
    const { byId } = await read(await readExportLayout(await open(await buildV2Export(sample.spec))));
    expect(byId.get(sample.expiredLink.fileId)?.linkExpiresAt).toBe(sample.expiredLink.expiresAt);
    expect(byId.get(sample.liveLink.fileId)?.linkExpiresAt).toBe(sample.liveLink.expiresAt);
    expect(sample.expiredLink.expiresAt).toBeLessThan(Date.now());
    expect(sample.liveLink.expiresAt).toBeGreaterThan(Date.now());
    expect(byId.get(sample.liveLink.fileId)?.meta.url).toMatch(/^https:\/\/files\.oaiusercontent\.com\//);
    // A pointer-only image has no link, hence no expiry.
    expect(byId.get(sample.carried[0] ?? '')?.linkExpiresAt).toBeNull();
  });

  it('ties a .dat to its id even when it holds a WAV: typing is left to the magic bytes', async () => {
    const spec = {
      ...sample.spec,
      assets: sample.spec.assets.map((a) =>
        a.fileId === sample.carried[2] ? { ...a, bytes: wavBytes() } : a,
      ),
    };
    const zip = await open(await buildV2Export(spec));
    const { byId } = await read(await readExportLayout(zip));
    const entry = byId.get(sample.carried[2] ?? '')?.asset;
    if (!entry) throw new Error('no asset');
    expect(new TextDecoder().decode((await zip.bytes(entry)).subarray(8, 12))).toBe('WAVE');
  });

  it('reads a bare conversations.json (no images)', async () => {
    const text = JSON.stringify(sample.spec.conversations);
    const layout = jsonFileLayout(new File([text], 'conversations.json'));
    const { byId } = await read(layout);
    expect(new Set(byId.keys())).toEqual(new Set([...sample.carried, ...sample.missing]));
    expect([...byId.values()].every((f) => f.asset === null)).toBe(true);
  });

  it('streamed one byte at a time gives the same findings as whole', async () => {
    const text = JSON.stringify(sample.spec.conversations, null, 1);
    const whole = await read(textLayout(text, text.length));
    const bytewise = await read(textLayout(text, 1));
    expect(bytewise.findings).toEqual(whole.findings);
    expect(bytewise.scan).toEqual(whole.scan);
    expect(whole.findings.length).toBe(sample.carried.length + sample.missing.length);
  });

  it('first sighting of an image wins; a later copy only fills its empty fields', async () => {
    const url = new URL('../fixtures/conversations/thinking-mode.json', import.meta.url);
    const text = readFileSync(url, 'utf8');
    // The first copy lacks the image's size; the later one has it, and another prompt and title.
    const first = JSON.parse(text.replace('"width": 1024,', '').replace('"size_bytes": 2318842,', ''));
    const later = JSON.parse(text.replaceAll('make a poster of a neon tiger', 'a different prompt'));
    later.conversation_id = 'another-conversation';
    later.title = 'Another title';
    const expected = parseConversation(first).images[0];
    if (!expected || expected.width !== null) throw new Error('fixture changed');
    const { findings } = await read(textLayout(JSON.stringify([first, later])));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.conversation.conversationId).toBe(first.conversation_id);
    expect(findings[0]?.conversation.title).toBe(first.title);
    expect(findings[0]?.meta).toEqual({ ...expected, width: 1024, sizeBytes: 2318842 });
  });
});

describe('wrong JSON', () => {
  const failure = async (layout: ExportLayout) => {
    try {
      await read(layout);
    } catch (e) {
      if (e instanceof ImportError) return e.message;
      throw e;
    }
    throw new Error('accepted');
  };

  it('a top level that is not a list', async () => {
    for (const text of ['{"a": 1}', '42', '"conversations"', 'null', '', '  \n'])
      expect(await failure(textLayout(text))).toBe('conversations.json is not a list of conversations.');
  });

  it('text that is not JSON, or is cut short, names the file', async () => {
    for (const text of ['<html>', '[{"title": "a"}, {"tit', '[1] x'])
      expect(await failure(textLayout(text, 3, 'conversations-004.json'))).toBe(
        'conversations-004.json is not valid JSON (it may be cut short or damaged).',
      );
  });

  it('entries that are not conversation objects are counted and skipped', async () => {
    const conv = sample.spec.conversations[1];
    const { scan, findings } = await read(textLayout(JSON.stringify([1, 'x', null, [conv], conv])));
    expect(scan.conversations).toBe(1);
    expect(scan.skippedConversations).toBe(4);
    expect(scan.warnings).toContain('4 entries were not conversations and were skipped.');
    expect(findings).toHaveLength(1);
  });

  it('a conversation object of the wrong shape is a warning, not a failure', async () => {
    const { scan, findings } = await read(textLayout('[{"mapping": 3}, {"id": "x", "mapping": {}}]'));
    expect(scan.conversations).toBe(2);
    expect(findings).toEqual([]);
    expect(scan.warnings).toContain('conversation JSON has no mapping');
  });

  it('also takes a list wrapped as {"conversations": [...]}', async () => {
    const text = JSON.stringify({ version: 1, conversations: sample.spec.conversations, more: [1, 2] });
    const { findings } = await read(textLayout(text, 7));
    expect(findings.length).toBe(sample.carried.length + sample.missing.length);
  });
});

describe('cancel', () => {
  it('stops reading when the signal aborts, with the abort reason', async () => {
    const ctl = new AbortController();
    const text = JSON.stringify(sample.spec.conversations);
    let pulled = 0;
    const layout = textLayout(text, 64);
    const inner = layout.conversationFiles[0];
    if (!inner) throw new Error('no file');
    layout.conversationFiles = [
      {
        ...inner,
        open: () =>
          inner.open().pipeThrough(
            new TransformStream({
              transform(chunk, c) {
                if (++pulled === 10) ctl.abort(new Error('cancelled by the user'));
                c.enqueue(chunk);
              },
            }),
          ),
      },
    ];
    await expect(read(layout, ctl.signal)).rejects.toThrow('cancelled by the user');
    expect(pulled).toBeLessThan(text.length / 64);
  });
});
