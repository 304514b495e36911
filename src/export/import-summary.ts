/**
 * The import report in plain words, the same sentence for both kinds of import: "Added 312
 * images, filled in the prompts of 45, kept 1,020 prompts whose images are gone, skipped 80
 * already in the vault, rejected 2." Pure (unit-tested).
 */
import { formatCount, plural } from '../ui/format';

export interface ImportCounts {
  added: number;
  promptsFilled: number;
  promptOnly: number;
  /** Of `promptOnly`: whose signed link has already expired. */
  expiredLinks: number;
  skipped: number;
  rejected: number;
}

export function importSentence(c: ImportCounts): string {
  const parts = [`Added ${plural(c.added, 'image')}`];
  if (c.promptsFilled) parts.push(`filled in the prompts of ${formatCount(c.promptsFilled)}`);
  if (c.promptOnly) {
    const expired = c.expiredLinks
      ? ` (${formatCount(c.expiredLinks)} of them with ${c.expiredLinks === 1 ? 'an expired link' : 'expired links'})`
      : '';
    parts.push(
      `kept ${plural(c.promptOnly, 'prompt')} whose ${c.promptOnly === 1 ? 'image is' : 'images are'} not in the export${expired}`,
    );
  }
  parts.push(`skipped ${formatCount(c.skipped)} already in the vault or deleted by you`);
  parts.push(`rejected ${formatCount(c.rejected)}`);
  const last = parts.pop();
  return `${parts.join(', ')} and ${last}.`;
}
