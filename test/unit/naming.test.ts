/** File names of exported images. */
import { describe, expect, it } from 'vitest';
import { extensionForMime, imageFileName, slugify } from '../../src/core/naming';

describe('slugify', () => {
  it.each([
    ['A Watercolor of a Lighthouse at Dusk', 'a-watercolor-of-a-lighthouse-at-dusk'],
    ['Crème brûlée — à la française!', 'creme-brulee-a-la-francaise'],
    ['  --Hello,   World--  ', 'hello-world'],
    ['Crumb & Co Logo', 'crumb-co-logo'],
    ['ｆｕｌｌｗｉｄｔｈ １２３', 'fullwidth-123'], // NFKD folds compatibility forms
    ['已生成图片', 'image'],
    ['', 'image'],
    ['!!!', 'image'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long text at a word boundary within maxLen', () => {
    const long =
      'A soft watercolor painting of a lone lighthouse on a rocky shore at dusk, violet and peach sky';
    const s = slugify(long);
    expect(s).toBe('a-soft-watercolor-painting-of-a-lone-lighthouse-on-a-rocky');
    expect(s.length).toBeLessThanOrEqual(60);
    expect(slugify(long, 20)).toBe('a-soft-watercolor');
  });

  it('cuts inside a word when no boundary is near, never ending on a dash', () => {
    expect(slugify('supercalifragilisticexpialidocious', 10)).toBe('supercalif');
    expect(slugify('abcde fghij', 6)).toBe('abcde');
  });
});

describe('extensionForMime', () => {
  it.each([
    ['image/png', 'png'],
    ['image/webp', 'webp'],
    ['image/jpeg', 'jpg'],
    ['image/jpg', 'jpg'],
    ['image/gif', 'gif'],
    ['IMAGE/PNG; charset=binary', 'png'],
    ['text/html', 'bin'],
    ['', 'bin'],
  ])('%s → %s', (mime, ext) => {
    expect(extensionForMime(mime)).toBe(ext);
  });
});

describe('imageFileName', () => {
  const base = {
    createdAt: Date.UTC(2025, 2, 31, 23, 59, 59), // late evening UTC: the UTC date counts
    title: 'Lighthouse at Dusk Watercolor',
    prompt: 'make a watercolor of a lighthouse at dusk',
    revisedPrompt: 'A soft watercolor painting of a lone lighthouse',
    id: 'file_00000000dedb061ffadb15b9a398142e',
    mimeType: 'image/png',
  };

  it('uses the UTC date, the title slug, the last 8 alphanumerics of the id and the extension', () => {
    expect(imageFileName(base)).toBe('2025-03-31_lighthouse-at-dusk-watercolor_a398142e.png');
  });

  it('falls back on the prompt, then the revised prompt, then "image"', () => {
    expect(imageFileName({ ...base, title: null })).toBe(
      '2025-03-31_make-a-watercolor-of-a-lighthouse-at-dusk_a398142e.png',
    );
    expect(imageFileName({ ...base, title: '  ', prompt: '' })).toBe(
      '2025-03-31_a-soft-watercolor-painting-of-a-lone-lighthouse_a398142e.png',
    );
    expect(imageFileName({ ...base, title: '灯塔', prompt: '画一座灯塔', revisedPrompt: '' })).toBe(
      '2025-03-31_image_a398142e.png',
    );
  });

  it('keeps the case of a DALL·E file id and maps WebP', () => {
    expect(
      imageFileName({
        ...base,
        createdAt: Date.UTC(2024, 1, 13, 9, 12),
        title: null,
        id: 'file-ZnRyxInT0FWkxBz4qa3AmvXq',
        mimeType: 'image/webp',
      }),
    ).toBe('2024-02-13_make-a-watercolor-of-a-lighthouse-at-dusk_qa3AmvXq.webp');
  });

  it('is deterministic and survives a bad date', () => {
    expect(imageFileName(base)).toBe(imageFileName({ ...base }));
    expect(imageFileName({ ...base, createdAt: Number.NaN })).toBe(
      '0000-00-00_lighthouse-at-dusk-watercolor_a398142e.png',
    );
  });
});
