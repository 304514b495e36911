/**
 * Capture end to end: the built extension on the ChatGPT simulator. Every test checks what a
 * user would notice: the stored bytes hash to what was served, the stored prompts equal the
 * conversation's, and nothing else is stored.
 */
import { expect, test } from './harness/fixtures';
import { expectStored, vaultWith } from './support/capture';

test('a GPT-4o image generated live is stored with its prompts and exact bytes, never a partial frame', async ({
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
  expect(img.partials.length).toBeGreaterThan(0);
  expectStored(snap, img, sim.served(img.fileId));
  const rec = snap.images[0]!;
  expect(rec.title).toBe('Vault coffee logo');
  expect(rec.conversationTitle).toBe('Brand mockups');
  expect(rec.conversationUrl).toBe(`https://chatgpt.com/c/${conv.id}`);
  expect(rec.genSize).toBe(img.genSize);
  expect(snap.images.map((r) => r.id)).toEqual([img.fileId]);
});

test('a DALL·E 3 image from the signed CDN is stored as the original WebP', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Posters' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'A retro travel poster of Lisbon',
    dalle: {
      revisedPrompt: 'A 1950s-style travel poster of Lisbon trams at sunset, bold flat colours',
      size: '1792x1024',
    },
  });
  await gen.done;
  const snap = await vaultWith(readVault, 1);
  const img = gen.images[0]!;
  expect(img.mimeType).toBe('image/webp');
  expectStored(snap, img, sim.served(img.fileId));
});

test('several images in one turn are each stored once', async ({ page, sim, readVault }) => {
  const conv = sim.conversation();
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'Four icon variations for a settings gear',
    gptImage: { title: 'Gear icons', revisedPrompt: 'Four flat gear icons in different styles', n: 4 },
  });
  await gen.done;
  const snap = await vaultWith(readVault, 4);
  for (const img of gen.images) expectStored(snap, img, sim.served(img.fileId));
});

test('images already on the page when it loads are stored, with edit lineage and without hidden duplicates', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Robot mascot' });
  conv
    .user('Draw a friendly robot mascot')
    .gptImage({ title: 'Robot', revisedPrompt: 'A friendly round robot mascot' });
  const parent = conv.images[0]!;
  conv.hiddenDuplicate();
  conv.user('Make it blue').gptImage({
    title: 'Blue robot',
    revisedPrompt: 'The same robot mascot, painted blue',
    editOf: parent,
    editOp: 'inpainting',
  });
  conv.user('Now a DALL·E version').dalle({ revisedPrompt: 'A friendly robot mascot, watercolor' });
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 3);
  for (const img of conv.images) expectStored(snap, img, sim.served(img.fileId));
  const child = snap.images.find((r) => r.id === conv.images[1]!.fileId)!;
  expect(child.parentGenId).toBe(parent.genId);
  expect(child.editOp).toBe('inpainting');
});

for (const kind of ['gpt', 'project'] as const) {
  test(`images in a ${kind === 'gpt' ? 'custom GPT' : 'project'} conversation are stored with its link`, async ({
    page,
    sim,
    readVault,
  }) => {
    const conv = sim.conversation({ kind, title: `In a ${kind}` });
    conv.user('A watercolor fox').gptImage({ title: 'Fox', revisedPrompt: 'A watercolor fox in the snow' });
    await sim.open(page, conv);
    const snap = await vaultWith(readVault, 1);
    expectStored(snap, conv.images[0]!, sim.served(conv.images[0]!.fileId));
    expect(snap.images[0]!.conversationUrl).toBe(`https://chatgpt.com${conv.path}`);
  });
}

test('localized alt text does not matter', async ({ page, sim, readVault }) => {
  const conv = sim.conversation({ locale: 'zh', title: '猫' });
  conv
    .user('画一只猫')
    .gptImage({ title: '猫', revisedPrompt: 'A cat sitting on a windowsill, ink painting' });
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 1);
  expectStored(snap, conv.images[0]!, sim.served(conv.images[0]!.fileId));
  expect(snap.images[0]!.conversationTitle).toBe('猫');
});

test('uploads, web-search thumbnails, icons and avatars are not stored as generations', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ kind: 'gpt' });
  conv.user('Here is my sketch').upload({ width: 900, height: 700 });
  conv.user('Find me references').searchThumbnails(4);
  conv
    .user('Now render it')
    .gptImage({ title: 'Render', revisedPrompt: 'A clean 3D render of the sketched chair' });
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 1);
  expect(snap.images.map((r) => r.id)).toEqual([conv.images[0]!.fileId]);
  expectStored(snap, conv.images[0]!, sim.served(conv.images[0]!.fileId));
  expect(conv.uploads.length + conv.searchThumbs.length).toBe(5);
});

test('SPA navigation to another conversation captures its images under the right conversation', async ({
  page,
  sim,
  readVault,
}) => {
  const first = sim.conversation({ title: 'First' });
  first.user('A red square').gptImage({ title: 'Red', revisedPrompt: 'A flat red square' });
  const second = sim.conversation({ title: 'Second' });
  second.user('A green circle').dalle({ revisedPrompt: 'A flat green circle on white' });
  await sim.open(page, first);
  await vaultWith(readVault, 1);
  await sim.navigate(page, second);
  const snap = await vaultWith(readVault, 2);
  expectStored(snap, first.images[0]!, sim.served(first.images[0]!.fileId));
  expectStored(snap, second.images[0]!, sim.served(second.images[0]!.fileId));
  expect(snap.images.find((r) => r.id === second.images[0]!.fileId)!.conversationTitle).toBe('Second');
  // one document load: the second conversation came by pushState
  expect(sim.count('page')).toBe(1);
});
