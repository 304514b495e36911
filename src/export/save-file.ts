/**
 * Saves the finished archive without a second click (issue 13 §3), through the `downloads`
 * API the folder mirror already holds the permission for: no user gesture is needed however
 * long the export took, `saveAs: false` skips the dialog, and the browser then says where the
 * file went. Where the API is missing, an anchor click, which both browsers accept from an
 * extension page.
 */
import { startDownload, waitForDownload } from '../background/mirror/download';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';

export interface Saved {
  /** The download's id, for "Show in folder"; null when saved by an anchor click. */
  id: number | null;
  /** Where the browser wrote it (full path); null when it does not say. */
  path: string | null;
}

/** Writes `file` to the Downloads folder as `name` (never over another file); resolves when on disk. */
export async function saveFile(file: File, name: string): Promise<Saved> {
  // Typed, or Chromium names an untyped OPFS file .txt (a Blob of a Blob copies nothing).
  const blob = new Blob([file], { type: 'application/zip' });
  if (!browser.downloads?.download) {
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    // The browser has taken the URL once the click's task ran; keep it a while for a slow start.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { id: null, path: null };
  }
  const id = await startDownload(blob, name);
  const outcome = await waitForDownload(id);
  if (outcome?.state === 'interrupted') throw new Error(outcome.reason);
  return { id, path: outcome?.filename || null };
}

/** Opens the file manager at the saved file. */
export function showSaved(id: number): void {
  void browser.downloads.show(id);
}

/** "Saved to …" for the dialog, whichever way the file was saved. */
export function savedWords(saved: Saved, name: string): string {
  return saved.path ? t('export_saved_to', { path: saved.path }) : t('export_saved_as', { name });
}
