/**
 * The import dialog: pick Image Vault's own archive or ChatGPT's data export (recognised by
 * content), watch it being read, checked and added, and read what happened in plain words;
 * when the file is refused, why.
 */
import { h } from '../ui/dom';
import { holdPage, openShell } from './dialog-shell';
import { ImportError, type ImportReport, runImport } from './import-run';
import { type ImportCounts, importSentence } from './import-summary';
import { isOfficialExportFile, type OfficialImportReport, runOfficialImport } from './official-import';
import { describeProgress } from './progress';

type Reason = { id: string; reason: string };

/** What the report shows, whichever import ran. */
interface Shown extends ImportCounts {
  lists: { title: string; items: Reason[] }[];
  notes: string[];
}

const PHASE_WORDS = { checking: 'Checking', adding: 'Adding', reading: 'Reading conversations' } as const;

export function openImportDialog(): void {
  let running: AbortController | null = null;
  const shell = openShell('import', 'Import', () => running?.abort());
  const input = h('input', {
    type: 'file',
    accept: '.zip,application/zip,.json,application/json',
    'data-testid': 'import-input',
  });
  const bar = h('progress', { max: 1, value: 0 });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  const progressBox = h('div', { 'data-testid': 'import-progress', hidden: true }, bar, status);
  const report = h('div', { class: 'report', 'data-testid': 'import-report', hidden: true });
  const close = h('button', { 'data-testid': 'import-cancel', onclick: () => shell.close() }, 'Cancel');
  shell.body.append(
    h('p', { class: 'muted' }, 'Choose one of these:'),
    h(
      'ul',
      { class: 'muted' },
      h('li', null, 'a ZIP made by Image Vault’s Export;'),
      h(
        'li',
        null,
        'ChatGPT’s own data export (Settings → Data controls → Export): the ZIP it emails you, or its conversations.json.',
      ),
    ),
    h(
      'p',
      { class: 'muted' },
      'Images you already have are skipped (their missing prompts are filled in); images you deleted stay deleted. From ChatGPT’s export, an image it no longer carries is kept as its prompts, so you can fetch or remake it.',
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
    const signal = running.signal;
    const onProgress = (phase: keyof typeof PHASE_WORDS, p: Parameters<typeof describeProgress>[0]) => {
      bar.value = p.bytesTotal ? p.bytesDone / p.bytesTotal : 1;
      status.textContent = `${PHASE_WORDS[phase]}: ${describeProgress(p, phase === 'reading' ? 'files' : 'images')}`;
    };
    try {
      const shown = (await isOfficialExportFile(file))
        ? fromOfficial(await runOfficialImport(file, { signal, onProgress }))
        : fromArchive(await runImport(file, { signal, onProgress }));
      showReport(shown);
      // Open galleries (this one included) refresh on the change channel: the writes announced it.
    } catch (err) {
      if (signal.aborted) return;
      const message =
        err instanceof ImportError
          ? err.message
          : `The import failed: ${err instanceof Error ? err.message : String(err)}`;
      shell.error(`${message} Your vault was not changed.`, err instanceof ImportError ? err.details : []);
    } finally {
      // Ready for another file (the same file too: clearing the value re-arms "change").
      input.disabled = false;
      input.value = '';
      progressBox.hidden = true;
      running.abort();
      running = null;
      close.textContent = 'Close';
    }
  }

  function showReport(r: Shown): void {
    const list = (title: string, items: Reason[]) =>
      h(
        'details',
        null,
        h('summary', null, `${title} (${items.length})`),
        h(
          'ul',
          null,
          items.slice(0, 100).map((s) => h('li', null, `${s.id}: ${s.reason}`)),
        ),
        items.length > 100 ? h('p', { class: 'muted' }, `…and ${items.length - 100} more.`) : null,
      );
    report.replaceChildren(
      h('p', { 'data-testid': 'import-summary' }, importSentence(r)),
      ...r.lists.filter((l) => l.items.length).map((l) => list(l.title, l.items)),
      ...(r.notes.length
        ? [
            h(
              'details',
              null,
              h('summary', null, `Notes (${r.notes.length})`),
              h(
                'ul',
                null,
                r.notes.map((n) => h('li', null, n)),
              ),
            ),
          ]
        : []),
    );
    report.dataset.added = String(r.added);
    report.dataset.skipped = String(r.skipped);
    report.dataset.rejected = String(r.rejected);
    report.dataset.promptsFilled = String(r.promptsFilled);
    report.dataset.promptOnly = String(r.promptOnly);
    report.hidden = false;
  }
}

function fromOfficial(r: OfficialImportReport): Shown {
  return {
    added: r.added.length,
    promptsFilled: r.promptsFilled.length,
    promptOnly: r.promptOnly.length,
    expiredLinks: r.expiredLinks,
    skipped: r.skipped.length,
    rejected: r.rejected.length,
    lists: [
      { title: 'Rejected (kept as prompts)', items: r.rejected },
      { title: 'Skipped', items: r.skipped },
    ],
    notes: r.notes,
  };
}

function fromArchive(r: ImportReport): Shown {
  return {
    added: r.added.length,
    promptsFilled: 0,
    promptOnly: r.promptOnly.length,
    expiredLinks: 0,
    skipped: r.skipped.length,
    rejected: r.rejected.length,
    lists: [
      { title: 'Rejected', items: r.rejected },
      { title: 'Skipped', items: r.skipped },
    ],
    notes: [],
  };
}
