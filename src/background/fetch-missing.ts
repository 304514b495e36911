/**
 * Fetch for a prompt-only record (issue 10): the gallery's "Image not saved yet: Fetch" asks
 * ChatGPT for a fresh `files/download` link with the signed-in session (docs/chatgpt.md
 * §Image bytes), checks the bytes as capture does, and stores them, turning the record into a
 * full image. A failure is kept on the record (`fetchError`), in plain words, for its card.
 */
import { CaptureError } from '../core/queue';
import { BudgetWaitError } from '../core/request-budget';
import { type ImageRecord, isPromptOnly } from '../core/types';
import { putImage, setFetchError } from '../db/images';
import { openVault } from '../db/open';
import { DEFAULT_MAX_WAIT_MS, getDownloadUrl, NotFoundError } from '../sites/chatgpt/api';
import { fetchImage } from './capture/fetch-bytes';
import { imageFacts } from './capture/image-facts';
import { libraryApiOptions } from './library/options';

export type FetchMissingResult = { ok: true } | { ok: false; error: string };

/** Sentence case with a full stop: the card shows it as is. */
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/** Why the bytes could not be fetched, in words a user can act on. */
export function fetchErrorWords(err: unknown): string {
  if (err instanceof BudgetWaitError)
    return 'ChatGPT is limiting requests right now; try again in a few minutes.';
  if (err instanceof NotFoundError)
    return 'ChatGPT no longer has this image (deleted there, or too old to download).';
  if (err instanceof CaptureError) return sentence(err.message);
  return sentence(`could not fetch the image: ${err instanceof Error ? err.message : String(err)}`);
}

/** Downloads the bytes of prompt-only record `rec` and stores them (an upgrade). */
async function download(rec: ImageRecord): Promise<FetchMissingResult> {
  const opts = libraryApiOptions('live', DEFAULT_MAX_WAIT_MS);
  const img = await fetchImage(await getDownloadUrl(rec.id, rec.conversationId || null, opts));
  const facts = await imageFacts(img, { width: rec.width, height: rec.height });
  const { promptOnly: _p, linkExpiresAt: _l, fetchError: _f, ...kept } = rec;
  const record: ImageRecord = { ...kept, ...facts.fields, capturedAt: Date.now() };
  const result = await putImage(record, img.blob, facts.thumb);
  if (result.status === 'deleted') return { ok: false, error: sentence(result.reason) };
  return { ok: true }; // 'added' (upgraded), or folded into the same image stored under another id
}

/** Fetches the image of prompt-only record `id`; on failure the record keeps the reason. */
export async function fetchMissing(id: string): Promise<FetchMissingResult> {
  const rec = await (await openVault()).get('images', id);
  if (!rec) return { ok: false, error: 'This image is no longer in the vault.' };
  if (!isPromptOnly(rec)) return { ok: false, error: 'This image is already saved.' };
  let result: FetchMissingResult;
  try {
    result = await download(rec);
  } catch (err) {
    result = { ok: false, error: fetchErrorWords(err) };
  }
  if (!result.ok) await setFetchError(id, result.error);
  return result;
}
