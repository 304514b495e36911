/**
 * One capture, start to finish: metadata from the conversation JSON, the original bytes,
 * hash + CRC + thumbnail, then one IndexedDB transaction that stores everything and
 * removes the job. Throws CaptureError with words for people.
 */
import { crc32, sha256Hex } from '../../core/image-bytes';
import { imageDimensions } from '../../core/image-dimensions';
import { CaptureError, type CaptureJob } from '../../core/queue';
import type { ConversationInfo, GeneratedImageMeta, ImageRecord, ModelFamily } from '../../core/types';
import { type PutResult, putImage } from '../../db/images';
import { kvGet, kvSet } from '../../db/kv';
import { getDownloadUrl } from '../../sites/chatgpt/api';
import { conversationUrl } from '../../sites/chatgpt/routes';
import { lookupImage } from './conversation-cache';
import { type FetchedImage, fetchImage, LinkDeadError } from './fetch-bytes';
import { makeThumbnail } from './thumbnail';

/** Attempts spent waiting for the conversation JSON before saving the image without it. */
export const METADATA_ATTEMPTS = 3;

interface Metadata {
  meta: GeneratedImageMeta | null;
  info: ConversationInfo | null;
  /** Why the prompts are missing, when they are. */
  warning: string | null;
}

async function readMetadata(job: CaptureJob): Promise<Metadata> {
  const s = job.sighting;
  if (!s.conversationId) {
    return { meta: null, info: null, warning: 'saved without its prompt: a temporary chat has no conversation to read' };
  }
  try {
    const { parsed, meta } = await lookupImage(s.conversationId, s.fileId, { accountId: s.accountId ?? null });
    if (meta) return { meta, info: parsed.info, warning: null };
    const why = parsed.warnings[0] ?? 'ChatGPT’s conversation data does not list this image';
    throw new CaptureError(why, true);
  } catch (err) {
    // Never lose the image for want of its prompt: after a few tries, keep the bytes.
    if (job.attempts < METADATA_ATTEMPTS && !(err instanceof CaptureError && !err.retryable)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    return { meta: null, info: null, warning: `saved without its prompt: ${reason}` };
  }
}

async function readBytes(job: CaptureJob): Promise<FetchedImage> {
  const s = job.sighting;
  try {
    return await fetchImage(s.src);
  } catch (err) {
    if (!(err instanceof LinkDeadError)) throw err;
    // The page's link died or lied: ask ChatGPT for a fresh one (chatgpt.md §4).
    let fresh: string;
    try {
      fresh = await getDownloadUrl(s.fileId, s.conversationId, { accountId: s.accountId ?? null });
    } catch {
      throw err;
    }
    return fetchImage(fresh);
  }
}

function guessModel(src: string): ModelFamily {
  return /estuary\/content/.test(src) ? 'gpt-image' : 'dalle3';
}

export async function captureImage(job: CaptureJob): Promise<PutResult> {
  const s = job.sighting;
  const { meta, info, warning } = await readMetadata(job);
  const img = await readBytes(job);
  const [sha256, crc] = [await sha256Hex(img.bytes), crc32(img.bytes)];
  const dims = imageDimensions(img.bytes, img.mimeType) ?? { width: s.naturalWidth, height: s.naturalHeight };
  const thumb = await makeThumbnail(img.blob, dims.width, dims.height);
  const now = Date.now();
  const record: ImageRecord = {
    id: s.fileId,
    sha256,
    crc32: crc,
    bytes: img.bytes.byteLength,
    mimeType: img.mimeType,
    width: dims.width,
    height: dims.height,
    prompt: meta?.prompt ?? '',
    revisedPrompt: meta?.revisedPrompt ?? '',
    title: meta?.title ?? (meta ? null : s.alt.replace(/^[^:：]*[:：]\s*/, '') || null),
    model: meta?.model ?? guessModel(s.src),
    genId: meta?.genId ?? null,
    parentGenId: meta?.parentGenId ?? null,
    editOp: meta?.editOp ?? null,
    seed: meta?.seed ?? null,
    genSize: meta?.genSize ?? null,
    conversationId: s.conversationId ?? '',
    conversationTitle: info?.title ?? '',
    conversationUrl: s.conversationId ? conversationUrl(s.conversationId, s.pageUrl) : s.pageUrl,
    messageId: meta?.messageId ?? s.turnMessageId ?? '',
    pageUrl: s.pageUrl,
    createdAt: meta?.createdAt ?? now,
    capturedAt: now,
    favorite: 0,
    source: 'capture',
    warning,
  };
  try {
    const result = await putImage(record, img.blob, thumb, job.id);
    if (result.status === 'added' && warning) {
      const prev = await kvGet('promptless', null);
      await kvSet('promptless', { count: (prev?.count ?? 0) + 1, lastReason: warning });
    }
    return result;
  } catch (err) {
    if ((err as DOMException)?.name === 'QuotaExceededError') {
      throw new CaptureError(
        'the browser has no storage room left for Image Vault (free some space, then press Retry)',
        false,
      );
    }
    throw err;
  }
}
