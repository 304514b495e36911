// `npm run test:firefox`: the Firefox e2e layer alone. Builds dist-firefox (skipped with
// --no-build, as `npm test` has just built it), checks Firefox ESR is there, then runs
// vitest.firefox.config.ts, which writes test-results/firefox.json.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(
    `Firefox ESR not found at ${firefox}. Install it (Debian: apt-get install -y firefox-esr; ` +
      '.ci/run does this as root) or point FIREFOX_PATH at a Firefox 142 or later.',
  );
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
if (!process.argv.includes('--no-build')) {
  const built = run('npm', ['run', '-s', 'build:firefox']);
  if (built !== 0) process.exit(built);
}
process.exit(run('npx', ['vitest', 'run', '-c', 'vitest.firefox.config.ts']));
