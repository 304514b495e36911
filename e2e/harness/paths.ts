import { fileURLToPath } from 'node:url';

/** The built Chrome extension (`npm run build`). */
export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
