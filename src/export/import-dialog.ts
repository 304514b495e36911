/**
 * The import dialog: pick an archive, watch it being checked then added, and read what
 * happened: added, skipped (already there) and, when the archive is refused, why.
 */
import { h } from '../ui/dom';
import { plural } from '../ui/format';
import { holdPage, openShell } from './dialog-shell';
import { ImportError, type ImportReport, runImport } from './import-run';
import { describeProgress } from './progress';

export function openImportDialog(): void {
  let running: AbortController | null = null;
  const shell = openShell('import', 'Import an Image Vault archive', () => running?.abort());
  const input = h('input', { type: 'file', accept: '.zip,application/zip', 'data-testid': 'import-input' });
  const bar = h('progress', { max: 1, value: 0 });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const progressBox = h('div', { 'data-testid': 'import-progress', hidden: true }, bar, status);
  const report = h('div', { class: 'report', 'data-testid': 'import-report', hidden: true });
  const close = h('button', { 'data-testid': 'import-cancel', onclick: () => shell.close() }, 'Cancel');
  shell.body.append(
    h(
      'p',
      { class: 'muted' },
      'Choose a ZIP made by Image Vault’s Export. Images you already have are skipped; favourites are kept.',
    ),
    input,
    progressBox,
    report,
  );
  shell.buttons.append(close);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void go(file);
  });

  async function go(file: File): Promise<void> {
    running = new AbortController();
    holdPage(running.signal);
    input.disabled = true;
    progressBox.hidden = false;
    report.hidden = true;
    shell.clearError();
    try {
      const result = await runImport(file, {
        signal: running.signal,
        onProgress(phase, p) {
          bar.value = p.bytesTotal ? p.bytesDone / p.bytesTotal : 1;
          status.textContent = `${phase === 'checking' ? 'Checking' : 'Adding'}: ${describeProgress(p)}`;
        },
      });
      showReport(result);
      // Open galleries (this one included) refresh on the change channel: the writes announced it.
    } catch (err) {
      if (running.signal.aborted) return;
      const message =
        err instanceof ImportError
          ? err.message
          : `The import failed: ${err instanceof Error ? err.message : String(err)}`;
      shell.error(`${message} Your vault was not changed.`, err instanceof ImportError ? err.details : []);
    } finally {
      // Ready for another archive (the same file too: clearing the value re-arms "change").
      input.disabled = false;
      input.value = '';
      progressBox.hidden = true;
      running.abort();
      running = null;
      close.textContent = 'Close';
    }
  }

  function showReport(r: ImportReport): void {
    const list = (items: { id: string; reason: string }[]) =>
      items.length
        ? h(
            'ul',
            null,
            items.slice(0, 100).map((s) => h('li', null, `${s.id}: ${s.reason}`)),
          )
        : null;
    report.replaceChildren(
      h(
        'p',
        { 'data-testid': 'import-summary' },
        `Added ${plural(r.added.length, 'image')}, skipped ${r.skipped.length}, rejected ${r.rejected.length}.`,
      ),
      ...[list(r.skipped), list(r.rejected)].filter((x) => x !== null),
    );
    report.dataset.added = String(r.added.length);
    report.dataset.skipped = String(r.skipped.length);
    report.dataset.rejected = String(r.rejected.length);
    report.hidden = false;
  }
}
