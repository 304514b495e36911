/** Prompt-only records (issue 10) for the IndexedDB unit tests: prompts kept, no bytes. */
import type { ImageRecord } from '../../src/core/types';
import { record } from './db-rows';

/** The prompt-only record ChatGPT's export would give for `record(n)`'s image. */
export function promptOnlyRecord(n: number, over: Partial<ImageRecord> = {}): ImageRecord {
  return record(n, {
    promptOnly: 1,
    sha256: '',
    crc32: 0,
    bytes: 0,
    mimeType: '',
    width: 0,
    height: 0,
    source: 'chatgpt-export',
    linkExpiresAt: null,
    fetchError: null,
    ...over,
  });
}
