/**
 * The storage panel: bytes held (originals, thumbnails, trash), browser quota, persistence,
 * and the deleted images remembered (tombstones) so they are not saved again.
 */
import { quotaInfo, requestPersistence, storageTotals } from '../db/gallery-storage';
import { forgetTombstones, tombstoneCount } from '../db/tombstones';
import { t, tn } from '../platform/i18n';
import { confirmDialog } from '../ui/confirm';
import { fill, h } from '../ui/dom';
import { formatBytes, formatCount } from '../ui/format';
import { icon } from '../ui/icons';

function row(label: string, value: string, testid?: string): HTMLElement {
  return h('tr', null, h('th', { scope: 'row' }, label), h('td', { 'data-testid': testid }, value));
}

/** "N deleted images are remembered…" with a way to forget them; null when there are none. */
function remembered(n: number, redraw: () => void): HTMLElement | null {
  if (!n) return null;
  const forget = h('button', { type: 'button', 'data-testid': 'forget-deleted' }, t('gallery_forget'));
  forget.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: tn('gallery_forget_title', n),
      body: tn('gallery_forget_body', n),
      ok: t('gallery_forget'),
    });
    if (!ok) return;
    (forget as HTMLButtonElement).disabled = true;
    await forgetTombstones();
    redraw();
  });
  return h(
    'p',
    { class: 'row', 'data-testid': 'deleted-remembered', 'data-count': n },
    tn('gallery_remembered', n),
    forget,
  );
}

async function content(body: HTMLElement, promptOnly: number): Promise<void> {
  const [tot, q, deleted] = await Promise.all([storageTotals(), quotaInfo(), tombstoneCount()]);
  const redraw = () =>
    void content(body, promptOnly).catch((err) => {
      body.replaceChildren(h('p', null, t('gallery_storage_failed', { error: String(err) })));
    });
  const persistBtn = h('button', { type: 'button', 'data-testid': 'persist-button' }, t('gallery_persist'));
  persistBtn.addEventListener('click', async () => {
    persistBtn.disabled = true;
    const ok = await requestPersistence();
    persistBtn.replaceWith(
      h('p', { role: 'status' }, ok ? t('gallery_persist_ok') : t('gallery_persist_declined')),
    );
    void content(body, promptOnly);
  });
  fill(
    body,
    h(
      'table',
      { class: 'meta' },
      h(
        'tbody',
        null,
        row(t('gallery_storage_images'), formatCount(Math.max(0, tot.images - promptOnly)), 'storage-images'),
        promptOnly
          ? row(
              t('gallery_storage_prompt_only'),
              t('gallery_storage_prompt_only_value', { count: formatCount(promptOnly) }),
              'storage-prompt-only',
            )
          : null,
        row(t('gallery_storage_originals'), formatBytes(tot.originalBytes), 'storage-originals'),
        row(t('gallery_storage_thumbs'), formatBytes(tot.thumbBytes), 'storage-thumbs'),
        tot.trashBytes ? row(t('gallery_storage_trash'), formatBytes(tot.trashBytes)) : null,
        row(t('gallery_storage_usage'), formatBytes(q.usage), 'storage-usage'),
        row(t('gallery_storage_quota'), formatBytes(q.quota), 'storage-quota'),
        row(
          t('gallery_storage_persistent'),
          q.persisted === null
            ? t('gallery_storage_unknown')
            : q.persisted
              ? t('gallery_storage_persistent_yes')
              : t('gallery_storage_persistent_no'),
          'storage-persisted',
        ),
      ),
    ),
    q.persisted === false ? persistBtn : null,
    remembered(deleted, redraw),
  );
}

/** `promptOnly`: how many records hold prompts but no image (they weigh nothing here). */
export function openStoragePanel(promptOnly = 0): void {
  const body = h('div', { class: 'storage-body' }, h('p', null, t('gallery_storage_measuring')));
  const dlg = h(
    'dialog',
    { class: 'panel', 'data-testid': 'storage-panel', 'aria-labelledby': 'storage-title' },
    h(
      'div',
      { class: 'row' },
      h('h2', { id: 'storage-title' }, t('gallery_storage')),
      h(
        'button',
        { type: 'button', class: 'icon', 'aria-label': t('gallery_close'), onclick: () => dlg.close() },
        icon('close'),
      ),
    ),
    body,
  );
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  content(body, promptOnly).catch((err) => {
    body.replaceChildren(h('p', null, t('gallery_storage_failed', { error: String(err) })));
  });
}
