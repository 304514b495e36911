/**
 * The settings page's live example of a mirror pattern: the path the disk mirror itself
 * (core/mirror-path.ts) would give one sample image, so the example shows exactly what
 * would be written, sanitising included. Pure.
 */
import { type MirrorPathSource, mirrorPath } from '../core/mirror-path';

/** The sample image the example path is made for. */
export const SAMPLE_IMAGE: MirrorPathSource = {
  id: 'file_00000000a1b2c3d4',
  createdAt: Date.UTC(2026, 11, 2, 12),
  capturedAt: Date.UTC(2026, 11, 2, 12),
  title: 'Croissant logo',
  prompt: 'a croissant logo for a small bakery',
  conversationTitle: 'Logo ideas for the bakery',
  mimeType: 'image/png',
};

/** Where the mirror would write the sample image under `pattern` (relative to Downloads). */
export function examplePath(pattern: string, sample: MirrorPathSource = SAMPLE_IMAGE): string {
  return mirrorPath(sample, pattern);
}
