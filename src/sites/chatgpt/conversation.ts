/**
 * Reads one conversation JSON (`GET /backend-api/conversation/{id}`, same family as the
 * official export) and lists the images ChatGPT generated in it, with the user's prompt
 * and the prompt the model actually used. Field guide: shared/reference/chatgpt.md §6.
 *
 * Never throws: OpenAI changes this JSON without notice, so whatever does not match
 * becomes a plain-words warning and the rest is still returned (one wrong field costs
 * one fallback, not the whole capture).
 */
import type { ConversationInfo, GeneratedImageMeta, ModelFamily } from '../../core/types';

export interface ParsedConversation {
  info: ConversationInfo;
  images: GeneratedImageMeta[];
  /** File ids the JSON lists as the user's own uploads (never stored as generations). */
  uploads: string[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** The JSON's times are epoch seconds as floats; the data model keeps integer ms. */
const secondsToMs = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n * 1000);
};

/** `author.name` of the results and `recipient` of the calls (§6.1–4). */
const DALLE_TOOL = 'dalle.text2im';
const GPT_IMAGE_TOOL = 't2uay3k.sj1i4kz';

interface Node {
  id: string;
  parent: string | null;
  message: Obj | null;
}

const role = (m: Obj): string | null => str(obj(m.author).role);
const content = (m: Obj): Obj => obj(m.content);
const meta = (m: Obj): Obj => obj(m.metadata);
const parts = (m: Obj): unknown[] => {
  const p = content(m).parts;
  return Array.isArray(p) ? p : [];
};

