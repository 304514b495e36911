// Synthetic ChatGPT data exports for `npm run bench:import-official`, in both layouts of
// docs/chatgpt.md §Official export, with the same content:
//   v2: export_manifest.json, conversations-000.json… (100 conversations a shard),
//       conversation_asset_file_names.json, the bytes as {file id}.dat, library_files.json;
//   v1: conversations.json (one array), dalle-generations/file-{id}-{uuid}.webp,
//       user-{uid}/file_{hex}-{uuid}.png, user.json and the other small files.
// At scale 1: 2,000 conversations (~300 MB of JSON: long user/assistant text turns around the
// image turns) and 1,000 images of ~2 MB carried (plus 10% more generations whose bytes the
// export lacks). Conversations have the real shapes (docs/chatgpt.md §Shapes): user prompt →
// call with a JSON prompt → tool result with an image_asset_pointer (`sediment://file_…` for
// gpt-image, `file-service://file-…` for DALL·E 3). Everything streams to disk: one
// conversation and one image in memory at a time. JSON is deflated, images stored, as in real
// exports (JSON stored instead on request, to see the import's cost without inflating). Image bytes are real 1024-class PNGs (they must decode: the import makes thumbnails),
// DALL·E's too (named .webp: the import decides the type from the magic bytes only), each made
// distinct by a private ancillary padding chunk of random bytes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ZipFile } from './zip-file.mjs';

/** Bump when the output changes, so cached exports of an older generator are not reused. */
const GEN_VERSION = 1;
const SHARD = 100;
const UID = 'user-Qm7rT2xVb9LkP4sW8nYc3HdZ';

/** A seeded PRNG (mulberry32): the same scale always gives the same export. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the a of to and in that is for it with as on be this by are at from or an have not which
 but can will one all would there their what so if about when make like time just know take people
 into year good some could them see other than then now look only come its over think also back
 after use two how our work first well way even new want because any these give day most us image
 light colour shadow garden river mountain window morning evening watercolor portrait lantern city
 harbor forest painting texture style detail scene composition warm soft quiet bright ancient
 modern recipe function variable module server request response latency budget chapter story
 character dialogue plot summary draft revision argument evidence data table chart result method`
  .split(/\s+/)
  .filter(Boolean);

/** A pool of sentences, composed once; messages are drawn from it (fast, and text-like). */
function sentencePool(rnd, n = 4000) {
  const pool = [];
  for (let i = 0; i < n; i++) {
    const len = 6 + Math.floor(rnd() * 22);
    const w = [];
    for (let j = 0; j < len; j++) w.push(WORDS[Math.floor(rnd() * WORDS.length)]);
    const s = w.join(' ');
    pool.push(`${s[0].toUpperCase()}${s.slice(1)}${rnd() < 0.1 ? '?' : '.'}`);
  }
  return pool;
}

