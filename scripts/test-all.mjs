// `npm test`: every check in order — typecheck, lint, unit, both builds, Firefox lint, e2e,
// the Firefox e2e layer — then one closing line with the totals of all tests: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
for (const f of ['unit.json', 'e2e.json', 'firefox.json']) rmSync(`${results}/${f}`, { force: true });

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`],
  ],
  ['build', 'npm', ['run', '-s', 'build']],
  ['build:firefox', 'npm', ['run', '-s', 'build:firefox']],
  ['lint:firefox', 'npm', ['run', '-s', 'lint:firefox']],
  ['e2e', 'npx', ['playwright', 'test']],
  // One Firefox ESR per spec file, one at a time (vitest.firefox.config.ts, docs/testing.md §Firefox layer).
  ['e2e:firefox', 'node', ['scripts/test-firefox.mjs', '--no-build']],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) {
    failedSteps.push(name);
    // Checks before the tests must pass; a failing test step still lets the others run.
    if (!['unit', 'e2e', 'e2e:firefox'].includes(name)) break;
  }
}

function count(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  return pick(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = count(`${results}/unit.json`, (j) => ({
  passed: j.numPassedTests ?? 0,
  failed: j.numFailedTests ?? 0,
}));
const e2e = count(`${results}/e2e.json`, (j) => ({
  passed: j.stats?.expected ?? 0,
  failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0) * 0,
}));
// Vitest's JSON: a file whose hooks failed marks its tests skipped, so every test of a failed
// file that did not pass counts as failed.
const firefox = count(`${results}/firefox.json`, (j) => {
  const tests = (j.testResults ?? []).flatMap((f) =>
    (f.assertionResults ?? []).map((t) =>
      t.status === 'passed' ? 'passed' : f.status === 'failed' ? 'failed' : t.status,
    ),
  );
  const failedFiles = (j.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).length,
  );
  return {
    passed: tests.filter((t) => t === 'passed').length,
    failed: tests.filter((t) => t === 'failed').length + failedFiles.length,
  };
});
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed; e2e:firefox: ${firefox.passed} passed, ${firefox.failed} failed`,
);
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
const passed = unit.passed + e2e.passed + firefox.passed;
const failed = unit.failed + e2e.failed + firefox.failed;
console.log(`${passed} passed, ${failed + (failedSteps.length && !failed ? 1 : 0)} failed`);
process.exit(failedSteps.length ? 1 : 0);
