/**
 * What a conversation JSON decides about a stored image, as record fields: the same for the
 * deep scan (a JSON read from the API) and ChatGPT's export (the same JSON family, from a file).
 */
import type { ConversationInfo, GeneratedImageMeta, ImageRecord } from '../../core/types';
import { conversationUrl } from './routes';

const HOME = 'https://chatgpt.com/';

/** The record fields the conversation JSON decides (a new record's, or the gaps to fill). */
export type JsonFields = Pick<
  ImageRecord,
  | 'prompt'
  | 'revisedPrompt'
  | 'title'
  | 'genId'
  | 'parentGenId'
  | 'editOp'
  | 'seed'
  | 'genSize'
  | 'conversationId'
  | 'conversationTitle'
  | 'conversationUrl'
  | 'messageId'
>;

/** What the conversation JSON tells about image `m` of conversation `conv`, as record fields. */
export function jsonFields(
  m: GeneratedImageMeta,
  conv: Pick<ConversationInfo, 'conversationId' | 'title'>,
): JsonFields {
  return {
    prompt: m.prompt,
    revisedPrompt: m.revisedPrompt,
    title: m.title,
    genId: m.genId,
    parentGenId: m.parentGenId,
    editOp: m.editOp,
    seed: m.seed,
    genSize: m.genSize,
    conversationId: conv.conversationId,
    conversationTitle: conv.title,
    conversationUrl: conv.conversationId ? conversationUrl(conv.conversationId, HOME) : '',
    messageId: m.messageId,
  };
}
