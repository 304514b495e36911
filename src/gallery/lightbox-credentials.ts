/**
 * The lightbox's Content Credentials line: whether the stored original carries a C2PA
 * manifest and which tool signed it (docs/chatgpt.md §Content Credentials (C2PA)). Only the
 * file's chunk headers and the manifest are read, never the whole image.
 */
import { type C2paInfo, detectC2pa } from '../core/c2pa';
import { readOriginal } from '../db/gallery';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';

/** The words for a detection result (null: still reading or unreadable). */
export function credentialWords(info: C2paInfo | null | 'error'): string {
  if (info === null) return t('lightbox_c2pa_checking');
  if (info === 'error') return t('lightbox_c2pa_error');
  if (!info.present) return t('lightbox_c2pa_none');
  return info.claimGenerator
    ? t('lightbox_c2pa_signed', { generator: info.claimGenerator })
    : t('lightbox_c2pa_present');
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
    { class: 'lb-credentials', 'data-testid': 'lightbox-credentials', 'data-state': state },
    // The mark says at a glance what the words say: signed, or not.
    icon(state === 'present' ? 'check' : 'info'),
    credentialWords(info),
  );
}
