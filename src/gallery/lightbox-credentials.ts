/**
 * The lightbox's Content Credentials line: whether the stored original carries a C2PA
 * manifest and which tool signed it (docs/chatgpt.md §Content Credentials (C2PA)). Only the
 * file's chunk headers and the manifest are read, never the whole image.
 */
import { type C2paInfo, detectC2pa } from '../core/c2pa';
import { readOriginal } from '../db/gallery';
import { h } from '../ui/dom';

/** The words for a detection result (null: still reading or unreadable). */
export function credentialWords(info: C2paInfo | null | 'error'): string {
  if (info === null) return 'Content Credentials: checking…';
  if (info === 'error') return 'Content Credentials: could not be read from the stored file.';
  if (!info.present) return 'Content Credentials: none found';
  return info.claimGenerator
    ? `Content Credentials: present (claim generator: ${info.claimGenerator})`
    : 'Content Credentials: present';
}

/** Detects the credentials of `id`'s original; 'error' when the file is missing or unreadable. */
export async function readCredentials(id: string): Promise<C2paInfo | 'error'> {
  try {
    const blob = await readOriginal(id);
    return blob ? await detectC2pa(blob) : 'error';
  } catch {
    return 'error';
  }
}

/** The line itself; `data-state` is `checking`, `present`, `absent` or `error` for tests. */
export function credentialsLine(info: C2paInfo | null | 'error'): HTMLElement {
  const state = info === null ? 'checking' : info === 'error' ? 'error' : info.present ? 'present' : 'absent';
  return h(
    'p',
    { class: 'muted lb-credentials', 'data-testid': 'lightbox-credentials', 'data-state': state },
    credentialWords(info),
  );
}
