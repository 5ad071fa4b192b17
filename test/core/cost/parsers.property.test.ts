import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaudeCostLine } from '../../../core/providers/claude/cost-log';
import { codexCostParser } from '../../../core/providers/codex/cost-log';
import { claudeLine, codexTokens } from './fixtures';

// Any JSON value, sometimes wrapped in the shapes the parsers look for, so the deep paths are reached.
const shaped = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify({ timestamp: '2026-11-30T00:00:00Z', requestId: 'r', message: { id: 'm', model: v, usage: v } })),
  fc.jsonValue().map((v) => JSON.stringify({ type: 'progress', data: { message: { timestamp: v, requestId: 'r', message: { usage: { input_tokens: v, output_tokens: 1 } } } } })),
  fc.jsonValue().map((v) => JSON.stringify({ timestamp: '2026-11-30T00:00:00Z', type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: v, last_token_usage: v, model: v } } })),
  fc.jsonValue().map((v) => JSON.stringify({ type: 'turn_context', payload: { model: v } })),
  fc.tuple(fc.nat(400), fc.string()).map(([cut, s]) => (claudeLine() + codexTokens('2026-11-30T00:00:00Z', 5, 1, 2)).slice(0, cut) + s),
);

describe('the log parsers', () => {
  it('never throw, whatever a line holds', () => {
    fc.assert(
      fc.property(fc.array(shaped, { maxLength: 8 }), (lines) => {
        const codex = codexCostParser(null);
        for (const l of lines) {
          expect(() => parseClaudeCostLine(l)).not.toThrow();
          expect(() => codex.line(l)).not.toThrow();
        }
        expect(() => JSON.stringify(codex.state())).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('never return negative or non-finite token counts', () => {
    fc.assert(
      fc.property(fc.array(shaped, { maxLength: 8 }), (lines) => {
        const codex = codexCostParser(null);
        for (const l of lines) {
          for (const e of [parseClaudeCostLine(l), codex.line(l)]) {
            if (!e) continue;
            for (const n of [e.input, e.output, e.cacheCreation, e.cacheRead, e.at]) expect(Number.isFinite(n) && (n >= 0 || n === e.at)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
