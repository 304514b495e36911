/**
 * Prompts for library images (issue 9 §4): its own resumable, budgeted queue. Library items
 * rarely carry a prompt, so both prompts come from the conversation JSON, read once for all
 * of that conversation's images. A deleted conversation (404) leaves the image saved with the
 * library's title and the note "conversation deleted". Runs after the bytes: while the
 * backfill runs, it waits (links expire, prompts do not).
 */

import { mergeImage, setImageWarning } from '../../db/images';
import { getConversation, NotFoundError } from '../../sites/chatgpt/api';
import { findImage, parseConversation } from '../../sites/chatgpt/conversation';
import { conversationUrl } from '../../sites/chatgpt/routes';
import { isBudgetWait, readJob, singleRunner, stillRunning, updateJob, waitThenResume } from './jobs';
import { bulkApiOptions } from './options';
import { type LibraryRow, pendingPromptRows, updateRow } from './rows';

const LOG = '[image-vault]';
const KEY = 'libraryPrompts' as const;

/** The note on an image whose conversation is gone. */
export const CONVERSATION_DELETED =
  'conversation deleted: saved with the title from your ChatGPT library, without its prompts';

/** Fills the prompts of one conversation's pending images. */
async function fillConversation(conversationId: string, rows: LibraryRow[]): Promise<void> {
  let parsed: ReturnType<typeof parseConversation>;
  try {
    parsed = parseConversation(await getConversation(conversationId, bulkApiOptions()));
  } catch (err) {
    if (isBudgetWait(err)) throw err;
    const note =
      err instanceof NotFoundError
        ? CONVERSATION_DELETED
        : `saved without its prompt: ${err instanceof Error ? err.message : String(err)}`;
    for (const r of rows) {
      await setImageWarning(r.id, note);
      await updateRow(r.id, { prompts: 'done', error: note });
    }
    return;
  }
  for (const r of rows) {
    const meta = findImage(parsed, r.id);
    if (meta) {
      await mergeImage(r.id, {
        prompt: meta.prompt,
        revisedPrompt: meta.revisedPrompt,
        title: meta.title,
        genId: meta.genId,
        parentGenId: meta.parentGenId,
        editOp: meta.editOp,
        seed: meta.seed,
        genSize: meta.genSize,
        model: meta.model,
        messageId: meta.messageId,
        conversationTitle: parsed.info.title,
        conversationUrl: conversationUrl(conversationId, 'https://chatgpt.com/'),
      });
    } else {
      await mergeImage(r.id, { conversationTitle: parsed.info.title });
      await setImageWarning(r.id, 'saved without its prompt: its conversation does not list this image');
    }
    await updateRow(r.id, { prompts: 'done', error: null });
  }
}

async function run(): Promise<void> {
  // Bytes first: while the backfill saves bytes, prompts wait (it kicks this queue when done).
  const bf = await readJob('libraryBackfill');
  if (bf.state === 'running' || bf.state === 'waiting') return;
  // Every worker start kicks this queue: with nothing to do, write and announce nothing.
  const prev = await readJob(KEY);
  if ((prev.state === 'idle' || prev.state === 'done') && (await pendingPromptRows()).length === 0) return;
  const job = await updateJob(KEY, (j) =>
    j.state === 'waiting' && (j.waitingUntil ?? 0) > Date.now()
      ? j
      : { ...j, state: 'running', runId: j.state === 'running' ? j.runId : Date.now(), waitingUntil: null },
  );
  if (job.state !== 'running') return;
  for (;;) {
    if (!(await stillRunning(KEY, job.runId))) return;
    const pending = await pendingPromptRows();
    const head = pending[0];
    if (!head) break;
    const conv = head.item.conversationId;
    const group = pending.filter((r) => r.item.conversationId === conv);
    try {
      if (conv) await fillConversation(conv, group);
      else for (const r of group) await updateRow(r.id, { prompts: 'none' });
    } catch (err) {
      if (isBudgetWait(err)) return waitThenResume(KEY, job.runId, err);
      console.warn(LOG, 'prompt filling stopped', err);
      await updateJob(KEY, (j) => ({ ...j, state: 'failed', error: String(err) }));
      return;
    }
  }
  await updateJob(KEY, (j) => (j.runId === job.runId ? { ...j, state: 'done', error: null } : j));
}

/** Starts (or continues) filling prompts, unless it is already going. */
export const kickPrompts = singleRunner(run, (e) => console.warn(LOG, 'prompt filling failed', e));
