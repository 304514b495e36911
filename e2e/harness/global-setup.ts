/** Playwright globalSetup: a Chromium must exist and the extension must be built. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium';
import { DIST } from './paths';

export default function globalSetup(): void {
  process.env.CHROMIUM_PATH = findChromium();
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`${DIST}/manifest.json is missing: run npm run build first`);
  }
}
