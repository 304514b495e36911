/**
 * inventory.csv: one row per image, RFC 4180 (CRLF rows, quoted fields, "" for a quote).
 * The last column, Image, says "saved" or "no image" (a prompt-only record: no file).
 * Starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as ANSI.
 */
import type { ManifestEntry } from './manifest';
import { utcDateTime } from './text';

export const CSV_COLUMNS = [
  'Date (UTC)',
  'Title',
  'Prompt',
  'Revised prompt',
  'File',
  'Conversation URL',
  'Conversation title',
  'Model',
  'Width',
  'Height',
  'Favorite',
  'SHA-256',
  'Image',
] as const;

/** RFC 4180 field: quoted when it holds a quote, comma, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe (OWASP "CSV injection"): a shared inventory must not run anything when opened.
 * manifest.json and prompts.md keep the text exactly.
 */
export function csvText(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

const row = (cells: string[]) => `${cells.join(',')}\r\n`;

export const inventoryCsv = {
  head(): string {
    return `\uFEFF${row(CSV_COLUMNS.map(csvField))}`;
  },
  entry(e: ManifestEntry): string {
    return row([
      utcDateTime(e.createdAt),
      csvText(e.title ?? ''),
      csvText(e.prompt),
      csvText(e.revisedPrompt),
      csvField(e.file ?? ''),
      csvText(e.conversationUrl),
      csvText(e.conversationTitle),
      e.model,
      String(e.width),
      String(e.height),
      e.favorite ? 'yes' : 'no',
      e.sha256,
      e.noImage ? 'no image' : 'saved',
    ]);
  },
};
