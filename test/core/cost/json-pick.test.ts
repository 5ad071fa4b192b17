import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePick, OPAQUE_ARRAY, OPAQUE_OBJECT, pick, type Pick } from '../../../core/cost/json-pick';

const bytes = (s: string) => new TextEncoder().encode(s);
const read = (text: string, p: Pick) => {
  const b = bytes(text);
  return pick(b, 0, b.length, compilePick(p));
};

/** What JSON.parse gives for the same fields: the reference pick must equal. */
function reference(text: string, p: Pick): Record<string, unknown> | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const sel = (o: unknown, q: Pick): Record<string, unknown> | null => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o as Record<string, unknown>)) {
      if (!(k in q) || !Object.hasOwn(q, k)) continue;
      const sub = q[k]!;
      if (sub !== true && x && typeof x === 'object' && !Array.isArray(x)) out[k] = sel(x, sub);
      else out[k] = Array.isArray(x) ? OPAQUE_ARRAY : x && typeof x === 'object' ? OPAQUE_OBJECT : x;
    }
    return out;
  };
  return sel(v, p);
}

const P: Pick = { a: true, m: { id: true, usage: { n: true, s: true } }, b: true };

describe('reading a few fields of a JSON line as bytes', () => {
  it('reads the picked fields at any depth and skips the rest, however long', () => {
    const line = JSON.stringify({ x: 'he said "a": 5 \\', a: 1, content: [{ text: 'z'.repeat(10_000) }], m: { id: 'msg_1', usage: { n: 42, s: 'é"q' }, other: null }, b: [1, 2] });
    expect(read(line, P)).toEqual({ a: 1, m: { id: 'msg_1', usage: { n: 42, s: 'é"q' } }, b: OPAQUE_ARRAY });
  });

  it('rejects what JSON.parse rejects: a truncated line, two run together, trailing garbage', () => {
    const line = JSON.stringify({ a: 1, m: { id: 'x' } });
    for (const bad of [line.slice(0, -1), line.slice(0, 12), `${line.slice(0, 10)}${line}`, `${line}x`, `${line}{}`, '{"a":01}', '{"a":tru}', '{"a":1,}', '[1]', '']) expect(read(bad, P)).toBeNull();
  });

  it('gives JSON.parse’s values for any JSON object, also with spaces between tokens', () => {
    const picked = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('id', 'usage', 'n', 's', 'q'), fc.jsonValue()));
    const obj = fc.record({ a: picked, m: fc.oneof(picked, fc.record({ id: picked, usage: fc.oneof(picked, fc.record({ n: picked, s: picked })) })), b: picked, z: fc.jsonValue() }, { requiredKeys: [] });
    fc.assert(
      fc.property(obj, fc.boolean(), (o, spaced) => {
        const text = JSON.stringify(o, null, spaced ? 1 : undefined);
        expect(read(text, P)).toEqual(reference(text, P));
      }),
      { numRuns: 500 },
    );
  });

  // The one leniency: inside strings it skips, escapes and control characters are not checked.
  const badInsideString = (text: string): boolean => {
    try {
      JSON.parse(text);
      return false;
    } catch (e) {
      return /Bad (escaped|control) character|Bad Unicode escape/.test((e as Error).message) && read(text, P) !== null;
    }
  };

  it('agrees with JSON.parse on cut and spliced lines (but for escapes inside skipped strings)', () => {
    const base = JSON.stringify({ a: 'x', m: { id: 'y', usage: { n: 3, s: [true, null, -1.5e3] } }, b: { c: '\\"' } });
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 6 }), (i, j, s) => {
        const text = base.slice(0, Math.min(i, j)) + s + base.slice(Math.max(i, j));
        if (badInsideString(text)) return;
        expect(read(text, P)).toEqual(reference(text, P));
      }),
      { numRuns: 2000 },
    );
  });
});
