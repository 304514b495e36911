/**
 * Writes one file under Downloads through the `downloads` API, with no Save dialog and never
 * over an existing file (`conflictAction: 'uniquify'`), and waits until the browser reports it
 * complete or interrupted.
 *
 * The URL: Chromium's MV3 service worker has no `URL.createObjectURL`, so there the bytes go
 * as a `data:` URL (base64; the download is still the exact bytes). Firefox's background page
 * has `createObjectURL`, and a `blob:` URL there avoids the base64 copy.
 */
import { browser } from '../../platform/browser';

/** What the browser says about a download, in the few states the mirror cares about. */
export type DownloadOutcome =
  | { state: 'complete'; filename: string }
  | { state: 'interrupted'; reason: string };

// Chromium's and Firefox's interrupt reasons, in plain words (the rest keep their code).
const REASONS: Record<string, string> = {
  FILE_NO_SPACE: 'the disk is full',
  FILE_ACCESS_DENIED: 'the Downloads folder cannot be written to',
  FILE_NAME_TOO_LONG: 'the file name is too long for this disk',
  FILE_TOO_LARGE: 'the file is too large for this disk',
  FILE_BLOCKED: 'the browser or its policy blocked the file',
  FILE_FAILED: 'the file could not be written',
  FILE_TRANSIENT_ERROR: 'the disk was busy',
  // Also what Chromium reports when "Ask where to save each file" is on: `saveAs: false` does
  // not override that setting, and a dismissed dialog is a cancel (tried in Chromium 156).
  USER_CANCELED:
    'the download was cancelled (if the browser asks where to save each file, turn that off in its download settings)',
  USER_SHUTDOWN: 'the browser was closed during the download',
  CRASH: 'the browser stopped during the download',
};

/** A plain-words reason for a download error code or thrown message. */
export function downloadReason(code: string): string {
  if (REASONS[code]) return `Could not write the file: ${REASONS[code]}.`;
  if (/invalid filename/i.test(code)) return 'Could not write the file: the browser refused its name.';
  return `Could not write the file (${code}).`;
}

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode's argument list small.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

/** Starts writing `blob` to `path` (relative to Downloads); resolves with the download id. */
export async function startDownload(blob: Blob, path: string): Promise<number> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob ? URL.createObjectURL(blob) : await dataUrl(blob);
  try {
    const id = await browser.downloads.download({
      url,
      filename: path,
      conflictAction: 'uniquify',
      saveAs: false,
    });
    // Firefox reads the blob URL at once; it is released when the download ends.
    if (canBlob) void waitForDownload(id).finally(() => URL.revokeObjectURL(url));
    return id;
  } catch (err) {
    if (canBlob) URL.revokeObjectURL(url);
    throw new Error(downloadReason(err instanceof Error ? err.message : String(err)));
  }
}

/** The outcome of download `id`: at once when it ended, else when it does; null when the browser forgot it. */
export async function waitForDownload(id: number): Promise<DownloadOutcome | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (v: DownloadOutcome | null) => {
      if (settled) return;
      settled = true;
      browser.downloads.onChanged.removeListener(onChanged);
      resolve(v);
    };
    const check = async () => {
      const [item] = await browser.downloads.search({ id });
      if (!item) return finish(null);
      if (item.state === 'complete') finish({ state: 'complete', filename: item.filename });
      else if (item.state === 'interrupted')
        finish({ state: 'interrupted', reason: downloadReason(item.error ?? 'FILE_FAILED') });
    };
    const onChanged = (delta: { id: number; state?: { current?: string } }) => {
      if (delta.id === id && delta.state?.current && delta.state.current !== 'in_progress')
        check().catch(() => finish(null));
    };
    // Listen first, then look: a download that ended in between is not missed.
    browser.downloads.onChanged.addListener(onChanged);
    check().catch(() => finish(null));
  });
}
