/**
 * What "stored correctly" means for a captured image, shared by the Chromium (Playwright) and
 * Firefox (Vitest) layers, which have different `expect`s: the differences between the vault's
 * record and the simulator's image, as readable lines; an empty list means all is well.
 */
import type { VaultSnapshot } from '../harness/vault';
import type { SimImage } from '../sim';

export function storedMismatches(
  snap: VaultSnapshot,
  img: SimImage,
  served: { sha256: string; bytes: number },
): string[] {
  const rec = snap.images.find((r) => r.id === img.fileId);
  if (!rec) return [`no record for ${img.fileId}`];
  const out: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    if (got !== want) out.push(`${what}: stored ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  same('original SHA-256 (hashed in the browser)', snap.sha256[img.fileId], served.sha256);
  same('record sha256', rec.sha256, served.sha256);
  same('bytes', rec.bytes, served.bytes);
  same('prompt', rec.prompt, img.prompt);
  same('revised prompt', rec.revisedPrompt, img.revisedPrompt);
  same('model', rec.model, img.model);
  same('gen id', rec.genId, img.genId);
  same('parent gen id', rec.parentGenId, img.parentGenId);
  same('edit op', rec.editOp, img.editOp);
  same('seed', rec.seed, img.seed);
  same('width', rec.width, img.width);
  same('height', rec.height, img.height);
  same('MIME type', rec.mimeType, img.mimeType);
  same('conversation', rec.conversationId, img.conversationId);
  same('message', rec.messageId, img.messageId);
  same('warning', rec.warning ?? null, null);
  same('thumbnail type', snap.thumbs.find((t) => t.id === img.fileId)?.type, 'image/webp');
  return out;
}
