/**
 * Capture status for the popup and gallery: asked of the background (it owns the
 * queue), shown as a notice when capture is paused, images were skipped while paused,
 * a ChatGPT tab needs a reload, or capture has problems. Each problem is a sentence in plain
 * words with one action (issue 13 §2); a background that does not answer is retried, then said.
 */
import { send } from '../messaging/client';
import type { StatusIssue, VaultStatus } from '../messaging/protocol';
import { t, tn } from '../platform/i18n';
import { h } from './dom';

/** The status, or null when the background did not answer in time (itself a problem to show). */
export async function fetchStatus(timeoutMs = 2000): Promise<VaultStatus | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((r) => {
    timer = setTimeout(() => r(null), timeoutMs);
  });
  try {
    return await Promise.race([send('getStatus', {}), timeout]);
  } catch (err) {
    console.warn('[image-vault] getStatus failed', err);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** How long each try may take and the pause before the next: a worker that is starting gets time. */
export const STATUS_TRIES = [
  { timeoutMs: 2000, thenWaitMs: 300 },
  { timeoutMs: 3000, thenWaitMs: 1000 },
  { timeoutMs: 4000, thenWaitMs: 0 },
] as const;

/**
 * The status, asked again with backoff when the background does not answer (a worker that
 * was stopped, or busy); null only after every try failed. `onRetry` hears each new try.
 */
export async function fetchStatusWithRetry(
  onRetry?: (attempt: number) => void,
  tries: readonly { timeoutMs: number; thenWaitMs: number }[] = STATUS_TRIES,
): Promise<VaultStatus | null> {
  for (const [i, step] of tries.entries()) {
    if (i > 0) onRetry?.(i + 1);
    const s = await fetchStatus(step.timeoutMs);
    if (s) return s;
    if (step.thenWaitMs) await new Promise((r) => setTimeout(r, step.thenWaitMs));
  }
  return null;
}

export interface NoticeActions {
  setPaused(paused: boolean): void;
  retry(): void;
  dismiss(): void;
  /** Queue the images skipped while paused. */
  saveSkipped(): void;
  /** Forget the images skipped while paused. */
  dismissSkipped(): void;
  /** Reload the open ChatGPT tabs (after ChatGPT's page changed). */
  reloadChatGpt?(): void;
  /** Ask the background again (it did not answer). */
  tryAgain?(): void;
}

/** Sentences about what is wrong, or [] when capture is running fine. */
export function problemLines(status: VaultStatus | null): string[] {
  if (!status) return [t('status_no_answer')];
  // The background words every problem itself, failed captures included.
  return [...status.problems];
}

/** The problems with their kinds (statuses from older code carry only the sentences). */
function issuesOf(status: VaultStatus): StatusIssue[] {
  return status.issues ?? status.problems.map((message) => ({ kind: 'failed' as const, message }));
}

/** A button that disables itself while its action runs (the notice is redrawn afterwards). */
function actionButton(
  label: string,
  testid: string,
  run: () => void,
  kind: 'primary' | 'link' | '',
): HTMLElement {
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
    { class: 'notice-part', 'data-testid': 'paused-notice', 'data-skipped': status.pausedSkipped },
    h('strong', null, t('status_paused')),
    ' ',
    status.pausedSkipped ? tn('status_paused_skipped', status.pausedSkipped) : t('status_paused_none'),
    ' ',
    h('button', { type: 'button', class: 'link', onclick: () => act.setPaused(false) }, t('status_resume')),
  );
}

/** The offer to save what was seen while paused: its sightings are remembered (issue 8 §8). */
function skippedOffer(status: VaultStatus, act: NoticeActions): HTMLElement {
  const n = status.pausedSkipped;
  return h(
    'div',
    { class: 'notice-part', 'data-testid': 'skipped-offer', 'data-count': n },
    status.paused ? null : h('p', null, tn('status_skipped_seen', n)),
    h(
      'p',
      { class: 'notice-actions offer-actions' },
      actionButton(tn('status_save_skipped', n), 'save-skipped', act.saveSkipped, 'primary'),
      actionButton(t('status_dismiss'), 'dismiss-skipped', act.dismissSkipped, 'link'),
    ),
  );
}

