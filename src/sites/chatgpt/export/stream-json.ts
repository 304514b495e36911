/**
 * Reads the elements of one big JSON list (a `conversations.json` of hundreds of megabytes)
 * one at a time from a byte stream, so that only the element being handed out is ever held
 * as an object: never the whole text as one string, never the whole tree.
 *
 * JsonListSplitter (json-split.ts) finds each element's bytes; each is decoded and parsed with
 * the engine's own `JSON.parse`. That reads as fast as one `JSON.parse` of the whole text and
 * about twice as fast as the token-by-token @streamparser/json it replaced, in the same
 * bounded memory (bench/json-stream.mjs); reading an export is then bound by inflating it.
 */
import { ImportError } from '../../../export/import-verify';
import { JsonListSplitter, JsonSplitError, parseBytes } from './json-split';

/** Options of {@link streamJsonList}. */
export interface StreamJsonOptions {
  signal: AbortSignal;
  /** Bytes consumed, reported after each chunk (progress). */
  onBytes?: (n: number) => void;
}

/** Hand the event loop back at least this often (ms): a 300 MB file must not freeze the page. */
const YIELD_EVERY_MS = 30;

/**
 * Yields each element of the top-level JSON list in `stream` (`name` is the file name, for
 * messages). Throws ImportError when the text is not JSON or its top level is not a list.
 *
 * Also accepted: a top-level object whose `conversations` member is the list. No export has
 * been seen in that shape; it is accepted because it is a plausible way for a future shard or
 * another tool's dump to wrap the same list, and costs nothing to read. Such an object without
 * a non-empty `conversations` list is refused like any other non-list.
 */
export async function* streamJsonList(
  stream: ReadableStream<Uint8Array>,
  name: string,
  opts: StreamJsonOptions,
): AsyncGenerator<unknown> {
  const reader = stream.getReader();
  const fail = (e: unknown) => {
    if (!(e instanceof JsonSplitError)) return e;
    return new ImportError(
      e.kind === 'not-list'
        ? `${name} is not a list of conversations.`
        : `${name} is not valid JSON (it may be cut short or damaged).`,
    );
  };
  const splitter = new JsonListSplitter();
  let lastYield = now();
  try {
    for (;;) {
      opts.signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      let queue: unknown[];
      try {
        // Every element this chunk completes is parsed before any is handed out, so a chunk
        // with a damaged element fails as a whole.
        queue = splitter.push(value).map(parseBytes);
      } catch (e) {
        throw fail(e);
      }
      opts.onBytes?.(value.length);
      // Each element is dropped from the queue as it goes.
      while (queue.length > 0) yield queue.shift();
      if (now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
    try {
      splitter.end();
    } catch (e) {
      throw fail(e);
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
}

const now = () => performance.now();

/**
 * A macrotask turn, so rendering and input run between chunks. A MessageChannel post is
 * used rather than setTimeout, which background tabs throttle to once a second or slower.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
