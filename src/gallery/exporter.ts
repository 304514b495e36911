/**
 * The bridge to the exporter (src/export/, the export issue), loaded only when the user
 * asks for an export or import, so that browsing never pays for the ZIP code.
 */
import { t } from '../platform/i18n';
import { toast } from '../ui/toast';
import { installPageDrop } from './import-drop';

export interface Exporter {
  openExportDialog(opts: { ids: string[] | null; label: string }): void;
  /** With `file` (dropped on the page), the import starts at once. */
  openImportDialog(file?: File): void;
}

/** The exporter is part of this build: its buttons are enabled. */
export const EXPORT_AVAILABLE = true;

/** The exporter, or null if its code failed to load (the caller says so). */
export async function loadExporter(): Promise<Exporter | null> {
  try {
    return await import('../export/index');
  } catch (err) {
    console.error('[image-vault] the exporter failed to load', err);
    return null;
  }
}

/**
 * Opens the export dialog for `ids` (null: everything), which starts exporting at once and
 * saves the archive when done; `label` completes "Export …".
 */
export async function openExport(ids: string[] | null, label?: string): Promise<void> {
  const exporter = await loadExporter();
  if (exporter) exporter.openExportDialog({ ids, label: label ?? t('export_label_all') });
  else toast(t('export_unavailable'));
}

/** Opens the import dialog; with `file`, imports it at once. */
export async function openImport(file?: File): Promise<void> {
  const exporter = await loadExporter();
  if (exporter) exporter.openImportDialog(file);
  else toast(t('import_unavailable'));
}

/**
 * `?action=export-all` (the popup's "Export all") and `?action=import`: run once, then
 * dropped from the URL so that a reload does not start them again.
 */
export function runUrlAction(): void {
  // Called once when the gallery starts: the page-wide drop zone for imports goes in here too.
  installPageDrop((file) => void openImport(file));
  const params = new URLSearchParams(location.search);
  const action = params.get('action');
  if (!action) return;
  params.delete('action');
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  if (action === 'export-all') void openExport(null);
  else if (action === 'import') void openImport();
}
