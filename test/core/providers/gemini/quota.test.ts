import { describe, expect, it } from 'vitest';
import { windowAmounts, windowFigure } from '../../../../core/present';
import { modelLabel, quotaWindows } from '../../../../core/providers/gemini/quota';
import { fixture } from '../load-fixture';

const now = Date.parse('2026-09-20T12:00:00Z');
const RESET = Date.parse('2026-09-21T07:00:00Z');
const windows = (name: string) => quotaWindows(fixture('gemini', name), now)!;

describe('Gemini quota buckets', () => {
  it('shows one daily window per model: used % from the remaining fraction, the reset from resetTime, the label from modelId', () => {
    const ws = windows('quota-three-models');
    expect(ws.map((w) => [w.id, w.label, w.usedPercent, w.remaining, w.unit])).toEqual([
      ['gemini-2.5-pro', 'Gemini 2.5 Pro', 38, 744, 'requests'],
      ['gemini-2.5-flash', 'Gemini 2.5 Flash', 9, 1365, 'requests'],
      ['gemini-2.5-flash-lite', 'Gemini 2.5 Flash Lite', 3, 1940, 'requests'],
    ]);
    // Fractional seconds past milliseconds are truncated, not misread.
    expect(ws.map((w) => w.resetsAt)).toEqual([RESET, RESET + 123, RESET]);
    for (const w of ws) expect([w.kind, w.windowMinutes]).toEqual(['daily', 1440]);
    expect(windowFigure(ws[0]!)).toBe('38 % used');
    expect(windowAmounts(ws[0]!)).toBe('744 requests left');
  });

  it('never invents 0 % or 100 % for a bucket without remainingFraction: the remaining count, or no figure at all', () => {
    const ws = windows('quota-missing-fraction');
    expect(ws.map((w) => [w.id, w.usedPercent, w.remaining])).toEqual([
      ['gemini-2.5-pro', null, 0],
      ['gemini-2.5-flash', null, null],
      ['gemini-2.0-flash', 50, null],
    ]);
    expect(windowAmounts(ws[0]!)).toBe('0 requests left');
    expect(windowFigure(ws[1]!)).toBe('—');
  });

  it('groups a model’s token types together, requests first, newest model first', () => {
    const ws = windows('quota-token-types');
    expect(ws.map((w) => [w.id, w.label, w.usedPercent])).toEqual([
      ['gemini-3-pro-preview', 'Gemini 3 Pro Preview', 0],
      ['gemini-2.5-pro', 'Gemini 2.5 Pro', 70],
      ['gemini-2.5-pro:input_tokens', 'Gemini 2.5 Pro · input tokens', 20],
      // No tokenType: requests, as Gemini CLI's buckets are.
      ['gemini-2.5-flash', 'Gemini 2.5 Flash', 75],
    ]);
    // A token count is not a request count: only the share is shown.
    expect(ws[2]!.unit).toBe('percent');
  });

  it('reads numeric strings, drops a fraction outside 0–1, an implausible or garbled reset and a bucket without a model, keeps the first of duplicates', () => {
    const ws = windows('quota-hostile-values');
    expect(ws.map((w) => [w.id, w.usedPercent, w.remaining, w.resetsAt, w.windowMinutes])).toEqual([
      ['gemini-2.5-pro', 60, 12, RESET, 1440],
      ['gemini-2.5-flash', null, null, null, null],
      ['gemini-2.5-flash-lite', 90, null, null, null],
    ]);
  });

  it('leaves the window length unknown when the reset is more than a day away', () => {
    const [w] = quotaWindows({ buckets: [{ modelId: 'gemini-2.5-pro', remainingFraction: 0.5, resetTime: '2026-09-23T12:00:00Z' }] }, now)!;
    expect([w!.kind, w!.windowMinutes, w!.resetsAt]).toEqual(['daily', null, Date.parse('2026-09-23T12:00:00Z')]);
  });

  it('reads a wrapped {response:{buckets}} answer, and gives null for a body that is not an object', () => {
    expect(quotaWindows({ response: fixture('gemini', 'quota-three-models') }, now)).toHaveLength(3);
    expect(quotaWindows('<html>', now)).toBeNull();
    expect(quotaWindows(fixture('gemini', 'quota-no-buckets'), now)).toEqual([]);
  });

  it('turns model ids into words', () => {
    expect(modelLabel('gemini-2.5-flash-lite')).toBe('Gemini 2.5 Flash Lite');
    expect(modelLabel('gemini-2.5-pro_vertex')).toBe('Gemini 2.5 Pro Vertex');
    expect(modelLabel('x')).toBe('X');
  });
});
