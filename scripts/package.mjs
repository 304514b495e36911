// `npm run package`: builds both browsers and writes the store packages into packages/:
//   image-vault-chrome-<version>.zip   (Chrome Web Store; manifest.json at the root)
//   image-vault-firefox-<version>.zip  (addons.mozilla.org)
//   image-vault-source-<version>.zip   (AMO asks for the source of a bundled add-on; how to
//                                       rebuild it is in SOURCE-BUILD.md, which it contains)
// `--no-build` zips the dist/ and dist-firefox/ already there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipDirectory, zipFiles } from './zip-files.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'packages');
// Build output and earlier packages never belong in the source bundle.
const NOT_SOURCE = ['packages/', 'dist/', 'dist-firefox/'];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`"${command} ${args.join(' ')}" failed (exit ${r.status ?? r.signal}).`);
}

async function version() {
  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  if (manifest.version !== pkg.version) {
    fail(
      `manifest.json says version ${manifest.version} but package.json says ${pkg.version}; make them equal.`,
    );
  }
  return manifest.version;
}

async function sourceFiles() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) fail('the source bundle needs a git checkout ("git ls-files" failed).');
  const names = r.stdout
    .split('\0')
    .filter((n) => n && !NOT_SOURCE.some((p) => n.startsWith(p)))
    .filter((n) => existsSync(join(ROOT, n))); // a tracked file deleted in the work tree is left out
  if (!names.includes('SOURCE-BUILD.md'))
    fail('SOURCE-BUILD.md is not tracked; the source bundle must say how to build.');
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(join(ROOT, name)) })));
}

async function write(name, bytes) {
  await writeFile(join(OUT, name), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  console.log(`packages/${name}  ${(bytes.length / 1024).toFixed(0)} KiB  sha256 ${sha}`);
}

const v = await version();
if (!process.argv.includes('--no-build')) {
  run('npm', ['run', '-s', 'build']);
  run('npm', ['run', '-s', 'build:firefox']);
}
for (const dir of ['dist', 'dist-firefox']) {
  if (!existsSync(join(ROOT, dir, 'manifest.json'))) fail(`${dir}/manifest.json is missing; build first.`);
}
await mkdir(OUT, { recursive: true });
await write(`image-vault-chrome-${v}.zip`, await zipDirectory(join(ROOT, 'dist')));
await write(`image-vault-firefox-${v}.zip`, await zipDirectory(join(ROOT, 'dist-firefox')));
await write(`image-vault-source-${v}.zip`, await zipFiles(await sourceFiles()));
