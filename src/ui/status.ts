/**
 * Capture status for the popup and gallery: asked of the background (it owns the
 * queue), shown as a notice when capture is paused, images were skipped while paused,
 * a ChatGPT tab needs a reload, or capture has problems.
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
  /** Queue the images skipped while paused. */
  saveSkipped(): void;
  /** Forget the images skipped while paused. */
  dismissSkipped(): void;
}

/** Sentences about what is wrong, or [] when capture is running fine. */
export function problemLines(status: VaultStatus | null): string[] {
  if (!status) return ['Capture status is unavailable: the extension’s background did not answer.'];
  // The background words every problem itself, failed captures included.
  return [...status.problems];
}

/** A button that disables itself while its action runs (the notice is redrawn afterwards). */
function actionButton(label: string, testid: string, run: () => void, kind: 'primary' | 'link'): HTMLElement {
  const b = h('button', { type: 'button', class: kind, 'data-testid': testid }, label);
  b.addEventListener('click', () => {
    (b as HTMLButtonElement).disabled = true;
    run();
  });
  return b;
}

function pausedLine(status: VaultStatus, act: NoticeActions): HTMLElement {
  return h(
    'p',
    { class: 'notice-part' },
    h('strong', null, 'Capture is paused.'),
    ' New images in ChatGPT are not being saved',
    status.pausedSkipped ? ` (${plural(status.pausedSkipped, 'image')} skipped so far). ` : '. ',
    h('button', { type: 'button', class: 'link', onclick: () => act.setPaused(false) }, 'Resume capture'),
  );
}

/** The offer to save what was seen while paused: its sightings are remembered (issue 8 §8). */
function skippedOffer(status: VaultStatus, act: NoticeActions): HTMLElement {
  const n = status.pausedSkipped;
  return h(
    'div',
    { class: 'notice-part', 'data-testid': 'skipped-offer', 'data-count': n },
    status.paused
      ? null
      : h('p', null, `${plural(n, 'image was', 'images were')} seen while capture was paused and not saved.`),
    h(
      'p',
      { class: 'notice-actions offer-actions' },
      actionButton(
        `Save the ${plural(n, 'image')} skipped while paused`,
        'save-skipped',
        act.saveSkipped,
        'primary',
      ),
      actionButton('Dismiss', 'dismiss-skipped', act.dismissSkipped, 'link'),
    ),
  );
}

function reloadLine(n: number): HTMLElement {
  return h(
    'p',
    { class: 'notice-part', 'data-testid': 'reload-notice' },
    h(
      'strong',
      null,
      n === 1
        ? 'Reload your ChatGPT tab to start saving images.'
        : `Reload your ${n} ChatGPT tabs to start saving images.`,
    ),
    ` ${n === 1 ? 'It was' : 'They were'} open before Image Vault was installed or updated.`,
  );
}

/** A notice for paused capture, skipped images, tabs to reload and problems; null when there is nothing to say. */
export function statusNotice(status: VaultStatus | null, act: NoticeActions): HTMLElement | null {
  const lines = problemLines(status);
  const paused = status?.paused === true;
  const skipped = (status?.pausedSkipped ?? 0) > 0;
  const reload = status?.tabsNeedingReload ?? 0;
  if (!paused && !skipped && !reload && !lines.length) return null;
  return h(
    'div',
    {
      class: `notice ${lines.length ? 'notice-problem' : ''}`,
      role: 'status',
      'data-testid': 'capture-notice',
    },
    status && paused ? pausedLine(status, act) : null,
    status && skipped ? skippedOffer(status, act) : null,
    reload ? reloadLine(reload) : null,
    lines.length
      ? h(
          'div',
          { class: 'notice-part', 'data-testid': 'capture-problems', 'data-count': lines.length },
          h('ul', null, ...lines.map((l) => h('li', null, l))),
          status
            ? h(
                'p',
                { class: 'notice-actions' },
                status.failed.length || status.storageUnavailable
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
    saveSkipped: () => run(send('saveSkipped', {})),
    dismissSkipped: () => run(send('dismissSkipped', {})),
  };
}
