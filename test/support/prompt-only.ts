/** Prompt-only records (issue 10) for the IndexedDB unit tests: prompts kept, no bytes. */
import { type ImageRecord, NO_BYTES } from '../../src/core/types';
import { record } from './db-rows';

/** The prompt-only record ChatGPT's export would give for `record(n)`'s image. */
export function promptOnlyRecord(n: number, over: Partial<ImageRecord> = {}): ImageRecord {
  return record(n, {
    ...NO_BYTES,
    width: 0,
    height: 0,
    source: 'chatgpt-export',
    linkExpiresAt: null,
    fetchError: null,
    ...over,
  });
}
