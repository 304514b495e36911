/**
 * The maintained totals (src/db/image-count.ts, issue 13 §2): after any sequence of the writes
 * that add, remove or upgrade image records — capture, trash and restore, purge, both
 * importers and their rollbacks — the kept counts equal a real walk of the rows. Runs on the
 * real repository over fake-indexeddb with a seeded random sequence.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, test } from 'vitest';
import { isPromptOnly } from '../../src/core/types';
import { promptOnlyCount, savedImageCount } from '../../src/db/gallery';
import { moveToTrash, purgeTrash, restoreFromTrash } from '../../src/db/gallery-mutations';
import { IMAGE_COUNTS_KEY } from '../../src/db/image-count';
import { putImage } from '../../src/db/images';
import { ImportWriter } from '../../src/db/import-merge';
import { OfficialImportWriter } from '../../src/db/official-import';
import { openVault } from '../../src/db/open';
import { bytes, record } from '../support/db-rows';
import { promptOnlyRecord } from '../support/prompt-only';

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The truth: every row read and classified. */
async function walk() {
  const rows = await (await openVault()).getAll('images');
  const promptOnly = rows.filter(isPromptOnly).length;
  return { saved: rows.length - promptOnly, promptOnly };
}

async function kept() {
  return { saved: await savedImageCount(), promptOnly: await promptOnlyCount() };
}

beforeEach(async () => {
  const db = await openVault();
  for (const s of ['images', 'originals', 'thumbs', 'trash', 'tombstones', 'kv'] as const) await db.clear(s);
});

test('a counter that is missing is rebuilt once from the rows, then kept without walking', async () => {
  const db = await openVault();
  await db.add('images', record(1));
  await db.add('images', promptOnlyRecord(2));
  expect(await db.get('kv', IMAGE_COUNTS_KEY)).toBeUndefined();
  expect(await kept()).toEqual({ saved: 1, promptOnly: 1 });
  expect(await db.get('kv', IMAGE_COUNTS_KEY)).toEqual({ saved: 1, promptOnly: 1 });
  // Kept, not counted: a row written behind the repository's back is not seen…
  await db.add('images', record(3));
  expect(await savedImageCount()).toBe(1);
  // …while every repository write moves the kept count with it.
  await putImage(record(4), bytes(4), null);
  expect(await savedImageCount()).toBe(2);
});

for (const seed of [1, 2, 3, 4, 5]) {
  test(`random writes keep the counts equal to a walk of the rows (seed ${seed})`, async () => {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const n = () => 1 + Math.floor(r() * 12); // few ids, so duplicates and upgrades happen
    const ids = async () => (await (await openVault()).getAllKeys('images')).map(String);
    const trashed = async () => (await (await openVault()).getAllKeys('trash')).map(String);
    // Read once early on (seed 1–2) or only later: the counter must be right either way.
    if (seed <= 2) await kept();
    const ops: Record<string, () => Promise<unknown>> = {
      capture: () => putImage(record(n()), bytes(1), bytes(2)),
      captureNoPrompt: () => putImage(record(n(), { prompt: '', warning: 'no prompt' }), bytes(1), null),
      trash: async () => moveToTrash([pick(await ids()), `file_${n()}`].filter(Boolean)),
      restore: async () => restoreFromTrash((await trashed()).slice(0, 1 + Math.floor(r() * 3))),
      purge: async () => purgeTrash(await trashed()),
      archiveImport: async () => {
        const w = new ImportWriter();
        await w.write([
          { record: record(n(), { source: 'import' }), original: bytes(3), thumb: null },
          { record: promptOnlyRecord(n()), original: null, thumb: null },
        ]);
        if (r() < 0.4) await w.rollback();
      },
      officialImport: async () => {
        const w = new OfficialImportWriter();
        await w.write([
          { kind: 'prompt-only', record: promptOnlyRecord(n()) },
          {
            kind: 'image',
            record: { ...record(n()), source: 'chatgpt-export' },
            original: bytes(4),
            thumb: null,
          },
        ]);
        if (r() < 0.4) await w.rollback();
      },
    };
    const names = Object.keys(ops);
    for (let step = 0; step < 60; step++) {
      const op = pick(names);
      await ops[op]!();
      expect(await kept(), `after step ${step} (${op})`).toEqual(await walk());
    }
  });
}
