/**
 * The export dialog: one option (prompt-embedded copies, off by default so the originals
 * are all the archive holds unless asked), progress with time left, cancel, and a download
 * link that appears only for a complete archive.
 */
import { h } from '../ui/dom';
import { formatBytes, plural } from '../ui/format';
import { holdPage, openShell } from './dialog-shell';
import { describeProgress, type Progress } from './progress';
import { runExport } from './run-export';

export function openExportDialog(opts: { ids: string[] | null; label: string }): void {
  let running: AbortController | null = null;
  let url: string | null = null;
  const shell = openShell('export', `Export ${opts.label}`, () => {
    running?.abort();
    if (url) URL.revokeObjectURL(url);
  });
  const embed = h('input', { type: 'checkbox', 'data-testid': 'export-embed' });
  const bar = h('progress', { max: 1, value: 0 });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' }, 'Preparing…');
  const progressBox = h('div', { 'data-testid': 'export-progress', hidden: true }, bar, status);
  const start = h(
    'button',
    { class: 'primary', 'data-testid': 'export-start', onclick: () => void go() },
    'Export',
  );
  const cancel = h('button', { 'data-testid': 'export-cancel', onclick: () => shell.close() }, 'Cancel');
  shell.body.append(
    h(
      'p',
      { class: 'muted' },
      'A ZIP with every original as captured, manifest.json, prompts.md, inventory.csv and an index.html you can open without the extension.',
    ),
    h(
      'label',
      { class: 'option' },
      embed,
      'Also write copies with the prompts embedded in the image metadata (PNG iTXt / WebP XMP)',
    ),
    h(
      'p',
      { class: 'muted', 'data-testid': 'export-embed-credentials' },
      'The originals in images/ keep their Content Credentials; the copies with prompts have them removed, because a changed file with a credential reads as tampered.',
    ),
    progressBox,
  );
  shell.buttons.append(cancel, start);
  // Escape while running means "cancel": the close handler aborts.

  // Repaint at most every 100 ms (a repaint per image slows small images down), but always
  // show the latest figures: a trailing update follows a skipped one.
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  let latest: Progress | null = null;
  const show = (p: Progress) => {
    latest = { ...p };
    const wait = 100 - (performance.now() - last);
    if (wait > 0) {
      trailing ??= setTimeout(() => {
        trailing = null;
        if (latest) show(latest);
      }, wait);
      return;
    }
    last = performance.now();
    bar.value = p.bytesTotal ? p.bytesDone / p.bytesTotal : 1;
    status.textContent = describeProgress(p);
  };

  async function go(): Promise<void> {
    running = new AbortController();
    holdPage(running.signal);
    start.disabled = true;
    embed.disabled = true;
    progressBox.hidden = false;
    shell.clearError();
    try {
      const result = await runExport({
        ids: opts.ids,
        embedCopies: embed.checked,
        signal: running.signal,
        onProgress: show,
      });
      if (trailing) clearTimeout(trailing);
      url = URL.createObjectURL(result.file);
      const images = result.count - result.promptOnly;
      const prompts = result.promptOnly
        ? ` and ${plural(result.promptOnly, 'prompt')} without ${result.promptOnly === 1 ? 'its image' : 'their images'}`
        : '';
      status.textContent = `Done: ${plural(images, 'image')}${prompts}, ${formatBytes(result.file.size)}.`;
      if (result.skipped.length)
        shell.error(
          `${plural(result.skipped.length, 'image was', 'images were')} left out:`,
          result.skipped.map((s) => `${s.id}: ${s.reason}`),
        );
      start.replaceWith(
        h(
          'a',
          {
            class: 'button primary',
            href: url,
            download: result.downloadName,
            'data-testid': 'export-download',
          },
          `Download ${result.downloadName}`,
        ),
      );
      cancel.textContent = 'Close';
    } catch (err) {
      if (running.signal.aborted) return; // the dialog is closing
      const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
      shell.error(
        quota
          ? 'There is not enough free disk space for the archive. Free some space, or export fewer images.'
          : `The export failed and nothing was saved: ${err instanceof Error ? err.message : String(err)}`,
      );
      progressBox.hidden = true;
      start.disabled = false;
      embed.disabled = false;
    } finally {
      running.abort(); // releases the page hold; harmless once done
      running = null;
    }
  }
}
