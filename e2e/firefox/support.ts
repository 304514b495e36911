/** Assertions shared by the Firefox specs: what a user would notice in the vault. */
import { expect } from 'vitest';
import type { FirefoxRun } from '../harness/firefox/launch';
import type { VaultSnapshot } from '../harness/vault';
import type { SimImage } from '../sim';

/** Waits until the vault holds exactly `n` images and no job is waiting, then returns it. */
export async function vaultWith(ff: FirefoxRun, n: number, timeout = 30_000): Promise<VaultSnapshot> {
  let snap: VaultSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await ff.readVault();
        const waiting = snap.queue.filter((j) => j.state !== 'failed').length;
        return `${snap.images.length} images, ${waiting} waiting`;
      },
      { timeout, interval: 250 },
    )
    .toBe(`${n} images, 0 waiting`);
  return snap!;
}

/** The stored record equals the simulator's image: bytes by SHA-256, both prompts, lineage, size. */
export function expectStoredFx(
  snap: VaultSnapshot,
  img: SimImage,
  served: { sha256: string; bytes: number },
): void {
  const rec = snap.images.find((r) => r.id === img.fileId);
  expect(rec, `record for ${img.fileId}`).toBeDefined();
  expect(snap.sha256[img.fileId], 'stored original hashes to the served bytes').toBe(served.sha256);
  expect(rec!.sha256).toBe(served.sha256);
  expect(rec!.bytes).toBe(served.bytes);
  expect(rec!.prompt).toBe(img.prompt);
  expect(rec!.revisedPrompt).toBe(img.revisedPrompt);
  expect(rec!.model).toBe(img.model);
  expect(rec!.genId).toBe(img.genId);
  expect(rec!.width).toBe(img.width);
  expect(rec!.height).toBe(img.height);
  expect(rec!.mimeType).toBe(img.mimeType);
  expect(rec!.conversationId).toBe(img.conversationId);
  expect(rec!.warning ?? null).toBeNull();
  expect(snap.thumbs.find((t) => t.id === img.fileId)?.type, 'a WebP thumbnail').toBe('image/webp');
}
