/** What the export and import dialogs share: the modal, its live status line, its error box. */
import { formatNumber, t } from '../platform/i18n';
import { fill, h } from '../ui/dom';
import { ensureDialogStyle } from './dialog-style';

export interface Shell {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  buttons: HTMLElement;
  /** Shows a problem in plain words (data-testid `${prefix}-error`). */
  error(message: string, details?: string[]): void;
  clearError(): void;
  close(): void;
}

export function openShell(prefix: 'export' | 'import', title: string, onClose: () => void): Shell {
  ensureDialogStyle();
  const errorBox = h('div', {
    class: 'notice notice-problem',
    'data-testid': `${prefix}-error`,
    role: 'alert',
    hidden: true,
  });
  const body = h('div', null);
  const buttons = h('div', { class: 'row end' });
  const dialog = h(
    'dialog',
    { class: 'transfer', 'data-testid': `${prefix}-dialog`, 'aria-labelledby': `${prefix}-title` },
    h('h2', { id: `${prefix}-title` }, title),
    body,
    errorBox,
    buttons,
  );
  dialog.addEventListener('close', () => {
    onClose();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  return {
    dialog,
    body,
    buttons,
    error(message, details = []) {
      fill(
        errorBox,
        h('p', null, message),
        details.length
          ? h(
              'ul',
              null,
              details.slice(0, 50).map((d) => h('li', null, d)),
            )
          : null,
        details.length > 50
          ? h('p', null, t('export_more', { count: formatNumber(details.length - 50) }))
          : null,
      );
      errorBox.hidden = false;
    },
    clearError: () => {
      errorBox.hidden = true;
    },
    close: () => dialog.close(),
  };
}

/** Keeps the page from closing silently mid-transfer (the work would be lost). */
export function holdPage(signal: AbortSignal): void {
  const warn = (e: BeforeUnloadEvent) => e.preventDefault();
  window.addEventListener('beforeunload', warn);
  signal.addEventListener('abort', () => window.removeEventListener('beforeunload', warn), { once: true });
}
