/**
 * The import dialog: drop a file on it (or on the gallery, gallery/exporter.ts) or choose one
 * with its labelled button; Image Vault's own archive and ChatGPT's data export are told apart
 * by content. It shows the reading, checking and adding, then what happened: one sentence,
 * and details (collapsed) that name images by title, grouped by reason (issue 13 §4); when
 * the file is refused, why.
 */
import { t } from '../platform/i18n';
import { h } from '../ui/dom';
import { holdPage, openShell } from './dialog-shell';
import { fromArchive, fromOfficial, reportDetails, type Shown } from './import-report';
import { ImportError, runImport } from './import-run';
import { importSentence } from './import-summary';
import { isOfficialExportFile, runOfficialImport } from './official-import';
import { barFraction, describeProgress, type Progress } from './progress';

const PHASE_KEYS = {
  checking: 'import_phase_checking',
  adding: 'import_phase_adding',
  reading: 'import_phase_reading',
} as const;

/** Opens the dialog; with `file` (dropped on the page), imports it at once. */
export function openImportDialog(file?: File): void {
  let running: AbortController | null = null;
  const shell = openShell('import', t('import_title'), () => running?.abort());
  const input = h('input', {
    type: 'file',
    id: 'import-input',
    class: 'visually-hidden',
    accept: '.zip,application/zip,.json,application/json',
    'data-testid': 'import-input',
  });
  const drop = h(
    'div',
    { class: 'drop', 'data-testid': 'import-drop' },
    h('p', { class: 'drop-words' }, t('import_drop_here')),
    input,
    h('label', { for: 'import-input', class: 'button primary' }, t('import_choose')),
    h('p', { class: 'muted small' }, t('import_kinds')),
  );
  const bar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'import-title' });
  const status = h('p', { class: 'muted', 'data-testid': 'import-status' });
  const phase = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const progressBox = h('div', { 'data-testid': 'import-progress', hidden: true }, bar, status);
  const report = h('div', { class: 'report', 'data-testid': 'import-report', hidden: true });
  const close = h(
    'button',
    { type: 'button', 'data-testid': 'import-cancel', onclick: () => shell.close() },
    t('import_cancel'),
  );
  shell.body.append(
    drop,
    h('p', { class: 'muted small' }, t('import_merge_rules')),
    progressBox,
    phase,
    report,
  );
  shell.buttons.append(close);
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void go(f);
  });
  // Drops anywhere on the dialog; the page's own drop zone stays out of it.
  shell.dialog.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    drop.classList.add('over');
  });
  shell.dialog.addEventListener('dragleave', (e) => {
    if (e.target === drop || !shell.dialog.contains(e.relatedTarget as Node | null))
      drop.classList.remove('over');
  });
  shell.dialog.addEventListener('drop', (e) => {
    e.preventDefault();
    e.stopPropagation();
    drop.classList.remove('over');
    const f = e.dataTransfer?.files[0];
    if (f && !running) void go(f);
  });

  async function go(f: File): Promise<void> {
    running = new AbortController();
    holdPage(running.signal);
    input.disabled = true;
    drop.hidden = true;
    progressBox.hidden = false;
    report.hidden = true;
    phase.textContent = t('import_started', { name: f.name });
    shell.clearError();
    const signal = running.signal;
    const onProgress = (key: keyof typeof PHASE_KEYS, p: Progress) => {
      bar.value = barFraction(p);
      const what = describeProgress(p, key === 'reading' ? 'files' : 'images');
      status.textContent = t(PHASE_KEYS[key], { progress: what });
    };
    try {
      const shown = (await isOfficialExportFile(f))
        ? fromOfficial(await runOfficialImport(f, { signal, onProgress }))
        : fromArchive(await runImport(f, { signal, onProgress }));
      showReport(shown);
      // Open galleries (this one included) refresh on the change channel: the writes announced it.
    } catch (err) {
      if (signal.aborted) return;
      const message =
        err instanceof ImportError
          ? err.message
          : t('import_failed', { reason: err instanceof Error ? err.message : String(err) });
      shell.error(`${message} ${t('import_unchanged')}`, err instanceof ImportError ? err.details : []);
      phase.textContent = t('import_refused');
    } finally {
      // Ready for another file (the same file too: clearing the value re-arms "change").
      input.disabled = false;
      input.value = '';
      drop.hidden = false;
      progressBox.hidden = true;
      running.abort();
      running = null;
      close.textContent = t('import_close');
      close.className = 'primary';
    }
  }

  function showReport(r: Shown): void {
    const sentence = importSentence(r);
    const details = reportDetails(r);
    report.replaceChildren(
      h('p', { class: 'lead', 'data-testid': 'import-summary' }, sentence),
      ...(details ? [details] : []),
    );
    report.dataset.added = String(r.added);
    report.dataset.skipped = String(r.skipped);
    report.dataset.rejected = String(r.rejected);
    report.dataset.promptsFilled = String(r.promptsFilled);
    report.dataset.promptOnly = String(r.promptOnly);
    report.hidden = false;
    phase.textContent = sentence;
  }

  if (file) void go(file);
}
