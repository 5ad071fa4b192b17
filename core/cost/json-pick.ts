// Reads a few fields out of one JSON text held as UTF-8 bytes, without decoding or building the
// rest: a log line is mostly prose and tool output the ledger never reads, and JSON.parse on it
// (with the strings and garbage it makes) was most of a cold scan. The whole text is still checked
// for JSON structure, so a truncated or run-together line is rejected as JSON.parse rejects it; only
// the contents of skipped strings are not validated (JSON writers never put raw control characters
// or bad escapes in them), and keys are matched as written (a key spelled with escapes is another
// key). Pure.

/** Which fields to read: `true` reads the value; a nested Pick reads those fields of an object value. */
export interface Pick {
  [key: string]: true | Pick;
}

/** A compiled Pick: keys as bytes. */
interface Compiled {
  keys: Uint8Array[];
  names: string[];
  subs: Array<Compiled | null>;
}

/** A value of a field that holds an object or array the Pick does not descend into. */
export const OPAQUE_OBJECT: Readonly<Record<string, never>> = Object.freeze({});
export const OPAQUE_ARRAY: readonly never[] = Object.freeze([]);

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Prepares a Pick for `pick` (do it once, not per line). */
export function compilePick(p: Pick): Compiled {
  const names = Object.keys(p);
  return { names, keys: names.map((n) => enc.encode(n)), subs: names.map((n) => (p[n] === true ? null : compilePick(p[n] as Pick))) };
}

/**
 * The picked fields of the JSON object in `b[start, end)` as a plain object (later duplicates win, as
 * with JSON.parse); strings, numbers, booleans and null as JSON.parse gives them, other objects and
 * arrays as OPAQUE_OBJECT / OPAQUE_ARRAY. Null when the text is not one JSON object.
 */
export function pick(bytes: Uint8Array, start: number, end: number, p: Compiled): Record<string, unknown> | null {
  // A view of exactly the text: reads past its end are undefined, never the next line's bytes.
  // (A plain Uint8Array: a Buffer's own subarray() is several times slower to make.)
  const b = start === 0 && end === bytes.length ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start);
  const r = new Reader(b, b.length);
  let i = r.ws(0);
  if (b[i] !== LBRACE) return null;
  const out: Record<string, unknown> = {};
  try {
    i = r.object(i, p, out);
  } catch {
    return null; // nested past the stack's depth
  }
  return i >= 0 && r.ws(i) === b.length ? out : null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

class Reader {
  constructor(
    private readonly b: Uint8Array,
    private readonly end: number,
  ) {}

