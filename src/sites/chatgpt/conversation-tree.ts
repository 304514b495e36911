/**
 * Walking the message tree of a conversation JSON (docs/chatgpt.md §Conversation JSON):
 * lenient readers for its untyped values, and the `parent` chain, which is the only order
 * that counts (the mapping is a tree with branches from edits and regenerations).
 */

/** An untyped JSON object. */
export type Obj = Record<string, unknown>;
/** True for a plain JSON object. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value if it is an object, else an empty one. */
export const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** The value if it is a string, else null. */
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** The value if it is a non-blank string, else null. */
export const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** The value if it is a finite number, else null. */
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** The JSON's times are epoch seconds as floats; the data model keeps integer ms. */
export const secondsToMs = (v: unknown): number | null => {
  const n = num(v);
  return n === null ? null : Math.round(n * 1000);
};

/** One node of `mapping`. `children` is not kept: 2026 exports may omit it, `parent` suffices. */
export interface Node {
  id: string;
  parent: string | null;
  message: Obj | null;
}

/** The tree and where warnings go. */
export interface Ctx {
  tree: Map<string, Node>;
  warn: (w: string) => void;
}

/** `author.role` of a message. */
export const role = (m: Obj): string | null => str(obj(m.author).role);
/** `author.name` of a message (a tool name for tool messages), null when absent or blank. */
export const authorName = (m: Obj): string | null => nonEmpty(obj(m.author).name);
/** `content` of a message. */
export const content = (m: Obj): Obj => obj(m.content);
/** `metadata` of a message. */
export const meta = (m: Obj): Obj => obj(m.metadata);
/** `content.parts`, or none. */
export const parts = (m: Obj): unknown[] => {
  const p = content(m).parts;
  return Array.isArray(p) ? p : [];
};

/** Reads `mapping` into nodes, skipping (with a warning) what is not an object. */
export function readTree(mapping: Obj, warn: (w: string) => void): Map<string, Node> {
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

/** The nodes above `start`, nearest first, following `parent`. */
export function* ancestors(ctx: Ctx, start: Node): Generator<Node> {
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

/** The nodes above `start` back to (not including) the user message of its turn. */
export function* ancestorsInTurn(ctx: Ctx, start: Node): Generator<Node> {
  for (const node of ancestors(ctx, start)) {
    if (node.message && role(node.message) === 'user') return;
    yield node;
  }
}

/**
 * The user's own words: the nearest user message above, string parts joined. Thoughts,
 * reasoning recaps and commentary in between are assistant messages and are passed over.
 */
export function userPrompt(ctx: Ctx, start: Node): string {
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

/** The time of the nearest message above `start` in its turn that has one (epoch ms). */
export function turnTime(ctx: Ctx, start: Node): number | null {
  for (const node of ancestorsInTurn(ctx, start)) {
    const t = node.message ? secondsToMs(node.message.create_time) : null;
    if (t !== null) return t;
  }
  return null;
}
