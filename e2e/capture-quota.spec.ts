/**
 * Storage running out while storing: the images already stored stay intact, the new one is
 * recorded as not saved with a reason a user understands, and Retry works once there is room.
 *
 * Quota is made real, not simulated: the profile lives on a small tmpfs (we run as root in
 * CI and on the dev machines), so the browser's quota is what is left on that disk.
 * (`Storage.overrideQuotaForOrigin` does not bind an extension with `unlimitedStorage`.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORAGE_UNAVAILABLE } from '../src/messaging/protocol';
import { test as base, expect } from './harness/fixtures';
import { launchBrowser } from './harness/launch';
import { expectStored, sendFrom, vaultWith } from './support/capture';
import { readStartupSnapshot } from './support/startup-snapshot';

const MB = 1024 * 1024;

const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring.
  context: async ({}, use, testInfo) => {
    const mount = mkdtempSync(join(tmpdir(), 'image-vault-quota-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mount]);
    const profile = join(mount, 'profile');
    mkdirSync(profile);
    const context = await launchBrowser(profile);
    testInfo.annotations.push({ type: 'profile', description: mount });
    (context as unknown as { mountPoint: string }).mountPoint = mount;
    await use(context);
    await context.close();
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  },
});

test('when storage is full, stored images stay intact, the user is told, and Retry saves it later', async ({
  context,
  page,
  sim,
  readVault,
  openExtensionPage,
  extensionId,
}) => {
  const mount = (context as unknown as { mountPoint: string }).mountPoint;
  const first = sim.conversation({ title: 'Before' });
  first
    .user('A map')
    .gptImage({ title: 'Map', revisedPrompt: 'An antique map of an island', realistic: true });
  await sim.open(page, first);
  const before = await vaultWith(readVault, 1);
  expectStored(before, first.images[0]!, sim.served(first.images[0]!.fileId));
  // The worker rebuilds the start-up snapshot (Cache Storage) 0.8 s after a capture; let it
  // finish, so that what runs out of room below is the capture itself.
  await expect
    .poll(async () => (await readStartupSnapshot(context, extensionId, 'popup'))?.total, { timeout: 10_000 })
    .toBe(1);

  // The popup is opened while there is room: on a full disk even a new page's IndexedDB
  // open can fail ("Internal error opening backing store"), so while the disk is full the
  // test asks the worker, whose connection is already open, and reads the vault afterwards.
  const ext = await openExtensionPage('src/popup/index.html');

  // Fill the disk but for a little room: less than the next image needs.
  const ballast = join(mount, 'ballast');
  const free = () => Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1]);
  writeFileSync(ballast, Buffer.alloc(Math.max(0, free() - 1 * MB)));

  const second = sim.conversation({ title: 'After' });
  second
    .user('A compass')
    .gptImage({ title: 'Compass', revisedPrompt: 'A brass compass, macro', realistic: true });
  await sim.navigate(page, second);
  const diskFull =
    'the browser could not write to its storage — is the disk full? (free some space, then press Retry)';
  // A full disk fails the capture; when it also fails the write of that outcome, Chromium
  // closes the database and the worker says so instead. Either way the user reads why.
  await expect
    .poll(async () => (await sendFrom(ext, 'getStatus')).problems[0], { timeout: 60_000 })
    .toMatch(/disk full/);
  const st = await sendFrom(ext, 'getStatus');
  expect([`1 image seen on chatgpt.com could not be saved: ${diskFull}`, STORAGE_UNAVAILABLE]).toContain(
    st.problems[0],
  );

  // room again: what was stored before is untouched
  rmSync(ballast);
  const full = await readVault();
  expect(full.images.map((r) => r.id)).toEqual([first.images[0]!.fileId]);
  expectStored(full, first.images[0]!, sim.served(first.images[0]!.fileId));

  // Retry saves it
  await sendFrom(ext, 'retryFailed');
  const after = await vaultWith(readVault, 2);
  expectStored(after, second.images[0]!, sim.served(second.images[0]!.fileId));
  expectStored(after, first.images[0]!, sim.served(first.images[0]!.fileId));
});
