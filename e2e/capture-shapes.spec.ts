/**
 * Capture of the 2026 "thinking" shape (docs/chatgpt.md §Conversation JSON): the call on
 * channel "commentary" to `image_gen.text2im`, a result with a bare `sediment://` pointer,
 * no dalle/generation metadata, `create_time: null` and a caption in parts[1]. Before issue 8
 * such an image was "not listed" and never saved.
 */
import { expect, test, type VaultSnapshot } from './harness/fixtures';
import type { SimConversation, SimImage } from './sim';
import { vaultWith } from './support/capture';

const CAPTION = 'Here is the image: a calm scene, as you asked.';

/** The conversation JSON really has the thinking shape for this image (so the test can fail). */
function expectThinkingShape(conv: SimConversation, img: SimImage): void {
  type Msg = { author: { name: string | null }; create_time: number | null; content: { parts?: unknown[] } };
  const mapping = conv.toJson().mapping as Record<string, { message: Msg | null }>;
  const result = mapping[img.messageId]!.message!;
  expect(result.author.name).toBe('image_gen.text2im');
  expect(result.create_time).toBeNull();
  expect(result.content.parts).toEqual([
    expect.objectContaining({ asset_pointer: `sediment://${img.fileId}`, metadata: { sanitized: true } }),
    CAPTION,
  ]);
  const call = Object.values(mapping).find(
    (n) => (n.message as { recipient?: string } | null)?.recipient === 'image_gen.text2im',
  );
  expect(call?.message).toMatchObject({ channel: 'commentary', content: { content_type: 'text' } });
}

/** Stored bytes hash to the served bytes; both prompts are the conversation's. */
function expectSaved(snap: VaultSnapshot, img: SimImage, served: { sha256: string; bytes: number }): void {
  const rec = snap.images.find((r) => r.id === img.fileId);
  expect(rec, `record for ${img.fileId}`).toBeDefined();
  expect(snap.sha256[img.fileId], 'stored original hashes to the served bytes').toBe(served.sha256);
  expect(rec!.bytes).toBe(served.bytes);
  expect(rec!.prompt).toBe(img.prompt);
  // the call's JSON prompt, not the caption beside the image
  expect(rec!.revisedPrompt).toBe(img.revisedPrompt);
  expect(rec!.model).toBe('gpt-image');
  expect(rec!.mimeType).toBe(img.mimeType);
  expect(rec!.messageId).toBe(img.messageId);
  expect(rec!.warning ?? null).toBeNull();
}

test('a thinking-mode image generated live is saved with its exact bytes and both prompts', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Thinking' });
  await sim.open(page, conv);
  const gen = await sim.generate(page, conv, {
    prompt: 'a quiet harbour at dawn, think about the composition first',
    gptImage: {
      title: 'Harbour at dawn',
      revisedPrompt: 'Wide view of a small fishing harbour at dawn, mist on still water, pastel sky',
      progressive: true,
      thinking: { caption: CAPTION },
    },
  });
  await gen.done;
  const img = gen.images[0]!;
  expectThinkingShape(conv, img);
  const snap = await vaultWith(readVault, 1);
  expectSaved(snap, img, sim.served(img.fileId));
  expect(snap.images.map((r) => r.id)).toEqual([img.fileId]);
});

test('a thinking-mode image already on the page is saved with its exact bytes and both prompts', async ({
  page,
  sim,
  readVault,
}) => {
  const conv = sim.conversation({ title: 'Thinking, earlier' });
  conv.user('a paper lantern floating on a river').gptImage({
    title: 'Lantern',
    revisedPrompt: 'A glowing paper lantern drifting on a dark river at night, reflections, soft bokeh',
    thinking: { caption: CAPTION },
  });
  expectThinkingShape(conv, conv.images[0]!);
  await sim.open(page, conv);
  const snap = await vaultWith(readVault, 1);
  expectSaved(snap, conv.images[0]!, sim.served(conv.images[0]!.fileId));
});
