/**
 * Reads the elements of one big JSON list (a `conversations.json` of hundreds of megabytes)
 * one at a time from a byte stream, so that only the element being handed out is ever held
 * as an object: never the whole text as one string, never the whole tree.
 *
 * @streamparser/json is maintained, runs in browsers and Node, and is fed bytes (it decodes
 * UTF-8 split across chunks itself). `paths: ['$.*']` emits each element of the top-level
 * list; `keepStack: false` drops each one from the list once emitted, which is what keeps
 * memory flat (its README, "keepStack").
 */
import { JSONParser } from '@streamparser/json';
import { ImportError } from '../../../export/import-verify';

/** Options of {@link streamJsonList}. */
export interface StreamJsonOptions {
  signal: AbortSignal;
  /** Bytes consumed, reported after each chunk (progress). */
  onBytes?: (n: number) => void;
}

type Mode = 'list' | 'wrapped' | 'other';

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
  const notJson = () => new ImportError(`${name} is not valid JSON (it may be cut short or damaged).`);
  const notList = () => new ImportError(`${name} is not a list of conversations.`);
  let parser: JSONParser | null = null;
  let mode: Mode = 'other';
  let failed = false;
  let emitted = 0;
  const queue: unknown[] = [];
  let lastYield = now();
  try {
    for (;;) {
      opts.signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      let chunk = value;
      if (!parser) {
        const at = firstSignificant(chunk);
        if (at < 0) {
          opts.onBytes?.(value.length);
          continue;
        }
        chunk = chunk.subarray(at);
        mode = chunk[0] === 0x5b ? 'list' : chunk[0] === 0x7b ? 'wrapped' : 'other';
        parser = new JSONParser({
          paths: [mode === 'wrapped' ? '$.conversations.*' : '$.*'],
          keepStack: false,
        });
        parser.onValue = ({ value: v }) => {
          emitted++;
          queue.push(v);
        };
        parser.onError = () => {
          failed = true;
        };
      }
      parser.write(chunk);
      if (failed) throw notJson();
      opts.onBytes?.(value.length);
      // Hand out what this chunk completed; each element is dropped from the queue as it goes.
      while (queue.length > 0) yield queue.shift();
      if (now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
    if (!parser) throw notList(); // empty, or only whitespace
    // The parser ends itself after one complete top-level value; end() on an ended parser errors.
    if (!parser.isEnded) parser.end();
    if (failed) throw notJson();
    while (queue.length > 0) yield queue.shift();
    if (mode === 'other' || (mode === 'wrapped' && emitted === 0)) throw notList();
  } finally {
    void reader.cancel().catch(() => {});
  }
}

/** Index of the first byte that is not whitespace or a UTF-8 byte-order mark; -1 if none. */
function firstSignificant(b: Uint8Array): number {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i < b.length ? i : -1;
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
