/**
 * The storage panel: bytes held (originals, thumbnails, trash), browser quota, persistence,
 * and the deleted images remembered (tombstones) so they are not saved again.
 */
import { quotaInfo, requestPersistence, storageTotals } from '../db/gallery-storage';
import { forgetTombstones, tombstoneCount } from '../db/tombstones';
import { confirmDialog } from '../ui/confirm';
import { fill, h } from '../ui/dom';
import { formatBytes, formatCount, plural } from '../ui/format';

function row(label: string, value: string, testid?: string): HTMLElement {
  return h('tr', null, h('th', { scope: 'row' }, label), h('td', { 'data-testid': testid }, value));
}

/** "N deleted images are remembered…" with a way to forget them; null when there are none. */
function remembered(n: number, redraw: () => void): HTMLElement | null {
  if (!n) return null;
  const forget = h('button', { type: 'button', 'data-testid': 'forget-deleted' }, 'Forget them');
  forget.addEventListener('click', async () => {
    const ok = await confirmDialog({
      title: `Forget ${plural(n, 'deleted image')}?`,
      body: `Image Vault will save ${n === 1 ? 'it' : 'them'} again if ChatGPT shows ${n === 1 ? 'it' : 'them'} again or an archive you import holds ${n === 1 ? 'it' : 'them'}.`,
      ok: 'Forget them',
    });
    if (!ok) return;
    (forget as HTMLButtonElement).disabled = true;
    await forgetTombstones();
    redraw();
  });
  return h(
    'p',
    { class: 'row', 'data-testid': 'deleted-remembered', 'data-count': n },
    n === 1
      ? '1 deleted image is remembered so it is not saved again.'
      : `${formatCount(n)} deleted images are remembered so they are not saved again.`,
    forget,
  );
}

async function content(body: HTMLElement, promptOnly: number): Promise<void> {
  const [t, q, deleted] = await Promise.all([storageTotals(), quotaInfo(), tombstoneCount()]);
  const redraw = () =>
    void content(body, promptOnly).catch((err) => {
      body.replaceChildren(h('p', null, `Could not measure storage: ${String(err)}`));
    });
  const persistBtn = h(
    'button',
    { type: 'button', 'data-testid': 'persist-button' },
    'Keep storage persistent',
  );
  persistBtn.addEventListener('click', async () => {
    persistBtn.disabled = true;
    const ok = await requestPersistence();
    persistBtn.replaceWith(
      h(
        'p',
        { role: 'status' },
        ok ? 'Storage is now persistent.' : 'The browser declined: it decides by how you use the extension.',
      ),
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
        row('Images', formatCount(Math.max(0, t.images - promptOnly)), 'storage-images'),
        promptOnly
          ? row(
              'Prompts without images',
              `${formatCount(promptOnly)} (0 bytes: no image saved)`,
              'storage-prompt-only',
            )
          : null,
        row('Originals', formatBytes(t.originalBytes), 'storage-originals'),
        row('Thumbnails', formatBytes(t.thumbBytes), 'storage-thumbs'),
        t.trashBytes ? row('Awaiting undo', formatBytes(t.trashBytes)) : null,
        row('Used by the extension', formatBytes(q.usage), 'storage-usage'),
        row('Browser quota', formatBytes(q.quota), 'storage-quota'),
        row(
          'Persistent',
          q.persisted === null
            ? 'unknown'
            : q.persisted
              ? 'yes: the browser will not evict it'
              : 'no: the browser may clear it when disk space runs low',
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
  const body = h('div', { class: 'storage-body' }, h('p', null, 'Measuring…'));
  const dlg = h(
    'dialog',
    { class: 'panel', 'data-testid': 'storage-panel', 'aria-labelledby': 'storage-title' },
    h(
      'div',
      { class: 'row' },
      h('h2', { id: 'storage-title' }, 'Storage'),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Close', onclick: () => dlg.close() }, '×'),
    ),
    body,
  );
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  content(body, promptOnly).catch((err) => {
    body.replaceChildren(h('p', null, `Could not measure storage: ${String(err)}`));
  });
}
