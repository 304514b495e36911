/**
 * Export and import, as the gallery and popup use them. Loaded on demand (gallery's
 * exporter.ts): the ZIP code is not needed to browse.
 */
export { openExportDialog } from './export-dialog';
export { openImportDialog } from './import-dialog';
