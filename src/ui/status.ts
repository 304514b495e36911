/**
 * Capture status for the popup and gallery: asked of the background (it owns the
 * queue), shown as a notice when capture is paused or has problems.
 */
import { send } from '../messaging/client';
import type { VaultStatus } from '../messaging/protocol';
import { h } from './dom';
import { plural } from './format';

/** The status, or null when the background did not answer in time (itself a problem to show). */
export async function fetchStatus(timeoutMs = 2000): Promise<VaultStatus | null> {
  const timeout = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
  try {
    return await Promise.race([send('getStatus', {}), timeout]);
  } catch (err) {
    console.warn('[image-vault] getStatus failed', err);
    return null;
  }
}

export interface NoticeActions {
  setPaused(paused: boolean): void;
  retry(): void;
  dismiss(): void;
}

/** Sentences about what is wrong, or [] when capture is running fine. */
export function problemLines(status: VaultStatus | null): string[] {
  if (!status) return ['Capture status is unavailable: the extension’s background did not answer.'];
  // The background words every problem itself, failed captures included.
  return [...status.problems];
}

/** A notice for paused capture and/or problems; null when there is nothing to say. */
export function statusNotice(status: VaultStatus | null, act: NoticeActions): HTMLElement | null {
  const lines = problemLines(status);
  const paused = status?.paused === true;
  if (!paused && !lines.length) return null;
  return h(
    'div',
    {
      class: `notice ${lines.length ? 'notice-problem' : ''}`,
      role: 'status',
      'data-testid': 'capture-notice',
    },
    paused
      ? h(
          'p',
          null,
          h('strong', null, 'Capture is paused.'),
          ' New images in ChatGPT are not being saved',
          status?.pausedSkipped ? ` (${plural(status.pausedSkipped, 'image')} skipped so far). ` : '. ',
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => act.setPaused(false) },
            'Resume capture',
          ),
        )
      : null,
    lines.length
      ? h(
          'div',
          { 'data-testid': 'capture-problems', 'data-count': lines.length },
          h('ul', null, ...lines.map((l) => h('li', null, l))),
          status
            ? h(
                'p',
                { class: 'notice-actions' },
                status.failed.length
                  ? h('button', { type: 'button', onclick: () => act.retry() }, 'Retry failed')
                  : null,
                h('button', { type: 'button', onclick: () => act.dismiss() }, 'Dismiss'),
              )
            : null,
        )
      : null,
  );
}

/** The default actions: message the background, then call `after` to refresh. */
export function defaultActions(after: () => void): NoticeActions {
  const run = (p: Promise<unknown>) =>
    p.catch((err) => console.warn('[image-vault] status action failed', err)).finally(after);
  return {
    setPaused: (paused) => run(send('setPaused', { paused })),
    retry: () => run(send('retryFailed', {})),
    dismiss: () => run(send('dismissFailed', {})),
  };
}
