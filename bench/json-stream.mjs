// `npm run bench:json-stream`: reading a ~100 MB conversations.json (ChatGPT's export, issue #10)
// conversation by conversation, in Node. Prints figures; not a test. Node's V8 is Chromium's, so
// these are a proxy for the import page (bench:import-official measures the real thing).
//   (a) @streamparser/json (JSONParser, paths ['$.*'], keepStack false), the streaming reader the
//       import used first; measured only while the package is installed;
//   (b) streamJsonList (src/sites/chatgpt/export/stream-json.ts): JsonListSplitter finds each
//       element's bytes, then TextDecoder + JSON.parse per element;
//   (c) the whole text decoded and parsed with one JSON.parse, as a script would.
// Each reads the same bytes in 64 KiB chunks (as File.stream() gives them). Memory: peak growth of
// the V8 heap (heapUsed) and of ArrayBuffers over the run, sampled between chunks, after a GC.
//
// Measured 2026-12-02 before @streamparser/json was removed, Node v20.20.2, 101 MB of JSON
// (660 conversations), 2 shared cores under load average ~8, best of 3 interleaved rounds:
//   (a) @streamparser/json      0.70 s  145 MB/s  heap +19 MB   ArrayBuffers +0 MB
//   (b) splitter + JSON.parse   0.33 s  303 MB/s  heap +31 MB   ArrayBuffers +25 MB
//   (c) one JSON.parse          0.34 s  297 MB/s  heap +214 MB  (and the 101 MB text besides)
// (b) is ~2× (a) in Node and as fast as (c) in bounded memory: one element at a time, so its
// memory does not grow with the file. @streamparser/json was then removed from the project;
// (a) prints "skipped" unless it is installed again (npm install --no-save @streamparser/json).
// In Chromium (BENCH_SCALE=0.25 bench:import-official, 77 MB of deflated JSON, load ~6-9),
// "reading conversations" went from 3.7 s (v2) / 4.0 s (v1) to 2.2 s / 3.2 s: inflating the
// JSON is now most of it.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runnerImport } from 'vite';
import { conversationTexts } from './support/official-export-gen.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const ROOT = resolve(import.meta.dirname, '..');
const SCALE = Number(process.env.BENCH_SCALE || 0.33); // 0.33 ≈ 100 MB of JSON
const CHUNK = 64 << 10;
const MB = 1e6;

const { streamJsonList } = (
  await runnerImport(join(ROOT, 'src/sites/chatgpt/export/stream-json.ts'), {
    configFile: false,
    logLevel: 'silent',
  })
).module;

const texts = [...conversationTexts(SCALE)];
const bytes = Buffer.from(`[${texts.join(',')}]`);
texts.length = 0;
const stream = () => {
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK, bytes.length - at)));
      at += CHUNK;
    },
  });
};

/** Peak heap and ArrayBuffer growth over `run`, which calls `sample()` now and then. */
async function measure(name, run) {
  gc();
  const base = process.memoryUsage();
  let heap = 0;
  let buffers = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
    buffers = Math.max(buffers, m.arrayBuffers - base.arrayBuffers);
  };
  const t0 = performance.now();
  const count = await run(sample);
  const s = (performance.now() - t0) / 1000;
  sample();
  const m = { s, heap, buffers, count };
  console.log(line(name, m));
  return typeof count === 'number' ? m : null;
}

function line(name, { s, heap, buffers, count }) {
  if (typeof count !== 'number') return `${name.padEnd(30)} ${count}`;
  const mbs = bytes.length / MB / s;
  return `${name.padEnd(30)} ${s.toFixed(2).padStart(6)} s ${mbs.toFixed(0).padStart(5)} MB/s   heap +${(heap / MB).toFixed(0).padStart(4)} MB   ArrayBuffers +${(buffers / MB).toFixed(0).padStart(4)} MB   ${count} conversations`;
}

/** Counts the conversations, touching each as the import does (it reads every one). */
const use = (v, n) => (v && typeof v === 'object' && 'mapping' in v ? n + 1 : n);

async function streamparser(sample) {
  let JSONParser;
  try {
    ({ JSONParser } = await import('@streamparser/json'));
  } catch {
    return 'skipped (@streamparser/json is not installed)';
  }
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let n = 0;
  let k = 0;
  parser.onValue = ({ value }) => {
    n = use(value, n);
  };
  const reader = stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.write(value);
    if (++k % 16 === 0) sample();
  }
  return n;
}

async function splitter(sample) {
  let n = 0;
  let k = 0;
  for await (const v of streamJsonList(stream(), 'conversations.json', {
    signal: new AbortController().signal,
    onBytes: () => {
      if (++k % 16 === 0) sample();
    },
  }))
    n = use(v, n);
  return n;
}

async function whole(sample) {
  const text = new TextDecoder().decode(bytes);
  sample();
  const all = JSON.parse(text);
  sample();
  return all.reduce((n, v) => use(v, n), 0);
}

const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
console.log(
  `JSON list reading in Node ${process.version}: ${(bytes.length / MB).toFixed(0)} MB, chunks of ${CHUNK >> 10} KiB, ${ROUNDS} rounds interleaved (the machine is shared: compare the best of each)`,
);
console.log(`load before: ${execFileSync('uptime').toString().trim()}`);
const ways = [
  ['(a) @streamparser/json', streamparser],
  ['(b) splitter + JSON.parse', splitter],
  ['(c) one JSON.parse', whole],
];
const best = new Map();
for (let r = 1; r <= ROUNDS; r++)
  for (const [name, run] of ways) {
    const m = await measure(`${name} #${r}`, run);
    const b = best.get(name);
    if (m && (!b || m.s < b.s)) best.set(name, m);
  }
console.log('best of each:');
for (const [name, m] of best) console.log(line(name, m));
console.log(`load after:  ${execFileSync('uptime').toString().trim()}`);
