import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutKey } from '../../../core/cost/slim-json';

describe('cutting content out of a line before parsing', () => {
  it('replaces every value of the key, at any depth, keeping everything else', () => {
    const line = JSON.stringify({ a: 1, content: [{ text: 'he said "content": [' }, { x: '\\' }], m: { content: 'x\\"y', usage: { n: 2 } }, z: [1, 2] });
    expect(JSON.parse(withoutKey(line, 'content'))).toEqual({ a: 1, content: 0, m: { content: 0, usage: { n: 2 } }, z: [1, 2] });
  });

  it('leaves a line it cannot delimit unchanged', () => {
    const cut = '{"content":["abc';
    expect(withoutKey(cut, 'content')).toBe(cut);
  });

  it('never changes the other fields of any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), (o, content) => {
        const text = JSON.stringify({ ...o, content, tail: o });
        const expected = { ...o, content: 0, tail: o };
        const strip = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'content' ? 0 : strip(x)])) : v;
        expect(JSON.stringify(JSON.parse(withoutKey(text, "content")))).toBe(JSON.stringify(strip(JSON.parse(JSON.stringify(expected)))));
      }),
      { numRuns: 300 },
    );
  });
});
