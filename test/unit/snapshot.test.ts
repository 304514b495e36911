/** The start-up snapshot's format: one Blob holding records and thumbnails, read back exactly. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticRecords } from '../../e2e/support/seed';
import { packSnapshot, type Snapshot, snapshotMatches, unpackSnapshot } from '../../src/core/snapshot';

const sha = async (b: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await b.arrayBuffer()))
    .digest('hex');
const bytes = (n: number, seed: number) => new Uint8Array(n).map((_, i) => (i * 31 + seed) & 255);

function sample(): Snapshot {
  const records = syntheticRecords(5);
  return {
    kind: 'gallery',
    builtAt: 1_780_000_000_000,
    total: 20_000,
    records,
    thumbs: new Map([
      [records[0]!.id, new Blob([bytes(5000, 1)], { type: 'image/webp' })],
      [records[1]!.id, new Blob([bytes(1, 2)], { type: 'image/webp' })],
      [records[2]!.id, new Blob([bytes(70_000, 3)], { type: 'image/png' })],
    ]),
  };
}

describe('packSnapshot / unpackSnapshot', () => {
  it('gives back the records, total and every thumbnail byte for byte, with its type', async () => {
    const s = sample();
    const { body, metaLength } = packSnapshot(s);
    const back = await unpackSnapshot(body, metaLength, 'gallery');
    expect(back).not.toBeNull();
    expect(back!.records).toEqual(s.records);
    expect(back!.total).toBe(20_000);
    expect(back!.builtAt).toBe(s.builtAt);
    expect([...back!.thumbs.keys()]).toEqual([...s.thumbs.keys()]);
    for (const [id, blob] of s.thumbs) {
      const got = back!.thumbs.get(id)!;
      expect(got.type).toBe(blob.type);
      expect(got.size).toBe(blob.size);
      expect(await sha(got)).toBe(await sha(blob));
    }
  });

  it('keeps an empty vault empty', async () => {
    const { body, metaLength } = packSnapshot({
      kind: 'popup',
      builtAt: 1,
      total: 0,
      records: [],
      thumbs: new Map(),
    });
    const back = await unpackSnapshot(body, metaLength, 'popup');
    expect(back).toMatchObject({ total: 0, records: [] });
    expect(back!.thumbs.size).toBe(0);
  });

  it('refuses a snapshot of the other page, one cut short, or a wrong header length', async () => {
    const { body, metaLength } = packSnapshot(sample());
    expect(await unpackSnapshot(body, metaLength, 'popup')).toBeNull();
    expect(await unpackSnapshot(body.slice(0, body.size - 1), metaLength, 'gallery')).toBeNull();
    expect(await unpackSnapshot(body.slice(0, metaLength - 10), metaLength, 'gallery')).toBeNull();
    expect(await unpackSnapshot(body, metaLength - 1, 'gallery')).toBeNull();
    expect(await unpackSnapshot(body, Number.NaN, 'gallery')).toBeNull();
    expect(await unpackSnapshot(body, body.size + 1, 'gallery')).toBeNull();
  });

  it('refuses garbage and snapshots of another format version', async () => {
    const junk = new Blob(['not json at all']);
    expect(await unpackSnapshot(junk, junk.size, 'gallery')).toBeNull();
    const future = new TextEncoder().encode(
      JSON.stringify({ v: 2, kind: 'gallery', builtAt: 1, total: 0, records: [], thumbs: [] }),
    );
    expect(await unpackSnapshot(new Blob([future]), future.byteLength, 'gallery')).toBeNull();
    const badThumb = new TextEncoder().encode(
      JSON.stringify({
        v: 1,
        kind: 'gallery',
        builtAt: 1,
        total: 0,
        records: [],
        thumbs: [['x', -1, 2, 'a']],
      }),
    );
    expect(await unpackSnapshot(new Blob([badThumb]), badThumb.byteLength, 'gallery')).toBeNull();
  });
});

describe('snapshotMatches', () => {
  const s = sample();
  it('holds for the same total and records', () => {
    expect(snapshotMatches(s, 20_000, structuredClone(s.records))).toBe(true);
  });
  it('fails on another total, another order, a changed favourite, or a missing record', () => {
    expect(snapshotMatches(s, 19_999, s.records)).toBe(false);
    expect(snapshotMatches(s, 20_000, [...s.records].reverse())).toBe(false);
    const fav = s.records.map((r, i) =>
      i === 2 ? { ...r, favorite: r.favorite ? 0 : 1 } : r,
    ) as typeof s.records;
    expect(snapshotMatches(s, 20_000, fav)).toBe(false);
    expect(snapshotMatches(s, 20_000, s.records.slice(1))).toBe(false);
  });
});
