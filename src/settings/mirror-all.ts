/**
 * "Write everything now" (issue 12 §1): copies the images saved before the mirror was on.
 * The background's queue does the work and survives worker stops; this only starts it and
 * shows where it stands, polling while anything is waiting.
 */

import { send } from '../messaging/client';
import type { MirrorStatus } from '../messaging/protocol';
import { formatNumber, t } from '../platform/i18n';

const POLL_MS = 1000;

/** "Written 12 of 40 images · 27 waiting · 1 failed (why)" */
export function mirrorWords(s: MirrorStatus): string {
  if (!s.enabled) return t('settings_mirror_off');
  const parts = [
    t('settings_mirror_written', { written: formatNumber(s.written), total: formatNumber(s.total) }),
  ];
  if (s.pending) parts.push(t('settings_mirror_waiting', { count: formatNumber(s.pending) }));
  if (s.failed)
    parts.push(
      s.lastError
        ? t('settings_mirror_failed_why', { count: formatNumber(s.failed), error: s.lastError })
        : t('settings_mirror_failed', { count: formatNumber(s.failed) }),
    );
  if (!s.pending && !s.failed && s.written >= s.total) parts.push(t('settings_mirror_all_done'));
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
      line.textContent = t('settings_mirror_no_background', {
        error: err instanceof Error ? err.message : String(err),
      });
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
