/**
 * Firefox: the disk mirror (issue 12 §1) writes a captured image under the pattern in the
 * Downloads folder through the `downloads` API, from the event page (a `blob:` URL there),
 * byte for byte, with the prompt in its sidecars; a re-run writes nothing new.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mirrorPath, sidecarPath } from '../../src/core/mirror-path';
import type { MirrorStatus } from '../../src/messaging/protocol';
import { DEFAULT_PATTERN } from '../../src/settings/schema';
import { ready } from '../harness/firefox/dom';
import { type FirefoxRun, launchFirefox } from '../harness/firefox/launch';
import { simPage } from '../harness/firefox/sim-adapter';
import { filesUnder, mirrorSettings, sha256Of } from '../support/mirror';
import { vaultWith } from './support';

let ff: FirefoxRun;
let downloads: string;
beforeAll(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'image-vault-ff-downloads-'));
  ff = await launchFirefox({ downloadDir: downloads });
});
afterAll(async () => {
  await ff?.close();
  rmSync(downloads, { recursive: true, force: true });
});

test('a captured image and its sidecars are written under the pattern, once', async () => {
  const ext = await ready(await ff.openExtensionPage('src/popup/index.html'));
  const status = () =>
    ext.evaluate(() =>
      browser.runtime.sendMessage({ type: 'mirrorAll', payload: { action: 'status' } }),
    ) as Promise<MirrorStatus>;
  await ext.evaluate((settings) => browser.storage.local.set({ settings }), mirrorSettings(DEFAULT_PATTERN));
  const conv = ff.sim.conversation({ title: 'Q1: "plans" | 🦊' });
  await ff.open(conv);
  const gen = await ff.sim.generate(simPage(ff.page), conv, {
    prompt: 'Make a logo for a coffee shop called Vault',
    gptImage: { title: 'Vault <coffee> logo', revisedPrompt: 'A minimalist logo of a coffee cup' },
  });
  await gen.done;
  const img = gen.images[0]!;
  const rec = (await vaultWith(ff, 1)).images[0]!;
  await expect
    .poll(
      async () => {
        const s = await status();
        return `${s.written} written, ${s.pending} pending, ${s.lastError ?? 'no error'}`;
      },
      { timeout: 30_000 },
    )
    .toBe('1 written, 0 pending, no error');
  const path = mirrorPath(rec, DEFAULT_PATTERN);
  expect(path).toContain('/Q1_ _plans_ _ 🦊/Vault _coffee_ logo_');
  expect(filesUnder(downloads)).toEqual([sidecarPath(path, 'json'), path, sidecarPath(path, 'xmp')].sort());
  expect(sha256Of(join(downloads, path))).toBe(ff.sim.served(img.fileId).sha256);
  expect(JSON.parse(readFileSync(join(downloads, sidecarPath(path, 'json')), 'utf8')).prompt).toBe(
    img.prompt,
  );
  expect(readFileSync(join(downloads, sidecarPath(path, 'xmp')), 'utf8')).toContain(
    `x-default">${img.prompt}<`,
  );

  const again = (await ext.evaluate(() =>
    browser.runtime.sendMessage({ type: 'mirrorAll', payload: { action: 'start' } }),
  )) as MirrorStatus;
  expect(again).toMatchObject({ total: 1, written: 1, pending: 0 });
  expect(filesUnder(downloads)).toHaveLength(3);
});
