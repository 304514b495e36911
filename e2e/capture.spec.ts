/**
 * Capture end to end: the built extension on the ChatGPT simulator. Every test checks what a
 * user would notice: the stored bytes hash to what was served, the stored prompts equal the
 * conversation's, nothing else is stored.
 */

import { expect, test, type VaultSnapshot } from './harness/fixtures';
import type { SimImage } from './sim';

type Read = () => Promise<VaultSnapshot>;

/** Waits until the vault holds `n` images and no job is pending, then returns it. */
async function vaultWith(readVault: Read, n: number): Promise<VaultSnapshot> {
  let snap: VaultSnapshot | null = null;
  await expect
    .poll(
      async () => {
        snap = await readVault();
        return snap.images.length;
      },
      { timeout: 20_000 },
    )
    .toBe(n);
  return snap!;
}

function expectStored(snap: VaultSnapshot, img: SimImage, served: { sha256: string; bytes: number }) {
  const rec = snap.images.find((r) => r.id === img.fileId);
  expect(rec, `record for ${img.fileId}`).toBeDefined();
  expect(snap.sha256[img.fileId]).toBe(served.sha256);
  expect(rec!.sha256).toBe(served.sha256);
  expect(rec!.bytes).toBe(served.bytes);
  expect(rec!.prompt).toBe(img.prompt);
  expect(rec!.revisedPrompt).toBe(img.revisedPrompt);
  expect(rec!.model).toBe(img.model);
  expect(rec!.genId).toBe(img.genId);
  expect(rec!.parentGenId).toBe(img.parentGenId);
  expect(rec!.seed).toBe(img.seed);
  expect(rec!.width).toBe(img.width);
  expect(rec!.height).toBe(img.height);
  expect(rec!.mimeType).toBe(img.mimeType);
  expect(rec!.conversationId).toBe(img.conversationId);
  expect(snap.thumbs.find((t) => t.id === img.fileId)?.type).toBe('image/webp');
}

test('a GPT-4o image generated live is stored with its prompt, revised prompt and exact bytes', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Brand mockups' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'Make a logo for a coffee shop called Vault',
    gptImage: {
      title: 'Vault coffee logo',
      revisedPrompt: 'A minimalist logo of a coffee cup inside a bank vault door',
      progressive: true,
    },
  });
  await gen.done;
  const snap = await vaultWith(readVault, 1);
  const img = gen.images[0]!;
  expectStored(snap, img, sim.served(img.fileId));
  const rec = snap.images[0]!;
  expect(rec.title).toBe('Vault coffee logo');
  expect(rec.conversationTitle).toBe('Brand mockups');
  expect(rec.conversationUrl).toBe(`https://chatgpt.com/c/${conv.id}`);
  // never a partial frame
  expect(snap.images.map((r) => r.id)).not.toContain(img.partials[0]);
  expect(snap.queue).toHaveLength(0);
});
