/**
 * Which ChatGPT tools make images, and which model a generation came from
 * (docs/chatgpt.md §Conversation JSON). A generation is recognised by its shape (an image
 * pointer in a tool- or assistant-side message); tool names only refine the model.
 */
import type { ModelFamily } from '../../core/types';

/** Tool names seen answering with generated images, and the model each implies (null: none). */
const KNOWN: Readonly<Record<string, ModelFamily | null>> = {
  'dalle.text2im': 'dalle3',
  't2uay3k.sj1i4kz': 'gpt-image',
  // 2026 "thinking" mode. `image_gen` is gpt-image's own word (`async_task_type: "image_gen"`).
  'image_gen.text2im': 'gpt-image',
  // Seen once in 2026 with no hint of the model behind it.
  ghostrider: null,
};

/** True for a tool name known to make images (`image_gen.*` is a family of such tools). */
export function isKnownImageTool(name: string): boolean {
  return Object.hasOwn(KNOWN, name) || name.startsWith('image_gen.');
}

/** The model a tool name implies, or null when the name alone does not tell. */
export function familyFromTool(name: string): ModelFamily | null {
  if (Object.hasOwn(KNOWN, name)) return KNOWN[name] ?? null;
  return name.startsWith('image_gen.') ? 'gpt-image' : null;
}

/**
 * The model a pointer scheme implies: DALL·E 3 stored its images on the legacy file service,
 * gpt-image on sediment (docs/chatgpt.md §File ids). Any other scheme: unknown.
 */
export function familyFromPointer(pointer: string): ModelFamily {
  if (/^sediment:\/\//i.test(pointer)) return 'gpt-image';
  if (/^file-service:\/\//i.test(pointer)) return 'dalle3';
  return 'unknown';
}

/**
 * Code Interpreter shows its charts as image pointers too (docs/chatgpt.md §Conversation JSON):
 * the `python` tool, `execution_output` content and `aggregate_result` metadata mark them.
 */
export function isCodeInterpreter(
  authorName: string | null,
  contentType: unknown,
  metadata: object,
): boolean {
  return (
    (authorName !== null && /^python(?:$|[._-])/i.test(authorName)) ||
    contentType === 'execution_output' ||
    'aggregate_result' in metadata
  );
}
