/** Short messages with an optional action ("Undo"), announced to screen readers. */
import { t } from '../platform/i18n';
import { h } from './dom';
import { icon } from './icons';

export interface ToastOptions {
  action?: { label: string; run: () => void; testid?: string };
  /** ms before it closes by itself. */
  timeout?: number;
  /** Called once when the toast goes, whether by timeout, action or close button. */
  onClose?: (byAction: boolean) => void;
}

/**
 * The live region, kept inside the topmost open modal dialog when there is one: a modal
 * dialog makes everything outside it inert and covers it, and an "Undo" must stay clickable.
 */
function region(): HTMLElement {
  let el = document.getElementById('toasts');
  if (!el) {
    el = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    // `close` does not bubble, but a capturing listener on document still sees it.
    document.addEventListener('close', () => setTimeout(() => place()), true);
  }
  place(el);
  return el;
}

function place(el: HTMLElement | null = document.getElementById('toasts')): void {
  if (!el) return;
  const dialogs = document.querySelectorAll('dialog[open]');
  const host = dialogs[dialogs.length - 1] ?? document.body;
  if (el.parentElement !== host) host.append(el);
}

/** Shows a toast; returns a function that closes it. */
export function toast(message: string, o: ToastOptions = {}): () => void {
  let closed = false;
  const close = (byAction = false) => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    el.remove();
    o.onClose?.(byAction);
  };
  const el = h(
    'div',
    { class: 'toast', 'data-testid': 'toast' },
    h('span', null, message),
    o.action
      ? h(
          'button',
          {
            type: 'button',
            'data-testid': o.action.testid ?? 'toast-action',
            onclick: () => {
              o.action?.run();
              close(true);
            },
          },
          o.action.label,
        )
      : null,
    h(
      'button',
      { type: 'button', class: 'icon', 'aria-label': t('gallery_toast_close'), onclick: () => close() },
      icon('close'),
    ),
  );
  const timer = setTimeout(() => close(), o.timeout ?? 5000);
  region().append(el);
  return () => close();
}
