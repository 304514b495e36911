/** Assertions shared by the Firefox specs: what a user would notice in the vault. */
import { expect } from 'vitest';
import type { FirefoxRun } from '../harness/firefox/launch';
import type { VaultSnapshot } from '../harness/vault';
import type { SimImage } from '../sim';
import { storedMismatches } from '../support/stored-image';

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
  expect(storedMismatches(snap, img, served)).toEqual([]);
}
