/**
 * The export dialog, one click (issue 13 §3): opening it starts the export, and the finished
 * archive is saved to Downloads without another click. It shows how many images and about
 * how many bytes up front, progress from the first image, and at the end a full bar and where
 * the file went. The embed-prompts choice is remembered; changing it mid-run starts the run
 * again with the new choice (the archive then holds what the box says, never a mix).
 */
import { t, tn } from '../platform/i18n';
import { h } from '../ui/dom';
import { formatBytes } from '../ui/format';
import { holdPage, openShell } from './dialog-shell';
import { removeExport } from './opfs';
import { barFraction, describeProgress, throttled } from './progress';
import { type ExportResult, NothingToExport, runExport } from './run-export';
import { type Saved, savedWords, saveFile, showSaved } from './save-file';

const EMBED_KEY = 'image-vault:export-embed';

/** Opens the dialog and starts exporting `ids` (null: everything); `label` completes "Export …". */
export function openExportDialog(opts: { ids: string[] | null; label: string }): void {
  let run: { ctrl: AbortController; done: Promise<void> } | null = null;
  let finished: { result: ExportResult; saved: Promise<Saved | null> } | null = null;
  const shell = openShell('export', t('export_title', { what: opts.label }), () => {
    run?.ctrl.abort();
    // The archive is a copy of the download: gone once the download is safely on disk.
    if (finished) {
      const name = finished.result.archiveName;
      void finished.saved.then((s) => s && removeExport(name));
    }
  });
  const embed = h('input', {
    type: 'checkbox',
    id: 'export-embed',
    'data-testid': 'export-embed',
    checked: localStorage.getItem(EMBED_KEY) === '1',
  });
  const summary = h('p', { class: 'lead', 'data-testid': 'export-summary' }, t('export_counting'));
  const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'export-title' });
  const status = h('p', { class: 'muted', 'data-testid': 'export-status' });
  // Screen readers hear the phases, not a number every 100 ms.
  const phase = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const progressBox = h('div', { 'data-testid': 'export-progress' }, bar, status, phase);
  const done = h('div', { class: 'done', 'data-testid': 'export-done', hidden: true });
  const cancel = h(
    'button',
    { type: 'button', class: 'danger', 'data-testid': 'export-cancel', onclick: () => shell.close() },
    t('export_cancel'),
  );
  shell.body.append(
    summary,
    progressBox,
    done,
    h(
      'div',
      { class: 'option' },
      embed,
      h(
        'label',
        { for: 'export-embed' },
        t('export_embed_label'),
        h('span', { class: 'muted hint' }, t('export_embed_hint')),
      ),
    ),
    h('p', { class: 'muted small', 'data-testid': 'export-embed-credentials' }, t('export_credentials')),
  );
  shell.buttons.append(cancel);
  const painter = throttled((p) => {
    bar.value = barFraction(p);
    status.textContent = describeProgress(p);
    summary.textContent = p.bytesTotal
      ? tn('export_summary_sized', p.total, { size: formatBytes(p.bytesTotal) })
      : tn('export_summary', p.total);
  });

  embed.addEventListener('change', () => {
    localStorage.setItem(EMBED_KEY, embed.checked ? '1' : '0');
    if (!run) return;
    const old = run;
    old.ctrl.abort();
    void old.done.then(start);
    phase.textContent = t('export_restarting');
  });

  function start(): void {
    const ctrl = new AbortController();
    holdPage(ctrl.signal);
    shell.clearError();
    bar.value = 0;
    phase.textContent = t('export_running');
    shell.dialog.dataset.state = 'running';
    const go = async () => {
      try {
        const result = await runExport({
          ids: opts.ids,
          embedCopies: embed.checked,
          signal: ctrl.signal,
          onProgress: painter.show,
        });
        painter.stop();
        run = null;
        await finish(result);
      } catch (err) {
        painter.stop();
        if (ctrl.signal.aborted) return; // closing, or restarting with the other choice
        run = null;
        failed(err);
      } finally {
        ctrl.abort(); // releases the page hold; harmless once done
      }
    };
    run = { ctrl, done: go() };
  }

  async function finish(result: ExportResult): Promise<void> {
    bar.value = bar.max; // full at Done, whatever the last throttled paint showed
    embed.disabled = true; // the archive is made: the choice applies next time
    const images = result.count - result.promptOnly;
    status.textContent = [
      tn('export_done_images', images),
      result.promptOnly ? tn('export_done_prompts', result.promptOnly) : null,
      formatBytes(result.file.size),
    ]
      .filter(Boolean)
      .join(' · ');
    if (result.skipped.length)
      shell.error(
        tn('export_left_out', result.skipped.length),
        result.skipped.map((s) => t('export_left_out_item', { id: s.id })),
      );
    cancel.textContent = t('export_close');
    cancel.className = 'primary';
    const saving = saveFile(result.file, result.downloadName).catch((err: unknown) => {
      shell.error(t('export_save_failed', { reason: err instanceof Error ? err.message : String(err) }));
      return null;
    });
    finished = { result, saved: saving };
    phase.textContent = t('export_saving');
    const saved = await saving;
    const url = URL.createObjectURL(new Blob([result.file], { type: 'application/zip' }));
    const again = h(
      'a',
      { class: 'button', href: url, download: result.downloadName, 'data-testid': 'export-download' },
      t('export_save_again'),
    );
    done.replaceChildren(
      h('p', { 'data-testid': 'export-saved' }, saved ? savedWords(saved, result.downloadName) : ''),
      h(
        'div',
        { class: 'row' },
        saved?.id != null
          ? h(
              'button',
              { type: 'button', 'data-testid': 'export-show', onclick: () => showSaved(saved.id!) },
              t('export_show_in_folder'),
            )
          : null,
        again,
      ),
    );
    done.hidden = false;
    phase.textContent = t('export_done');
    shell.dialog.addEventListener('close', () => URL.revokeObjectURL(url), { once: true });
    shell.dialog.dataset.state = 'done';
  }

  function failed(err: unknown): void {
    const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
    if (err instanceof NothingToExport) {
      summary.textContent = t('export_nothing');
      progressBox.hidden = true;
      embed.disabled = true;
    } else
      shell.error(
        quota
          ? t('export_no_space')
          : t('export_failed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    bar.value = 0;
    status.textContent = '';
    cancel.textContent = t('export_close');
    cancel.className = '';
    shell.dialog.dataset.state = 'failed';
    if (err instanceof NothingToExport) return;
    const retry = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        'data-testid': 'export-retry',
        onclick: () => {
          retry.remove();
          cancel.textContent = t('export_cancel');
          cancel.className = 'danger';
          start();
        },
      },
      t('export_retry'),
    );
    shell.buttons.append(retry);
  }

  if (opts.ids?.length === 0) failed(new NothingToExport());
  else start();
}
