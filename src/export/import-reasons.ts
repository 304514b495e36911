/**
 * The import report's reasons in the browser's language: the few that the merge code states
 * as constants are translated here; the rest (a file's own problem, in English from the
 * checks) are shown as they are.
 */
import { ALREADY_REASON } from '../db/import-merge';
import { DELETED_REASON } from '../db/tombstones';
import { t } from '../platform/i18n';
import { TWICE_REASON } from './import-verify';

const FAVOURITE = ' (marked favourite as in the archive)';

/** `reason` in words for the report. */
export function reasonWords(reason: string): string {
  const fav = reason.endsWith(FAVOURITE);
  const base = fav ? reason.slice(0, -FAVOURITE.length) : reason;
  const key =
    base === ALREADY_REASON
      ? 'import_reason_already'
      : base === DELETED_REASON
        ? 'import_reason_deleted'
        : base === TWICE_REASON
          ? 'import_reason_twice'
          : null;
  const words = key ? t(key) : base;
  return fav ? t('import_reason_favourite', { reason: words }) : words;
}