/** `file-service://file-abc` → `file-abc`, `sediment://file_00ab?x=1` → `file_00ab`; null if not a pointer. */
export function fileIdFromPointer(pointer: string): string | null {
  // Share pages append `?shared_conversation_id=…` to the pointer: drop any query/fragment.
  const m = /^([a-z][a-z0-9+.-]*):\/\/([A-Za-z0-9_-]+)(?:[?#/].*)?$/i.exec(pointer.trim());
  // A web URL is not a pointer, whatever its host looks like.
  return m?.[2] && !/^https?$/i.test(m[1] ?? '') ? m[2] : null;
}

/** The meta of one file id, as the content script needs when a tile appears. */
export function findImage(
  parsed: Pick<ParsedConversation, 'images'>,
  fileId: string,
): GeneratedImageMeta | undefined {
  return parsed.images.find((i) => i.fileId === fileId);
}

/** Reads the conversation JSON. Returns what parses, and a warning for what does not. */
export function parseConversation(json: unknown): ParsedConversation {
  const warnings = new Set<string>();
  const warn = (w: string) => warnings.add(w);
  const info: ConversationInfo = { conversationId: '', title: '', createTime: null };
  const uploads = new Set<string>();
  const done = (images: GeneratedImageMeta[]) => ({
    info,
    images,
    uploads: [...uploads].filter((id) => !images.some((i) => i.fileId === id)),
    warnings: [...warnings],
  });

  if (!isObj(json)) {
    warn('conversation JSON is not an object');
    return done([]);
  }
  info.conversationId = nonEmpty(json.conversation_id) ?? nonEmpty(json.id) ?? '';
  if (!info.conversationId) warn('conversation JSON has no conversation id');
  info.title = str(json.title) ?? '';
  // The conversation list gives ISO strings, the conversation itself epoch seconds (§4).
  const iso = typeof json.create_time === 'string' ? Date.parse(json.create_time) : Number.NaN;
  info.createTime = Number.isNaN(iso) ? secondsToMs(json.create_time) : iso;

  if (!isObj(json.mapping)) {
    warn('conversation JSON has no mapping');
    return done([]);
  }
  const tree = readTree(json.mapping, warn);
  const found = new Map<string, GeneratedImageMeta>();
  const add = (m: GeneratedImageMeta) => {
    const old = found.get(m.fileId);
    // §6.7: a hidden second copy of the same image; keep one entry, the visible one.
    if (!old || (old.hidden && !m.hidden)) found.set(m.fileId, m);
  };
  const ctx: Ctx = { tree, warn };
  for (const node of tree.values()) {
    const m = node.message;
    if (!m) continue;
    if (role(m) === 'tool') toolImages(ctx, node, m).forEach(add);
    else if (role(m) === 'user') for (const id of userUploads(m)) uploads.add(id);
  }
  // Markdown links come second so that a pointer entry for the same file wins.
  for (const node of tree.values()) {
    const m = node.message;
    if (m && role(m) === 'assistant') markdownImages(ctx, node, m).forEach(add);
  }
  // Map order is mapping order, which is not conversation order: sort by time, stably.
  // Images without a time go last; `|| 0` keeps two of them (∞ − ∞ = NaN) in place.
  const at = (i: GeneratedImageMeta) => i.createdAt ?? Number.POSITIVE_INFINITY;
  const images = [...found.values()].sort((a, b) => at(a) - at(b) || 0);
  return done(images);
}

interface Ctx {
  tree: Map<string, Node>;
  warn: (w: string) => void;
}

function readTree(mapping: Obj, warn: (w: string) => void): Map<string, Node> {
  const tree = new Map<string, Node>();
  for (const [id, raw] of Object.entries(mapping)) {
    if (!isObj(raw)) {
      warn('some message nodes are not objects; skipped them');
      continue;
    }
    if (raw.message != null && !isObj(raw.message)) warn('some messages are not objects; skipped them');
    tree.set(id, { id, parent: str(raw.parent), message: isObj(raw.message) ? raw.message : null });
  }
  return tree;
}

/** The nodes above `start`, nearest first, following `parent` (not array order: §6). */
function* ancestors(ctx: Ctx, start: Node): Generator<Node> {
  const seen = new Set([start.id]);
  let id = start.parent;
  while (id !== null) {
    if (seen.has(id)) {
      ctx.warn('the message tree has a loop; stopped following it');
      return;
    }
    seen.add(id);
    const node = ctx.tree.get(id);
    if (!node) return; // a parent outside the mapping: the chain simply ends there
    yield node;
    id = node.parent;
  }
}

/** The user's own words: the nearest user message above, string parts joined (§6, §10). */
function userPrompt(ctx: Ctx, start: Node): string {
  for (const node of ancestors(ctx, start)) {
    const m = node.message;
    if (!m || role(m) !== 'user') continue;
    // Custom instructions ride along as hidden `user_editable_context` user messages.
    if (meta(m).is_visually_hidden_from_conversation === true) continue;
    const type = str(content(m).content_type);
    if (type !== null && type !== 'text' && type !== 'multimodal_text') continue;
    return parts(m)
      .filter((p): p is string => typeof p === 'string')
      .join('\n')
      .trim();
  }
  return '';
}

/** The `prompt` of a tool call's JSON, read leniently (a truncated JSON still has it). */
function promptFromJson(text: string): string | null {
  try {
    const j = obj(JSON.parse(text));
    // 2023 DALL·E 3 calls asked for several images: `{"prompts": ["…", "…"]}`.
    return nonEmpty(j.prompt) ?? (Array.isArray(j.prompts) ? nonEmpty(j.prompts[0]) : null);
  } catch {
    const m = /"prompts?"\s*:\s*\[?\s*("(?:[^"\\]|\\.)*")/.exec(text);
    if (!m?.[1]) return null;
    try {
      return nonEmpty(JSON.parse(m[1]));
    } catch {
      return null;
    }
  }
}

/**
 * The prompt sent to the image tool in this turn: the nearest call to `tool` above
 * `start` (§6.1, §6.3), or the older tether result (§6.11). Stops at the user message,
 * so a turn never borrows the previous turn's prompt.
 */
function toolCallPrompt(ctx: Ctx, start: Node, tool: string): string | null {
  for (const node of ancestorsInTurn(ctx, start)) {
    const m = node.message;
    if (!m) continue;
    const c = content(m);
    let text: string | null = null;
    if (role(m) === 'assistant' && m.recipient === tool) text = str(c.text) ?? str(parts(m)[0]);
    else if (c.content_type === 'tether_browsing_display' && obj(m.author).name === tool)
      text = str(c.result);
    if (text === null) continue;
    const prompt = promptFromJson(text);
    if (prompt === null) ctx.warn(`could not read the prompt of the image tool call in message ${node.id}`);
    return prompt;
  }
  return null;
}

/** File ids of a user message's images and attachments (§6.10): uploads, not generations. */
function userUploads(m: Obj): string[] {
  const ids: string[] = [];
  for (const p of imageParts(m)) {
    const id = typeof p.asset_pointer === 'string' ? fileIdFromPointer(p.asset_pointer) : null;
    if (id) ids.push(id);
  }
  const att = meta(m).attachments;
  for (const a of Array.isArray(att) ? att : []) {
    const id = obj(a).id;
    if (typeof id === 'string' && id) ids.push(id);
  }
  return ids;
}

/** Image parts; some trimmed dumps drop `content_type` and keep only `asset_pointer`. */
const imageParts = (m: Obj): Obj[] =>
  parts(m).filter(
    (p): p is Obj =>
      isObj(p) &&
      (p.content_type === 'image_asset_pointer' || (p.content_type === undefined && 'asset_pointer' in p)),
  );

/** Which model made the images of a tool message, or null if it is no image generation. */
function familyOf(m: Obj, part: Obj): ModelFamily | null {
  const name = obj(m.author).name;
  if (name === GPT_IMAGE_TOOL) return 'gpt-image';
  if (name === DALLE_TOOL) return 'dalle3';
  // Unknown or missing tool name: trust the metadata shape. Code Interpreter charts and
  // other tool images carry `dalle: null, generation: null`, so they fall through (§6.9).
  const pm = obj(part.metadata);
  if (meta(m).async_task_type === 'image_gen' || isObj(pm.generation)) return 'gpt-image';
  if (isObj(pm.dalle)) return 'dalle3';
  return null;
}

/**
 * §6.6: a placeholder while gpt-image works. Some dumps also show the flag on finished
 * messages, so only an unfinished status makes an `image_gen_async` message provisional.
 */
const inProgress = (m: Obj): boolean =>
  meta(m).image_gen_async === true && m.status !== 'finished_successfully';

/** Images in a tool result message (§6.2, §6.4); none for errors, charts, text. */
function toolImages(ctx: Ctx, node: Node, m: Obj): GeneratedImageMeta[] {
  if (!Array.isArray(content(m).parts) && content(m).parts !== undefined)
    ctx.warn('some messages have parts that are not a list; skipped them');
  const pics = imageParts(m);
  if (pics.length === 0 || inProgress(m)) return [];
  const out: GeneratedImageMeta[] = [];
  let user: string | undefined;
  for (const part of pics) {
    const model = familyOf(m, part);
    if (!model) continue;
    const pointer = str(part.asset_pointer);
    const fileId = pointer === null ? null : fileIdFromPointer(pointer);
    if (pointer === null || fileId === null) {
      ctx.warn('an image has an asset pointer that could not be read; skipped it');
      continue;
    }
    user ??= userPrompt(ctx, node);
    const pm = obj(part.metadata);
    const dalle = obj(pm.dalle);
    const gen = obj(pm.generation);
    // DALL·E 3 keeps the revised prompt in dalle.prompt; gpt-image leaves it '' and the
    // tool call's `prompt` is the one used (§6.2 vs §6.4). Each falls back on the other.
    const own = nonEmpty(dalle.prompt);
    const call = () => toolCallPrompt(ctx, node, model === 'gpt-image' ? GPT_IMAGE_TOOL : DALLE_TOOL);
    const revised = model === 'dalle3' ? (own ?? call()) : (call() ?? own);
    if (revised === null) ctx.warn(`no revised prompt found for image ${fileId}`);
    out.push({
      fileId,
      assetPointer: pointer,
      messageId: nonEmpty(m.id) ?? node.id,
      model,
      prompt: user,
      revisedPrompt: revised ?? '',
      genId: str(gen.gen_id) ?? str(dalle.gen_id),
      parentGenId: str(gen.parent_gen_id) ?? str(dalle.parent_gen_id),
      editOp: str(gen.edit_op) ?? str(dalle.edit_op),
      seed: num(gen.seed) ?? num(dalle.seed),
      width: num(part.width) ?? num(gen.width),
      height: num(part.height) ?? num(gen.height),
      sizeBytes: num(part.size_bytes),
      genSize: str(gen.gen_size),
      title: nonEmpty(meta(m).image_gen_title),
      createdAt: secondsToMs(m.create_time),
      hidden: meta(m).is_visually_hidden_from_conversation === true,
    });
  }
  return out;
}

/**
 * §6.11: the oldest DALL·E shape had no asset pointer; the assistant's follow-up text
 * held CDN links in Markdown. Only links in a turn that called DALL·E count.
 */
function markdownImages(ctx: Ctx, node: Node, m: Obj): GeneratedImageMeta[] {
  const text = parts(m)
    .filter((p): p is string => typeof p === 'string')
    .join('\n');
  const urls = [...text.matchAll(/!\[[^\]]*\]\((https:\/\/[^\s)]+)\)/g)].map((x) => x[1] ?? '');
  if (urls.length === 0) return [];
  const tool = [...ancestorsInTurn(ctx, node)].find(
    (n) => n.message && role(n.message) === 'tool' && obj(n.message.author).name === DALLE_TOOL,
  );
  if (!tool) return [];
  const out: GeneratedImageMeta[] = [];
  for (const url of urls) {
    const fileId = /\/(file-[A-Za-z0-9]+)(?:[?#/]|$)/.exec(url)?.[1];
    if (!fileId) {
      ctx.warn('an older DALL·E image link has no file id; skipped it');
      continue;
    }
    out.push({
      fileId,
      // No pointer in this shape: `file-` ids are legacy file-service files.
      assetPointer: `file-service://${fileId}`,
      messageId: tool.id,
      model: 'dalle3',
      prompt: userPrompt(ctx, node),
      revisedPrompt: toolCallPrompt(ctx, node, DALLE_TOOL) ?? '',
      genId: null,
      parentGenId: null,
      editOp: null,
      seed: null,
      width: null,
      height: null,
      sizeBytes: null,
      genSize: null,
      title: null,
      createdAt: secondsToMs(m.create_time),
      hidden: meta(m).is_visually_hidden_from_conversation === true,
    });
  }
  return out;
}

/** The nodes above `start` back to (not including) the user message of its turn. */
function* ancestorsInTurn(ctx: Ctx, start: Node): Generator<Node> {
  for (const node of ancestors(ctx, start)) {
    if (node.message && role(node.message) === 'user') return;
    yield node;
  }
}
