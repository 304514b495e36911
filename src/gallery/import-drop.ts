/**
 * The gallery's drop zone for imports (issue 13 §4): while a file is dragged over the page an
 * overlay says what a drop does, and the dropped file goes to the import dialog. Drops on an
 * open dialog are that dialog's own (it stops them before they get here).
 */
import { ensureDialogStyle } from '../export/dialog-style';
import { t } from '../platform/i18n';
import { h } from '../ui/dom';

const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');

/** Installs the overlay once; `onFile` gets the first dropped file. */
export function installPageDrop(onFile: (file: File) => void): void {
  if (document.querySelector('.page-drop')) return;
  ensureDialogStyle(); // the overlay's rules (a few hundred bytes, no exporter code)
  const overlay = h(
    'div',
    { class: 'page-drop', 'data-testid': 'page-drop', hidden: true, 'aria-hidden': 'true' },
    h('p', null, t('import_page_drop')),
  );
  document.body.append(overlay);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  let depth = 0;
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e) || document.querySelector('dialog[open]')) return;
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', (e) => {
    if (hasFiles(e) && --depth <= 0) hide();
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allows the drop (and stops the browser opening the file)
    if (e.dataTransfer) e.dataTransfer.dropEffect = document.querySelector('dialog[open]') ? 'none' : 'copy';
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    hide();
    const file = e.dataTransfer?.files[0];
    if (file && !document.querySelector('dialog[open]')) onFile(file);
  });
}
