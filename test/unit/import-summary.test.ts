import { describe, expect, it } from 'vitest';
import { importSentence } from '../../src/export/import-summary';

describe('importSentence', () => {
  it('says every count of an official import in one sentence', () => {
    expect(
      importSentence({
        added: 312,
        promptsFilled: 45,
        promptOnly: 1020,
        expiredLinks: 1000,
        skipped: 80,
        rejected: 2,
      }),
    ).toBe(
      'Added 312 images, filled in the prompts of 45, kept 1,020 prompts whose images are not in the export (1,000 of them with expired links), skipped 80 already in the vault or deleted by you and rejected 2.',
    );
  });

  it('leaves out what did not happen, and speaks of one image in the singular', () => {
    expect(
      importSentence({ added: 1, promptsFilled: 0, promptOnly: 1, expiredLinks: 0, skipped: 0, rejected: 0 }),
    ).toBe(
      'Added 1 image, kept 1 prompt whose image is not in the export, skipped 0 already in the vault or deleted by you and rejected 0.',
    );
  });
});
