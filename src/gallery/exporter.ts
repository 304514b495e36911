/**
 * The bridge to the exporter (src/export/, the export issue), loaded only when the user
 * asks for an export or import, so that browsing never pays for the ZIP code.
 */
import { toast } from '../ui/toast';

export interface Exporter {
  openExportDialog(opts: { ids: string[] | null; label: string }): void;
  openImportDialog(): void;
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

/** Opens the export dialog for `ids` (null: everything); `label` completes "Export …". */
export async function openExport(ids: string[] | null, label = 'all images'): Promise<void> {
  const exporter = await loadExporter();
  if (exporter) exporter.openExportDialog({ ids, label });
  else toast('Export is not available yet.');
}

export async function openImport(): Promise<void> {
  const exporter = await loadExporter();
  if (exporter) exporter.openImportDialog();
  else toast('Import is not available yet.');
}

/**
 * `?action=export-all` (the popup's "Export all") and `?action=import`: run once, then
 * dropped from the URL so that a reload does not start them again.
 */
export function runUrlAction(): void {
  const params = new URLSearchParams(location.search);
  const action = params.get('action');
  if (!action) return;
  params.delete('action');
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  if (action === 'export-all') void openExport(null);
  else if (action === 'import') void openImport();
}
