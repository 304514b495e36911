/**
 * Finds a Chromium to run the extension in. Playwright's own browsers can't be downloaded
 * here, so we use a system one; as root on Debian/Ubuntu we install it with apt if missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

function isDebianLike(): boolean {
  try {
    const os = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(os);
  } catch {
    return false;
  }
}

/** Path of a Chromium executable: `CHROMIUM_PATH`, then the usual places, else installs one (root + apt). */
export function findChromium(): string {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROMIUM_PATH=${env} does not exist`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && isDebianLike()) {
    console.log('[e2e] no Chromium found: installing the "chromium" package with apt-get');
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'No Chromium found for the e2e tests. Install the "chromium" package ' +
      '(e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  );
}
