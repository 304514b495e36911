/**
 * "Write everything now" (issue 12 §1): copies the images saved before the mirror was on.
 * The background's queue does the work and survives worker stops; this only starts it and
 * shows where it stands, polling while anything is waiting.
 */

import { send } from '../messaging/client';
import type { MirrorStatus } from '../messaging/protocol';
import { formatCount } from '../ui/format';

const POLL_MS = 1000;

/** "Written 12 of 40 images · 27 waiting · 1 failed (why)" */
export function mirrorWords(s: MirrorStatus): string {
  if (!s.enabled) return 'Turn the folder copy on first.';
  const parts = [`Written ${formatCount(s.written)} of ${formatCount(s.total)} images`];
  if (s.pending) parts.push(`${formatCount(s.pending)} waiting`);
  if (s.failed)
    parts.push(
      `${formatCount(s.failed)} failed for now${s.lastError ? ` (${s.lastError})` : ''}, retried later`,
    );
  if (!s.pending && !s.failed && s.written >= s.total) parts.push('all on disk');
  return parts.join(' · ');
}

/** Wires the button; returns a refresh to call when the mirror is switched on or off. */
export function watchMirror(button: HTMLButtonElement, line: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = async (action: 'start' | 'status') => {
    clearTimeout(timer);
    try {
      const s = await send('mirrorAll', { action });
      line.textContent = mirrorWords(s);
      button.disabled = s.pending > 0;
      if (s.pending > 0) timer = setTimeout(() => void show('status'), POLL_MS);
    } catch (err) {
      line.textContent = `Could not reach the extension’s background: ${err instanceof Error ? err.message : String(err)}`;
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => {
    button.disabled = true;
    void show('start');
  });
  void show('status');
  return () => void show('status');
}
