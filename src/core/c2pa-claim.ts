/**
 * The claim generator named in a C2PA manifest's bytes.
 *
 * Best effort, on purpose: the claim is a CBOR map inside a JUMBF box, and parsing JUMBF and
 * CBOR properly would be a validator's job. Instead this searches the bytes for the CBOR
 * text key `claim_generator_info` (C2PA 2.x: an array of maps whose `name` is the tool) or
 * `claim_generator` (1.x: a text string) and reads the CBOR text string that follows. A
 * manifest written some other way yields null, which the lightbox shows as "present"
 * without a name; it never yields a wrong "none found".
 */

const enc = new TextEncoder();
/** CBOR text-string headers: major type 3 with the length inline (< 24). */
const INFO_KEY = Uint8Array.of(0x60 + 20, ...enc.encode('claim_generator_info'));
const CG_KEY = Uint8Array.of(0x60 + 15, ...enc.encode('claim_generator'));
const NAME_KEY = Uint8Array.of(0x64, ...enc.encode('name'));
/** How far after `claim_generator_info` its first `name` may sit. */
const INFO_REACH = 256;
const MAX_NAME = 200;

function indexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length): number {
  const last = Math.min(to, hay.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The CBOR text string at `at`, or null when it is none (or empty, or too long). */
function cborText(b: Uint8Array, at: number): string | null {
  const ib = b[at];
  if (ib === undefined || ib >> 5 !== 3) return null;
  const info = ib & 0x1f;
  let len: number;
  let start = at + 1;
  if (info < 24) len = info;
  else if (info === 24 && at + 1 < b.length) {
    len = b[at + 1]!;
    start = at + 2;
  } else if (info === 25 && at + 2 < b.length) {
    len = (b[at + 1]! << 8) | b[at + 2]!;
    start = at + 3;
  } else return null;
  if (len === 0 || len > 4096 || start + len > b.length) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(start, start + len));
  // Shown to the user: no control characters, bounded length.
  const clean = text.replace(/\p{Cc}/gu, ' ').trim();
  return clean ? clean.slice(0, MAX_NAME) : null;
}

/** The claim generator's name in `manifest` (the bytes of a C2PA manifest store), or null. */
export function claimGeneratorIn(manifest: Uint8Array): string | null {
  const info = indexOf(manifest, INFO_KEY);
  if (info >= 0) {
    const from = info + INFO_KEY.length;
    const name = indexOf(manifest, NAME_KEY, from, from + INFO_REACH);
    const text = name >= 0 ? cborText(manifest, name + NAME_KEY.length) : null;
    if (text) return text;
  }
  for (let at = indexOf(manifest, CG_KEY); at >= 0; at = indexOf(manifest, CG_KEY, at + 1)) {
    const text = cborText(manifest, at + CG_KEY.length);
    if (text) return text;
  }
  return null;
}
