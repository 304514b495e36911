/**
 * Splits the UTF-8 bytes of one big JSON list into the bytes of its elements, chunk by chunk,
 * so that each element can be decoded and `JSON.parse`d on its own: the whole text is never one
 * string, and only one element is held at a time. Structural bytes (`[]{}",:\` and whitespace)
 * are all ASCII and bytes ≥ 0x80 never are, so multi-byte UTF-8 split across chunks needs no
 * care. Strings are skipped with `indexOf('"')` (native) rather than byte by byte: that is what
 * makes this several times faster than a token-by-token streaming parser (bench/json-stream.mjs).
 *
 * The splitter checks the list's own syntax (brackets, commas, what follows the list); each
 * element's inside is checked by the `JSON.parse` its caller runs, so together they accept
 * exactly what `JSON.parse` of the whole text would. Also accepted: a top-level object whose
 * `conversations` member is the list (its other members are checked and dropped).
 */

/** Why a split failed: the text is not JSON, or its top level is not a list. */
export class JsonSplitError extends Error {
  constructor(readonly kind: 'not-json' | 'not-list') {
    super(kind);
  }
}

// Where the splitter stands between values.
enum At {
  Start, // before the top-level value (whitespace, or a byte-order mark at byte 0)
  Bom1, // after EF
  Bom2, // after EF BB
  ListFirst, // after `[`
  ListNext, // after `,` in the list
  ListAfter, // after an element
  ObjFirst, // after the top-level `{`
  ObjKey, // after `,` in the top-level object
  ObjColon, // after a member's key
  ObjValue, // after `:`
  ObjAfter, // after a member's value
  End, // after the top-level value: only whitespace may follow
}
// What a value being read is for, once complete.
enum For {
  Element,
  Key,
  Skip,
  Top,
}
enum Kind {
  None,
  Nested, // an object or a list: ends where its depth returns to 0
  Str, // a string: ends at its unescaped closing quote
  Bare, // a number, true/false/null or garbage: ends at whitespace, `,`, `]` or `}`
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes and parses one element's bytes; throws JsonSplitError('not-json') when malformed. */
export function parseBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new JsonSplitError('not-json');
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Feeds bytes in with {@link push}, then {@link end}. Throws JsonSplitError. */
export class JsonListSplitter {
  private at = At.Start;
  private top: 'list' | 'wrapped' | 'other' | null = null;
  private inner = false; // the list is the wrapped object's `conversations`
  private key: unknown = null;
  private elements = 0;
  // The value being read.
  private kind = Kind.None;
  private purpose = For.Element;
  private depth = 0;
  private inStr = false;
  private esc = false;
  private parts: Uint8Array[] = [];
  private seen = 0; // bytes pushed so far (the BOM is only skipped at byte 0)

  /** Takes the next chunk; returns the bytes of every element it completes, in order. */
  push(b: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    const base = this.seen;
    this.seen += b.length;
    let i = 0;
    let start = 0; // where the value being read starts in `b`
    while (i < b.length) {
      if (this.kind !== Kind.None) {
        const end = this.scan(b, i);
        if (end < 0) {
          this.parts.push(b.slice(start)); // copied: the stream may reuse its buffers
          return out;
        }
        this.complete(this.take(b.subarray(start, end)), out);
        i = end;
        continue;
      }
      const c = b[i] as number;
      if (this.at === At.Start && c === 0xef && base + i === 0) this.at = At.Bom1;
      else if (this.at === At.Bom1 && c === 0xbb) this.at = At.Bom2;
      else if (this.at === At.Bom2 && c === 0xbf) this.at = At.Start;
      else if (this.at === At.Bom1 || this.at === At.Bom2) throw notJson();
      else if (isSpace(c)) {
        // between values
      } else if (!this.structural(c)) {
        start = i;
        if (this.begin(c) === Kind.Bare) continue; // its first byte is scanned like the rest
      }
      i++;
    }
    if (this.kind !== Kind.None) this.parts.push(b.slice(start)); // a value begun on the last byte
    return out;
  }

  /** The text has ended: throws when it was cut short, or was JSON but not a list. */
  end(): void {
    if (this.kind === Kind.Bare && this.purpose === For.Top) this.complete(this.take(new Uint8Array(0)), []);
    if (this.at === At.Start && this.kind === Kind.None) throw notList(); // empty, or only whitespace
    if (this.at !== At.End || this.kind !== Kind.None) throw notJson();
    if (this.top === 'other' || (this.top === 'wrapped' && this.elements === 0)) throw notList();
  }

