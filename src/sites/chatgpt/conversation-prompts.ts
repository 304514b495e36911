/**
 * Where a generation's revised prompt (the prompt the model actually used) is written
 * (docs/chatgpt.md §Conversation JSON): the call to the image tool, or a caption part of the
 * tool's answer. `metadata.dalle.prompt` is read by the parser itself, per image.
 */
import {
  ancestorsInTurn,
  authorName,
  type Ctx,
  content,
  type Node,
  nonEmpty,
  type Obj,
  obj,
  parts,
  role,
  str,
} from './conversation-tree';

/**
 * The prompt in a tool call's JSON, read leniently (a truncated JSON still has it). 2023
 * DALL·E 3 calls asked for several images at once (`{"prompts": ["…", "…"]}`): image `index`
 * of the answer gets prompt `index` when there is one.
 */
export function promptFromJson(text: string, index = 0): string | null {
  try {
    const j = obj(JSON.parse(text));
    const list = Array.isArray(j.prompts) ? j.prompts : [];
    return nonEmpty(j.prompt) ?? nonEmpty(list[index]) ?? nonEmpty(list[0]);
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
 * The prompt sent to the tool that answered at `start`: the nearest assistant message of the
 * same turn whose `recipient` the tool accepts (text or code content, any channel), or the older
 * tether result. Stops at the user message, so a turn never borrows the previous turn's prompt.
 */
export function callPrompt(ctx: Ctx, start: Node, accepts: (tool: string) => boolean, index: number) {
  for (const node of ancestorsInTurn(ctx, start)) {
    const m = node.message;
    if (!m) continue;
    const c = content(m);
    const name = authorName(m);
    let text: string | null = null;
    if (role(m) === 'assistant' && typeof m.recipient === 'string' && accepts(m.recipient))
      text = str(c.text) ?? str(parts(m)[0]);
    else if (c.content_type === 'tether_browsing_display' && name !== null && accepts(name))
      text = str(c.result);
    if (text === null) continue;
    const prompt = promptFromJson(text, index);
    if (prompt === null) ctx.warn(`could not read the prompt of the image tool call in message ${node.id}`);
    return prompt;
  }
  return null;
}

/** Tool chatter that is no caption: "DALL·E displayed 1 images…", "GPT-4o returned 1 images…". */
const BOILERPLATE = /\b(?:displayed|returned|generated)\s+\d+\s+images?\b|\bdo not say or show anything\b/i;

/** A caption written beside the images in the same tool message (thinking mode: `parts[1]`). */
export function captionOf(m: Obj): string | null {
  for (const p of parts(m)) {
    const text = nonEmpty(p);
    if (text !== null && !BOILERPLATE.test(text)) return text.trim();
  }
  return null;
}
