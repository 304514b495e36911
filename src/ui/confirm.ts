/**
 * An in-page confirmation dialog. Not window.confirm(): that blocks the page, cannot
 * be styled for dark mode, and test drivers dismiss it by default.
 */
import { t } from '../platform/i18n';
import { h } from './dom';

export function confirmDialog(o: {
  title: string;
  body: string;
  ok: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    const dlg = h(
      'dialog',
      { class: 'confirm', 'data-testid': 'confirm-dialog', 'aria-labelledby': 'confirm-title' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, o.title),
        h('p', null, o.body),
        h(
          'div',
          { class: 'row end' },
          h('button', { value: 'cancel', 'data-testid': 'confirm-cancel' }, t('gallery_cancel')),
          h(
            'button',
            { value: 'ok', class: o.danger ? 'danger' : 'primary', 'data-testid': 'confirm-ok' },
            o.ok,
          ),
        ),
      ),
    );
    dlg.addEventListener('close', () => {
      resolve(dlg.returnValue === 'ok');
      dlg.remove();
    });
    document.body.append(dlg);
    dlg.showModal();
  });
}
