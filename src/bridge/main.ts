/**
 * The bridge: a hidden extension page the content script frames on chatgpt.com when the
 * service worker's own requests carry no session cookie (chatgpt.md §5). The content script
 * fetches the image as the page can and posts the Blob here (structured clone, no JSON);
 * this page, being of the extension's origin, stages it in the vault's IndexedDB for the
 * worker to verify and store. Only ChatGPT's origins are listened to.
 */
import { sniffImageType } from '../core/image-bytes';
import { putStaged } from '../db/images';

const ALLOWED = new Set(['https://chatgpt.com', 'https://chat.openai.com']);
const MAX_BYTES = 64 * 1024 * 1024;

interface StageRequest {
  type: 'image-vault:stage';
  fileId: string;
  blob: Blob;
}

function isStageRequest(d: unknown): d is StageRequest {
  const r = d as StageRequest;
  return r?.type === 'image-vault:stage' && typeof r.fileId === 'string' && r.blob instanceof Blob;
}

addEventListener('message', async (event: MessageEvent) => {
  const port = event.ports[0];
  if (!port || !ALLOWED.has(event.origin) || !isStageRequest(event.data)) return;
  const { fileId, blob } = event.data;
  try {
    if (!/^file[-_][A-Za-z0-9_-]{4,200}$/.test(fileId)) throw new Error('bad file id');
    if (blob.size > MAX_BYTES) throw new Error('image too large');
    if (!sniffImageType(new Uint8Array(await blob.slice(0, 32).arrayBuffer())))
      throw new Error('not an image');
    await putStaged(fileId, blob);
    port.postMessage({ staged: true });
  } catch (err) {
    port.postMessage({ staged: false, reason: (err as Error).message });
  }
});
