/**
 * PNG copies with the prompts in iTXt chunks (UTF-8 text, PNG spec §11.3.4.5), placed right
 * after IHDR, which is always the first 33 bytes: so the copy is new chunks spliced into the
 * original, and nothing past byte 33 of the original needs reading.
 */
import { crc32 } from '../image-bytes';
import { type EmbedText, xmpPacket } from './embed-xmp';

export const PNG_PREFIX = 33; // signature (8) + IHDR: length, type, 13 data bytes, CRC
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const enc = new TextEncoder();

/** One iTXt chunk: keyword (Latin-1, 1–79 chars), uncompressed, no language tag. */
export function itxtChunk(keyword: string, text: string): Uint8Array<ArrayBuffer> {
  const kw = enc.encode(keyword);
  const body = enc.encode(text);
  const data = new Uint8Array(4 + kw.length + 5 + body.length);
  data.set(enc.encode('iTXt'), 0);
  data.set(kw, 4);
  // After the keyword: NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  data.set(body, 4 + kw.length + 5);
  const chunk = new Uint8Array(8 + data.length);
  const v = new DataView(chunk.buffer);
  v.setUint32(0, data.length - 4);
  chunk.set(data, 4);
  v.setUint32(4 + data.length, crc32(data));
  return chunk;
}

/** True when `prefix` starts with the PNG signature and an IHDR chunk. */
export function isPngPrefix(prefix: Uint8Array): boolean {
  return (
    prefix.length >= PNG_PREFIX &&
    SIGNATURE.every((b, i) => prefix[i] === b) &&
    new DataView(prefix.buffer, prefix.byteOffset).getUint32(8) === 13 &&
    String.fromCharCode(...prefix.subarray(12, 16)) === 'IHDR'
  );
}

/** The bytes to insert after IHDR. */
export function pngTextChunks(t: EmbedText): Uint8Array<ArrayBuffer> {
  const chunks = [
    ...(t.title ? [itxtChunk('Title', t.title)] : []),
    itxtChunk('Description', t.revisedPrompt || t.prompt),
    itxtChunk('Prompt', t.prompt),
    itxtChunk('Revised Prompt', t.revisedPrompt),
    ...(t.conversationUrl ? [itxtChunk('Source', t.conversationUrl)] : []),
    itxtChunk('Creation Time', t.createdAt),
    itxtChunk('XML:com.adobe.xmp', xmpPacket(t)),
  ];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