  /** Handles a non-space byte between values; false when it starts a value. */
  private structural(c: number): boolean {
    switch (this.at) {
      case At.Start:
        if (c === 0x5b) [this.top, this.at] = ['list', At.ListFirst];
        else if (c === 0x7b) [this.top, this.at] = ['wrapped', At.ObjFirst];
        else [this.top, this.purpose] = ['other', For.Top];
        return this.top !== 'other';
      case At.ListFirst:
      case At.ListAfter:
        if (c === 0x5d) this.at = this.inner ? At.ObjAfter : At.End;
        else if (this.at === At.ListAfter && c === 0x2c) this.at = At.ListNext;
        else if (this.at === At.ListAfter) throw notJson();
        else return this.value(For.Element);
        return true;
      case At.ListNext:
        return this.value(For.Element);
      case At.ObjFirst:
      case At.ObjAfter:
        if (c === 0x7d) this.at = At.End;
        else if (this.at === At.ObjAfter && c === 0x2c) this.at = At.ObjKey;
        else if (this.at === At.ObjAfter || c !== 0x22) throw notJson();
        else return this.value(For.Key);
        return true;
      case At.ObjKey:
        if (c !== 0x22) throw notJson();
        return this.value(For.Key);
      case At.ObjColon:
        if (c !== 0x3a) throw notJson();
        this.at = At.ObjValue;
        return true;
      case At.ObjValue:
        if (c === 0x5b && this.key === 'conversations') {
          [this.inner, this.at] = [true, At.ListFirst];
          return true;
        }
        return this.value(For.Skip);
      default:
        throw notJson(); // something after the top-level value
    }
  }

  /** A value starts here, read for `purpose`: says so to the caller (false: not structural). */
  private value(purpose: For): false {
    this.purpose = purpose;
    return false;
  }

  /** Starts reading a value whose first byte is `c` (for the purpose already set). */
  private begin(c: number): Kind {
    if (c === 0x7b || c === 0x5b) [this.kind, this.depth, this.inStr] = [Kind.Nested, 1, false];
    else if (c === 0x22) [this.kind, this.depth, this.inStr] = [Kind.Str, 0, true];
    else if (c === 0x5d || c === 0x7d || c === 0x2c || c === 0x3a) throw notJson();
    else this.kind = Kind.Bare;
    this.esc = false;
    return this.kind;
  }

  /**
   * Reads on from `i` (past the value's first byte); returns the index just past the value's
   * end, or -1 when `b` ends first (the state is kept for the next chunk).
   */
  private scan(b: Uint8Array, i: number): number {
    const n = b.length;
    if (this.kind === Kind.Bare) {
      for (; i < n; i++) {
        const c = b[i] as number;
        if (isSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) return i;
      }
      return -1;
    }
    let { depth, inStr, esc } = this;
    while (i < n) {
      if (inStr) {
        if (esc) {
          esc = false;
          i++;
          continue;
        }
        const q = b.indexOf(0x22, i);
        // A quote ends the string unless an odd run of backslashes comes before it.
        let k = q < 0 ? n : q;
        while (k > i && b[k - 1] === 0x5c) k--;
        const odd = (((q < 0 ? n : q) - k) & 1) === 1;
        if (q < 0) {
          esc = odd;
          break;
        }
        i = q + 1;
        if (!odd) {
          inStr = false;
          if (depth === 0) return this.done(i);
        }
        continue;
      }
      const c = b[i++] as number;
      if (c === 0x22) inStr = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) return this.done(i);
    }
    [this.depth, this.inStr, this.esc] = [depth, inStr, esc];
    return -1;
  }

  private done(i: number): number {
    this.kind = Kind.None;
    return i;
  }

  /** The whole value: the parts read from earlier chunks, then `last`. */
  private take(last: Uint8Array): Uint8Array {
    this.kind = Kind.None;
    if (this.parts.length === 0) return last;
    const size = this.parts.reduce((s, p) => s + p.length, last.length);
    const all = new Uint8Array(size);
    let at = 0;
    for (const p of [...this.parts, last]) {
      all.set(p, at);
      at += p.length;
    }
    this.parts = [];
    return all;
  }

  private complete(bytes: Uint8Array, out: Uint8Array[]): void {
    switch (this.purpose) {
      case For.Element:
        out.push(bytes);
        this.elements++;
        this.at = At.ListAfter;
        break;
      case For.Key:
        this.key = parseBytes(bytes);
        this.at = At.ObjColon;
        break;
      case For.Skip:
        parseBytes(bytes); // checked, then dropped
        this.at = At.ObjAfter;
        break;
      case For.Top:
        parseBytes(bytes); // JSON, but not a list: end() says so once the text is over
        this.at = At.End;
        break;
    }
  }
}

const notJson = () => new JsonSplitError('not-json');
const notList = () => new JsonSplitError('not-list');
