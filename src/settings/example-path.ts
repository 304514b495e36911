/**
 * The settings page's live example of a mirror pattern: the pattern with every token filled
 * from one sample image. Pure. The sample's values are already safe file-name text, so no
 * sanitising happens here; the mirror (background/mirror/) sanitises real titles itself.
 */
import { PATTERN_TOKENS } from './schema';

type Token = (typeof PATTERN_TOKENS)[number];

/** The sample image the example path is made for. */
export const SAMPLE_IMAGE: Readonly<Record<Token, string>> = {
  yyyy: '2026',
  mm: '12',
  dd: '02',
  conversation: 'Logo ideas for the bakery',
  title: 'Croissant logo',
  fileid: 'file_00000000a1b2c3d4',
  ext: 'png',
};

/** `pattern` with its tokens replaced by `sample`'s values; unknown tokens are left as typed. */
export function examplePath(pattern: string, sample: Readonly<Record<Token, string>> = SAMPLE_IMAGE): string {
  return pattern.replace(/\{([^}]*)\}/g, (whole, name: string) =>
    (PATTERN_TOKENS as readonly string[]).includes(name) ? sample[name as Token] : whole,
  );
}
