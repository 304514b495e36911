/**
 * Reads one conversation JSON (`GET /backend-api/conversation/{id}`, same family as the
 * official export) and lists the images ChatGPT generated in it, with the user's prompt
 * and the prompt the model actually used. Field guide: docs/chatgpt.md §Conversation JSON.
 *
 * A generation is recognised by what it is, not by one tool name: an image pointer in a
 * tool- or assistant-side message, except Code Interpreter output (user messages hold uploads).
 *
 * Never throws: OpenAI changes this JSON without notice, so whatever does not match
 * becomes a plain-words warning and the rest is still returned (one wrong field costs
 * one fallback, not the whole capture).
 */
import type { ConversationInfo, GeneratedImageMeta, ModelFamily } from '../../core/types';
import { callPrompt, captionOf } from './conversation-prompts';
import {
  ancestorsInTurn,
  authorName,
  type Ctx,
  content,
  isObj,
  meta,
  type Node,
  nonEmpty,
  num,
  type Obj,
  obj,
  parts,
  readTree,
  role,
  secondsToMs,
  str,
  turnTime,
  userPrompt,
} from './conversation-tree';
import { fileIdIn, isFileId } from './ids';
import { familyFromPointer, familyFromTool, isCodeInterpreter, isKnownImageTool } from './image-tools';

/** What one conversation JSON says: its facts, its generations, the user's uploads. */
export interface ParsedConversation {
  info: ConversationInfo;
  images: GeneratedImageMeta[];
  /** File ids the JSON lists as the user's own uploads (never stored as generations). */
  uploads: string[];
  warnings: string[];
}

/** `file-service://file-abc` → `file-abc`, `sediment://file_00ab?x=1` → `file_00ab`; null if not a pointer. */
export function fileIdFromPointer(pointer: string): string | null {
  // Share pages append `?shared_conversation_id=…` to the pointer: drop any query/fragment.
  const m = /^([a-z][a-z0-9+.-]*):\/\/([A-Za-z0-9_-]+)(?:[?#/].*)?$/i.exec(pointer.trim());
  // A web URL is not a pointer, whatever its host looks like.
  return m?.[2] && !/^https?$/i.test(m[1] ?? '') && isFileId(m[2]) ? m[2] : null;
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
  // The conversation list gives ISO strings, the conversation itself epoch seconds.
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
    // A hidden second copy of the same image: keep one entry, the visible one.
    if (!old || (old.hidden && !m.hidden)) found.set(m.fileId, m);
  };
  const ctx: Ctx = { tree, warn };
  for (const node of tree.values()) {
    const m = node.message;
    if (!m) continue;
    const r = role(m);
    if (r === 'user') for (const id of userUploads(m)) uploads.add(id);
    else if (r === 'tool' || r === 'assistant') generatedImages(ctx, node, m).forEach(add);
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

/** File ids of a user message's images and attachments: uploads, not generations. */
function userUploads(m: Obj): string[] {
  const ids: string[] = [];
  for (const p of imageParts(m)) {
    const id = typeof p.asset_pointer === 'string' ? fileIdFromPointer(p.asset_pointer) : null;
    if (id) ids.push(id);
  }
  const att = meta(m).attachments;
  for (const a of Array.isArray(att) ? att : []) {
    const id = obj(a).id;
    if (isFileId(id)) ids.push(id);
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

/** Which model made an image: from the tool name, else the metadata, else the pointer scheme. */
function familyOf(m: Obj, name: string | null, part: Obj, pointer: string): ModelFamily {
  const byTool = name === null ? null : familyFromTool(name);
  if (byTool) return byTool;
  const pm = obj(part.metadata);
  if (meta(m).async_task_type === 'image_gen' || isObj(pm.generation)) return 'gpt-image';
  if (isObj(pm.dalle)) return 'dalle3';
  return familyFromPointer(pointer);
}

/**
 * A placeholder while gpt-image works. Some dumps also show the flag on finished
 * messages, so only an unfinished status makes an `image_gen_async` message provisional.
 */
const inProgress = (m: Obj): boolean =>
  meta(m).image_gen_async === true && m.status !== 'finished_successfully';

/** The generated images of a tool- or assistant-side message; none for errors, charts, text. */
function generatedImages(ctx: Ctx, node: Node, m: Obj): GeneratedImageMeta[] {
  if (!Array.isArray(content(m).parts) && content(m).parts !== undefined)
    ctx.warn('some messages have parts that are not a list; skipped them');
  const name = authorName(m);
  const pics = imageParts(m);
  if (pics.length === 0 || inProgress(m)) return [];
  if (isCodeInterpreter(name, content(m).content_type, meta(m))) return [];
  if (name !== null && role(m) === 'tool' && !isKnownImageTool(name))
    ctx.warn(
      `ChatGPT made images with a tool Image Vault does not know ("${name}"); kept them as generations`,
    );
  // The call this message answers: addressed to this tool by name, or (nameless results,
  // as in projects) to any image tool.
  const accepts = name === null ? isKnownImageTool : (tool: string) => tool === name;
  const out: GeneratedImageMeta[] = [];
  let user: string | undefined;
  for (const [index, part] of pics.entries()) {
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
    // First present of: the image's own dalle.prompt (DALL·E 3 writes one per image, and one
    // message can hold two images with different prompts; gpt-image leaves it ''), the call's
    // prompt, a caption beside the image.
    const revised = nonEmpty(dalle.prompt) ?? callPrompt(ctx, node, accepts, index) ?? captionOf(m);
    if (revised === null) ctx.warn(`no revised prompt found for image ${fileId}`);
    const createdAt = secondsToMs(m.create_time) ?? turnTime(ctx, node);
    if (createdAt === null)
      ctx.warn(`image ${fileId} has no time in ChatGPT’s data; the time it is saved will be used`);
    out.push({
      fileId,
      assetPointer: pointer,
      messageId: nonEmpty(m.id) ?? node.id,
      model: familyOf(m, name, part, pointer),
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
      createdAt,
      hidden: meta(m).is_visually_hidden_from_conversation === true,
    });
  }
  return out;
}

const DALLE_TOOL = 'dalle.text2im';

/**
 * The oldest DALL·E shape had no asset pointer; the assistant's follow-up text held CDN
 * links in Markdown. Only links in a turn that called DALL·E count.
 */
function markdownImages(ctx: Ctx, node: Node, m: Obj): GeneratedImageMeta[] {
  const text = parts(m)
    .filter((p): p is string => typeof p === 'string')
    .join('\n');
  const urls = [...text.matchAll(/!\[[^\]]*\]\((https:\/\/[^\s)]+)\)/g)].map((x) => x[1] ?? '');
  if (urls.length === 0) return [];
  const tool = [...ancestorsInTurn(ctx, node)].find(
    (n) => n.message && role(n.message) === 'tool' && authorName(n.message) === DALLE_TOOL,
  );
  if (!tool) return [];
  const out: GeneratedImageMeta[] = [];
  for (const url of urls) {
    const fileId = fileIdIn(/\/(file-[A-Za-z0-9]+)(?:[?#/]|$)/.exec(url)?.[1]);
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
      revisedPrompt: callPrompt(ctx, node, (t) => t === DALLE_TOOL, 0) ?? '',
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
      // The signed CDN link itself: its `se=` says until when the image can still be fetched.
      url,
    });
  }
  return out;
}