  ws(i: number): number {
    const b = this.b;
    while (i < this.end) {
      const c = b[i]!;
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    return i;
  }

  /** Index after the string whose quote is at `i`, or -1. */
  stringEnd(i: number): number {
    const b = this.b;
    // Most strings (keys, ids) are short: a plain loop finds their end faster than a native call.
    const stop = Math.min(this.end, i + 40);
    for (let j = i + 1; j < stop; j++) {
      const c = b[j];
      if (c === QUOTE) return j + 1;
      if (c === BACKSLASH) return this.longStringEnd(i);
    }
    return this.longStringEnd(i);
  }

  longStringEnd(i: number): number {
    const b = this.b;
    let j = i + 1;
    for (;;) {
      const q = b.indexOf(QUOTE, j);
      if (q < 0 || q >= this.end) return -1;
      let back = 0;
      while (b[q - 1 - back] === BACKSLASH) back++;
      if ((back & 1) === 0) return q + 1;
      j = q + 1;
    }
  }

  /** Index after the object at `i` (`{`), its picked fields put in `out` when given; -1 if malformed. */
  object(i: number, p: Compiled | null, out: Record<string, unknown> | null): number {
    const b = this.b;
    i = this.ws(i + 1);
    if (b[i] === RBRACE) return i + 1;
    for (;;) {
      if (b[i] !== QUOTE) return -1;
      const ke = this.stringEnd(i);
      if (ke < 0) return -1;
      const at = p && out ? this.keyIndex(p, i + 1, ke - 1) : -1;
      i = this.ws(ke);
      if (b[i] !== COLON) return -1;
      i = this.ws(i + 1);
      if (at >= 0) {
        const sub = p!.subs[at]!;
        if (sub !== null && b[i] === LBRACE) {
          const o: Record<string, unknown> = {};
          i = this.object(i, sub, o);
          out![p!.names[at]!] = o;
        } else {
          const ve = this.value(i);
          if (ve < 0) return -1;
          out![p!.names[at]!] = this.materialize(i, ve);
          i = ve;
        }
      } else i = this.value(i);
      if (i < 0) return -1;
      i = this.ws(i);
      if (b[i] === COMMA) i = this.ws(i + 1);
      else if (b[i] === RBRACE) return i + 1;
      else return -1;
    }
  }

  array(i: number): number {
    const b = this.b;
    i = this.ws(i + 1);
    if (b[i] === RBRACKET) return i + 1;
    for (;;) {
      i = this.value(i);
      if (i < 0) return -1;
      i = this.ws(i);
      if (b[i] === COMMA) i = this.ws(i + 1);
      else if (b[i] === RBRACKET) return i + 1;
      else return -1;
    }
  }

  /** Index after the value at `i`, or -1. */
  value(i: number): number {
    const c = this.b[i];
    if (c === QUOTE) return this.stringEnd(i);
    if (c === LBRACE) return this.object(i, null, null);
    if (c === LBRACKET) return this.array(i);
    if (c === 0x74) return this.word(i, TRUE);
    if (c === 0x66) return this.word(i, FALSE);
    if (c === 0x6e) return this.word(i, NULL);
    return this.number(i);
  }

  word(i: number, w: readonly number[]): number {
    for (let k = 0; k < w.length; k++) if (this.b[i + k] !== w[k] || i + k >= this.end) return -1;
    return i + w.length;
  }

  /** A JSON number: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  number(i: number): number {
    const b = this.b;
    const digits = (j: number): number => {
      const s = j;
      while (j < this.end && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
      return j > s ? j : -1;
    };
    if (b[i] === 0x2d) i++;
    if (b[i] === 0x30) i++;
    else if ((i = digits(i)) < 0) return -1;
    if (b[i] === 0x2e && (i = digits(i + 1)) < 0) return -1;
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      if ((i = digits(i)) < 0) return -1;
    }
    return i;
  }

  keyIndex(p: Compiled, s: number, e: number): number {
    const b = this.b;
    const len = e - s;
    outer: for (let k = 0; k < p.keys.length; k++) {
      const key = p.keys[k]!;
      if (key.length !== len) continue;
      for (let j = 0; j < len; j++) if (b[s + j] !== key[j]) continue outer;
      return k;
    }
    return -1;
  }

  /** The JavaScript value of the (well-formed) value in [s, e). */
  materialize(s: number, e: number): unknown {
    const b = this.b;
    const c = b[s];
    if (c === LBRACE) return OPAQUE_OBJECT;
    if (c === LBRACKET) return OPAQUE_ARRAY;
    if (c === 0x74) return true;
    if (c === 0x66) return false;
    if (c === 0x6e) return null;
    if (c !== QUOTE && e - s < 16) {
      // A plain non-negative integer (token counts): no string made.
      let n = 0;
      let j = s;
      for (; j < e; j++) {
        const d = b[j]! - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (j === e) return n;
    }
    if (c === QUOTE) {
      let plain = true;
      for (let j = s + 1; j < e - 1; j++) {
        const x = b[j]!;
        if (x === BACKSLASH || x >= 0x80 || x < 0x20) {
          plain = false;
          break;
        }
      }
      if (plain) return latin1(b, s + 1, e - 1);
    }
    // Escapes, non-ASCII text, numbers: JSON.parse on the value alone (short).
    try {
      return JSON.parse(dec.decode(b.subarray(s, e)));
    } catch {
      return undefined;
    }
  }
}

// fromCharCode.apply over a plain array is the fastest way here to make a short string from bytes
// (over a typed array it is several times slower); long ones are decoded.
const codes: number[] = [];
function latin1(b: Uint8Array, s: number, e: number): string {
  if (e - s > 256) return dec.decode(b.subarray(s, e));
  codes.length = e - s;
  for (let j = s; j < e; j++) codes[j - s] = b[j]!;
  return String.fromCharCode.apply(null, codes);
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];