const hex = (rnd, n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const b62 = (rnd, n) => Array.from({ length: n }, () => B62[Math.floor(rnd() * 62)]).join('');
const uuid = (rnd) => {
  const h = hex(rnd, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};

/** What an export of `scale` holds: counts, and where each generation goes. */
export function exportPlan(scale) {
  const conversations = Math.max(2, Math.round(2000 * scale));
  const carried = Math.max(1, Math.round(1000 * scale));
  const missing = Math.max(1, Math.round(carried / 10));
  return { scale, conversations, carried, missing, generations: carried + missing };
}

// ── PNG bytes ───────────────────────────────────────────────────────────────

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A noisy RGB PNG of about 1.3–2 MB at these sizes: decodes like a real generation. */
function basePng(width, height, seed) {
  const rnd = prng(seed);
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  const noise = randomBytes(stride);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 1; // Sub filter: small differences plus noise, as photos compress
    for (let i = 0; i < stride; i++)
      raw[o + 1 + i] = (noise[(i + y * 7) % stride] & 0x1f) + (rnd() < 0.02 ? 40 : 0);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SIZES = [
  [1024, 1024],
  [1536, 1024],
  [1024, 1536],
];

/** Image `i`'s bytes: a base PNG plus a private chunk of random padding, ~2 MB on average. */
function imagePng(bases, i, rnd) {
  const [w, h] = SIZES[i % SIZES.length];
  const base = bases.get(`${w}x${h}`);
  const target = 1.4e6 + rnd() * 1.4e6;
  const pad = Math.max(64, Math.round(target - base.length));
  const data = Buffer.concat([Buffer.from(`image-vault-bench ${i}\0`, 'latin1'), randomBytes(pad)]);
  // "ivPd": ancillary (lower-case first letter), private: decoders skip it.
  return {
    bytes: Buffer.concat([
      base.subarray(0, base.length - 12),
      chunk('ivPd', data),
      base.subarray(base.length - 12),
    ]),
    w,
    h,
  };
}

// ── Conversations ───────────────────────────────────────────────────────────

/** The generations, in order: id, model, where the bytes go in both layouts. */
function generationsOf(plan, rnd) {
  const gens = [];
  for (let i = 0; i < plan.generations; i++) {
    const dalle = i % 10 < 3; // 30% DALL·E 3, 70% gpt-image
    const u = uuid(rnd);
    const id = dalle ? `file-${b62(rnd, 22)}` : `file_${'0'.repeat(8)}${hex(rnd, 24)}`;
    gens.push({
      i,
      id,
      dalle,
      carried: i < plan.carried,
      conversation: Math.floor((i * plan.conversations) / plan.generations),
      v1Name: dalle ? `dalle-generations/${id}-${u}.webp` : `${UID}/${id}-${u}.png`,
      v2Original: dalle ? `dalle-generations/${u}.webp` : `${UID}/${id}-${u}.png`,
      messageId: uuid(rnd),
    });
  }
  return gens;
}

function message(id, role, name, t, content, metadata, recipient = 'all') {
  return {
    id,
    author: { role, name, metadata: {} },
    create_time: t,
    update_time: null,
    content,
    status: 'finished_successfully',
    end_turn: role === 'assistant' ? true : null,
    weight: 1,
    metadata,
    recipient,
    channel: null,
  };
}

/** Conversation `c` as ChatGPT's JSON, with its generations `gens` and text up to ~`target` bytes. */
function conversation(c, gens, target, rnd, pool) {
  const mapping = {};
  let last = 'client-created-root';
  mapping[last] = { id: last, message: null, parent: null, children: [] };
  let t = 1_700_000_000 + c * 40_000;
  const add = (msg) => {
    mapping[msg.id] = { id: msg.id, message: msg, parent: last, children: [] };
    mapping[last].children.push(msg.id);
    last = msg.id;
    t += 5 + rnd() * 60;
  };
  const text = (n) => {
    const out = [];
    for (let len = 0; len < n; ) {
      const s = pool[Math.floor(rnd() * pool.length)];
      out.push(s);
      len += s.length + 1;
      if (rnd() < 0.08) out.push('\n\n');
    }
    return out.join(' ');
  };
  const say = (role, n) =>
    add(
      message(
        role === 'user' ? `aaa2${hex(rnd, 4)}-${uuid(rnd).slice(9)}` : uuid(rnd),
        role,
        null,
        t,
        { content_type: 'text', parts: [text(n)] },
        role === 'user'
          ? { request_id: `${hex(rnd, 16)}-AMS`, timestamp_: 'absolute', message_type: null }
          : { model_slug: 'gpt-4o', default_model_slug: 'auto', finish_details: { type: 'stop' } },
      ),
    );
  add(
    message(
      uuid(rnd),
      'system',
      null,
      null,
      { content_type: 'text', parts: [''] },
      { is_visually_hidden_from_conversation: true },
    ),
  );
  let size = 0;
  const turns = [];
  for (const g of gens) turns.push(g);
  // Text turns around the image turns, until the conversation reaches its size.
  let gi = 0;
  while (size < target || gi < turns.length) {
    if (gi < turns.length && (size >= target || rnd() < 0.3)) {
      imageTurn(turns[gi++], add, () => t, rnd, text);
      size += 3000;
    } else {
      const u = 200 + Math.floor(rnd() * 1800);
      const a = 1500 + Math.floor(rnd() * 8000);
      say('user', u);
      say('assistant', a);
      size += u + a + 1400;
    }
  }
  const id = uuid(rnd);
  return {
    title: text(30).slice(0, 40).trim(),
    create_time: 1_700_000_000 + c * 40_000,
    update_time: t,
    mapping,
    moderation_results: [],
    current_node: last,
    plugin_ids: null,
    conversation_id: id,
    conversation_template_id: null,
    gizmo_id: null,
    gizmo_type: null,
    is_archived: false,
    is_starred: null,
    safe_urls: [],
    blocked_urls: [],
    default_model_slug: 'gpt-4o',
    conversation_origin: null,
    voice: null,
    async_status: null,
    disabled_tool_ids: [],
    is_do_not_remember: false,
    memory_scope: 'global_enabled',
    id,
  };
}

/** User prompt → call with the JSON prompt → tool result with the image pointer → text. */
function imageTurn(g, add, now, rnd, text) {
  const prompt = `Picture ${g.i}: ${text(80 + Math.floor(rnd() * 200))}`;
  const revised = `Revised ${g.i}: ${text(200 + Math.floor(rnd() * 400))}`;
  const [w, h] = SIZES[g.i % SIZES.length];
  add(
    message(
      `aaa2${hex(rnd, 4)}-${uuid(rnd).slice(9)}`,
      'user',
      null,
      now(),
      { content_type: 'text', parts: [prompt] },
      { timestamp_: 'absolute' },
    ),
  );
  const tool = g.dalle ? 'dalle.text2im' : 't2uay3k.sj1i4kz';
  const call = JSON.stringify(
    g.dalle ? { size: `${w}x${h}`, prompt: revised } : { prompt: revised, size: `${w}x${h}`, n: 1 },
  );
  add(
    message(
      uuid(rnd),
      'assistant',
      null,
      now(),
      { content_type: 'code', language: 'json', response_format_name: null, text: call },
      { model_slug: 'gpt-4o' },
      tool,
    ),
  );
  const genId = g.dalle ? b62(rnd, 16) : uuid(rnd);
  const part = {
    content_type: 'image_asset_pointer',
    asset_pointer: `${g.dalle ? 'file-service' : 'sediment'}://${g.id}`,
    size_bytes: 2_000_000,
    width: w,
    height: h,
    fovea: g.dalle ? 512 : null,
    metadata: {
      dalle: {
        gen_id: genId,
        prompt: g.dalle ? revised : '',
        seed: Math.floor(rnd() * 2 ** 32),
        parent_gen_id: null,
        edit_op: null,
        serialization_title: 'DALL-E generation metadata',
      },
      gizmo: null,
      generation: g.dalle
        ? null
        : {
            gen_id: genId,
            gen_size: 'xlimage',
            seed: Math.floor(rnd() * 2 ** 31),
            parent_gen_id: null,
            height: h,
            width: w,
            transparent_background: false,
            serialization_title: 'Image Generation metadata',
          },
      container_pixel_height: g.dalle ? null : h,
      container_pixel_width: g.dalle ? null : w,
      emu_omit_glimpse_image: null,
      emu_patches_override: null,
      sanitized: !g.dalle,
      asset_pointer_link: null,
      watermarked_asset_pointer: null,
    },
  };
  const parts = g.dalle
    ? [part, '\n\nDALL·E displayed 1 images. The images are already plainly visible.']
    : [part];
  add(
    message(
      g.messageId,
      'tool',
      tool,
      now(),
      { content_type: 'multimodal_text', parts },
      g.dalle
        ? { model_slug: 'gpt-4' }
        : { async_task_type: 'image_gen', image_gen_title: `Picture ${g.i}`, model_slug: 'gpt-4o' },
    ),
  );
  if (!g.dalle)
    add(
      message(
        uuid(rnd),
        'tool',
        tool,
        now(),
        {
          content_type: 'text',
          parts: ['GPT-4o returned 1 images. From now on, do not say or show ANYTHING.'],
        },
        { model_slug: 'gpt-4o' },
      ),
    );
  add(
    message(
      uuid(rnd),
      'assistant',
      null,
      now(),
      { content_type: 'text', parts: [text(120)] },
      { model_slug: 'gpt-4o' },
    ),
  );
}

/**
 * The JSON text of each conversation of `scale`'s export, in order, exactly as
 * generateExports writes them (same seed, same draws), without images or ZIPs.
 */
export function* conversationTexts(scale) {
  const plan = exportPlan(scale);
  const rnd = prng(20260615);
  const pool = sentencePool(rnd);
  const gens = generationsOf(plan, rnd);
  const byConv = new Map();
  for (const g of gens) byConv.set(g.conversation, [...(byConv.get(g.conversation) ?? []), g]);
  for (let c = 0; c < plan.conversations; c++)
    yield JSON.stringify(conversation(c, byConv.get(c) ?? [], 30_000 + rnd() * 240_000, rnd, pool));
}

// ── Both exports ────────────────────────────────────────────────────────────

/**
 * Writes (or reuses, when a finished one with the same parameters is in `root`) the v2 and v1
 * exports of `scale`, JSON deflated as in real exports unless `deflateJson` is false. Returns
 * their paths and what they hold.
 */
export async function generateExports(scale, root, { deflateJson = true, log = console.log } = {}) {
  const plan = exportPlan(scale);
  const dir = join(root, `iv-official-export-v${GEN_VERSION}-s${scale}${deflateJson ? '' : '-stored'}`);
  const doneFile = join(dir, 'done.json');
  if (existsSync(doneFile)) return JSON.parse(readFileSync(doneFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  const rnd = prng(20260615);
  const pool = sentencePool(rnd);
  const gens = generationsOf(plan, rnd);
  const v2 = new ZipFile(join(dir, 'v2.zip'));
  const v1 = new ZipFile(join(dir, 'v1.zip'));

  // Conversations: each one generated once, written to its v2 shard and to v1's one array.
  const byConv = new Map();
  for (const g of gens) byConv.set(g.conversation, [...(byConv.get(g.conversation) ?? []), g]);
  let jsonBytes = 0;
  const v1Json = v1.beginStreamed('conversations.json', deflateJson);
  await v1Json.write('[');
  const shards = [];
  let shard = null;
  for (let c = 0; c < plan.conversations; c++) {
    if (c % SHARD === 0) {
      if (shard) {
        await shard.w.write(']');
        await shard.w.end();
      }
      const name = `conversations-${String(c / SHARD).padStart(3, '0')}.json`;
      shard = { name, w: v2.beginStreamed(name, deflateJson), first: true };
      shards.push(name);
      await shard.w.write('[');
    }
    const json = JSON.stringify(conversation(c, byConv.get(c) ?? [], 30_000 + rnd() * 240_000, rnd, pool));
    jsonBytes += json.length;
    await shard.w.write(shard.first ? json : `,${json}`);
    shard.first = false;
    await v1Json.write(c === 0 ? json : `,${json}`);
  }
  await shard.w.write(']');
  await shard.w.end();
  await v1Json.write(']');
  await v1Json.end();
  log(
    `  generated ${plan.conversations} conversations, ${(jsonBytes / 1e6).toFixed(0)} MB of JSON (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );

  // Images: the carried ones, stored, in both archives.
  const bases = new Map(SIZES.map(([w, h], k) => [`${w}x${h}`, basePng(w, h, 11 + k)]));
  let imageBytes = 0;
  const shas = new Set(); // every image distinct by SHA-256, as the vault dedupes by it
  const names = {};
  const library = [];
  for (const g of gens.filter((x) => x.carried)) {
    const { bytes } = imagePng(bases, g.i, rnd);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (shas.has(sha)) throw new Error(`image ${g.i} repeats an earlier image's bytes`);
    shas.add(sha);
    imageBytes += bytes.length;
    v2.addStored(`${g.id}.dat`, bytes);
    v1.addStored(g.v1Name, bytes);
    names[`${g.id}.dat`] = g.v2Original;
    if (!g.dalle)
      library.push({
        file_id: g.id,
        origination_message_id: g.messageId,
        file_name: g.v2Original.split('/').pop(),
        mime_type: 'image/png',
        file_size_bytes: bytes.length,
      });
  }
  log(
    `  generated ${plan.carried} images, ${(imageBytes / 1e6).toFixed(0)} MB (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );

  const small = (zip, name, value) =>
    zip.addStored(name, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
  small(v2, 'conversation_asset_file_names.json', names);
  small(v2, 'library_files.json', library);
  // The manifest's real fields are not documented (docs/chatgpt.md §Official export): a plausible one.
  small(v2, 'export_manifest.json', {
    version: 2,
    created_at: '2026-06-15T00:00:00Z',
    conversation_files: shards,
    asset_count: plan.carried,
  });
  small(v1, 'user.json', { id: UID, email: 'bench@example.com', chatgpt_plus_user: true });
  small(v1, 'message_feedback.json', []);
  small(v1, 'shared_conversations.json', []);
  small(v1, 'chat.html', '<!doctype html><title>ChatGPT Data Export</title><p>Synthetic export.</p>');
  const result = {
    plan,
    jsonBytes,
    imageBytes,
    v2: { path: join(dir, 'v2.zip'), size: v2.finish() },
    v1: { path: join(dir, 'v1.zip'), size: v1.finish() },
    dir,
    deflateJson,
    seconds: (Date.now() - t0) / 1000,
  };
  writeFileSync(`${doneFile}.tmp`, JSON.stringify(result));
  renameSync(`${doneFile}.tmp`, doneFile);
  return result;
}
