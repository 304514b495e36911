/**
 * Firefox: images captured on the simulator (with ChatGPT's real `SameSite=Lax` session cookie,
 * which Firefox sends on the add-on's background fetches) are exported through the gallery to a ZIP that
 * tools we did not write verify (Python's zipfile checks every CRC; `unzip -t` too), then
 * imported into a fresh profile: same bytes by SHA-256, same prompts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ImageRecord } from '../../src/core/types';
import { ready, tid, waitForText } from '../harness/firefox/dom';
import { downloaded } from '../harness/firefox/download';
import { type FirefoxRun, launchFirefox } from '../harness/firefox/launch';
import type { VaultSnapshot } from '../harness/vault';
import type { SimImage } from '../sim';
import { expectStoredFx, vaultWith } from './support';

const GALLERY = 'src/gallery/index.html';
const work = mkdtempSync(join(tmpdir(), 'iv-ff-export-'));
let a: FirefoxRun;
let images: SimImage[];
let stored: VaultSnapshot;
let zipPath: string;

beforeAll(async () => {
  a = await launchFirefox({ downloadDir: work, simOptions: { sessionCookieSameSite: 'Lax' } });
  const conv = a.sim.conversation({ title: 'Export me' });
  conv.user('A lighthouse').gptImage({ title: 'Lighthouse', revisedPrompt: 'A lighthouse in a gale, oils' });
  conv.user('A heron').dalle({ revisedPrompt: 'A grey heron standing in reeds, woodcut print' });
  images = conv.images;
  await a.open(conv);
});
afterAll(async () => {
  await a?.close();
  rmSync(work, { recursive: true, force: true });
});

test('with the real SameSite=Lax cookie the background fetches the bytes itself and stores them', async () => {
  stored = await vaultWith(a, 2);
  for (const img of images) expectStoredFx(stored, img, a.sim.served(img.fileId));
  const estuary = a.sim.requestsOf('estuary', 'worker');
  expect(estuary.length).toBeGreaterThan(0);
  for (const r of estuary) expect(r.headers.cookie).toContain(a.sim.sessionToken);
  expect(estuary.map((r) => r.status)).toContain(200);
});

test('"Export all" downloads a ZIP that Python and unzip verify, with the exact stored bytes', async () => {
  expect(stored.images).toHaveLength(2);
  const page = await ready(await a.openExtensionPage(`${GALLERY}?action=export-all`));
  // One click: the export starts as the dialog opens and saves itself (no Export, no Download).
  await page.waitForSelector(tid('export-download'), { visible: true, timeout: 60_000 });
  zipPath = await downloaded(work, /^image-vault-\d{4}-\d\d-\d\d\.zip$/);

  const script = `import hashlib,json,sys,zipfile
z=zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad":z.testzip(),"manifest":json.loads(z.read("manifest.json")),
"sha":{n:hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}}))`;
  const z = JSON.parse(execFileSync('python3', ['-c', script, zipPath]).toString()) as {
    bad: string | null;
    manifest: { count: number; images: { file: string; sha256: string; revisedPrompt: string }[] };
    sha: Record<string, string>;
  };
  expect(z.bad).toBeNull();
  expect(execFileSync('unzip', ['-t', zipPath]).toString()).toContain('No errors detected');
  expect(z.manifest.count).toBe(2);
  for (const e of z.manifest.images) expect(z.sha[e.file], e.file).toBe(e.sha256);
  expect(new Set(z.manifest.images.map((e) => e.sha256))).toEqual(
    new Set(images.map((i) => a.sim.served(i.fileId).sha256)),
  );
  expect(new Set(z.manifest.images.map((e) => e.revisedPrompt))).toEqual(
    new Set(images.map((i) => i.revisedPrompt)),
  );
});

test('the ZIP imports into a fresh profile: same bytes, same prompts, shown in the gallery', async () => {
  expect(zipPath).toBeDefined();
  await a.close();
  const b = await launchFirefox();
  try {
    expect((await b.readVault()).images).toHaveLength(0);
    const page = await ready(await b.openExtensionPage(`${GALLERY}?action=import`));
    const input = await page.waitForSelector(tid('import-input'));
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(zipPath);
    const report = await page.waitForSelector(`${tid('import-report')}:not([hidden])`, { timeout: 30_000 });
    expect(
      await report!.evaluate((r) => [r.getAttribute('data-added'), r.getAttribute('data-rejected')]),
    ).toEqual(['2', '0']);
    const after = await b.readVault();
    const pick = (r: ImageRecord) => [r.id, r.sha256, r.prompt, r.revisedPrompt, r.title, r.conversationUrl];
    const byId = (x: ImageRecord, y: ImageRecord) => x.id.localeCompare(y.id);
    expect(after.images.sort(byId).map(pick)).toEqual(stored.images.sort(byId).map(pick));
    expect(after.sha256).toEqual(stored.sha256);
    expect(after.thumbs).toHaveLength(2);
    await page.click(tid('import-cancel'));
    await waitForText(page, tid('gallery-count'), '2');
  } finally {
    await b.close();
  }
});
