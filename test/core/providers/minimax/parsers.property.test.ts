import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRemainsBody } from '../../../../core/providers/minimax/provider';
import { parseRemains, toMiniMaxWindows } from '../../../../core/providers/minimax/windows';

const field = fc.oneof(
  fc.constantFrom(1e308, -1e308, 0, 1, 3, 100, -5, 1004, 1790168400000, 1790168400, 'general', '', '57', 'NaN', null),
  fc.double(),
  fc.jsonValue(),
);
const keys = ['model_name', 'start_time', 'end_time', 'current_interval_remaining_percent', 'current_weekly_status', 'weekly_end_time', 'current_weekly_remaining_percent'];
const entry = fc.record(Object.fromEntries(keys.map((k) => [k, field])), { requiredKeys: [] });
const body = fc.oneof(
  fc.jsonValue(),
  fc.record({ model_remains: fc.oneof(fc.array(fc.oneof(entry, fc.jsonValue())), field), base_resp: fc.oneof(fc.record({ status_code: field, status_msg: field }, { requiredKeys: [] }), fc.jsonValue()) }, { requiredKeys: [] }),
);

describe('MiniMax parsers on arbitrary input', () => {
  it('never throw and give finite numbers or nulls', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 8_000_000_000_000 }), (b, now) => {
        readRemainsBody(JSON.stringify(b) ?? '');
        const a = parseRemains(b);
        if (!a) return;
        for (const w of toMiniMaxWindows(a.remains, now)) {
          for (const n of [w.usedPercent, w.resetsAt, w.windowMinutes]) expect(n === null || Number.isFinite(n)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