function reloadLine(n: number): HTMLElement {
  return h(
    'p',
    { class: 'notice-part', 'data-testid': 'reload-notice' },
    h('strong', null, tn('status_reload_tabs', n)),
    ' ',
    tn('status_reload_why', n),
  );
}

/** The one action that fixes a problem of this kind, and what to do next in words. */
function issueAction(issue: StatusIssue, act: NoticeActions): (HTMLElement | string)[] {
  switch (issue.kind) {
    case 'failed':
    case 'storage':
      return [actionButton(t('status_retry'), 'retry-failed', act.retry, 'primary')];
    case 'page-changed':
      return [
        h('span', null, t('status_page_changed_next')),
        act.reloadChatGpt
          ? actionButton(t('status_reload_chatgpt'), 'reload-chatgpt', act.reloadChatGpt, 'primary')
          : '',
      ];
    default:
      return [];
  }
}

/** One problem: its sentence and its action. */
function issueBody(issue: StatusIssue, act: NoticeActions): HTMLElement[] {
  const action = issueAction(issue, act);
  return [
    h('span', { class: 'issue-text' }, issue.message),
    ...(action.length ? [h('span', { class: 'issue-action' }, ...action)] : []),
  ];
}

/** The problems: one is a sentence, several a list; then what Dismiss does, and Dismiss. */
function problemsPart(status: VaultStatus | null, act: NoticeActions): HTMLElement {
  const box = (count: number, ...children: (HTMLElement | null)[]) =>
    h('div', { class: 'notice-part', 'data-testid': 'capture-problems', 'data-count': count }, ...children);
  if (!status) {
    return box(
      1,
      h(
        'p',
        { 'data-testid': 'status-unanswered' },
        h('strong', null, t('status_no_answer')),
        ' ',
        t('status_no_answer_next'),
        ' ',
        act.tryAgain
          ? actionButton(t('status_try_again'), 'status-try-again', act.tryAgain, 'primary')
          : null,
      ),
    );
  }
  const issues = issuesOf(status);
  const body =
    issues.length === 1
      ? h('p', { class: 'issue' }, ...issueBody(issues[0]!, act))
      : h('ul', null, ...issues.map((i) => h('li', { class: 'issue' }, ...issueBody(i, act))));
  const lost = issues.some((i) => i.kind === 'failed');
  // Dismiss is described by what it does (to a lost image, above all).
  const dismiss = actionButton(t('status_dismiss'), 'dismiss-problems', act.dismiss, 'link');
  dismiss.setAttribute('aria-describedby', 'dismiss-hint');
  return box(
    issues.length,
    body,
    h(
      'p',
      { class: 'notice-actions' },
      dismiss,
      h(
        'span',
        { class: 'dismiss-hint', id: 'dismiss-hint', 'data-testid': 'dismiss-hint' },
        lost ? t('status_dismiss_lost') : t('status_dismiss_hides'),
      ),
    ),
  );
}

/** A notice for paused capture, skipped images, tabs to reload and problems; null when there is nothing to say. */
export function statusNotice(status: VaultStatus | null, act: NoticeActions): HTMLElement | null {
  const problems = !status || status.problems.length > 0;
  const paused = status?.paused === true;
  const skipped = (status?.pausedSkipped ?? 0) > 0;
  const reload = status?.tabsNeedingReload ?? 0;
  if (!paused && !skipped && !reload && !problems) return null;
  return h(
    'div',
    {
      class: `notice ${problems ? 'notice-problem' : ''}`,
      role: 'status',
      'data-testid': 'capture-notice',
    },
    // Problems first: they are what the user must act on.
    problems ? problemsPart(status, act) : null,
    status && paused ? pausedLine(status, act) : null,
    status && skipped ? skippedOffer(status, act) : null,
    reload ? reloadLine(reload) : null,
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
    tryAgain: after,
  };
}
