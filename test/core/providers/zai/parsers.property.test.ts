import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQuotaBody } from '../../../../core/providers/zai/provider';
import { parseQuota, toZaiWindows } from '../../../../core/providers/zai/windows';

const field = fc.oneof(
  fc.constantFrom(1e308, -1e308, 0, 1, 3, 5, 6, 100, -5, 1790168400000, 'TOKENS_LIMIT', 'TIME_LIMIT', '', '5', 'NaN', null),
  fc.double(),
  fc.jsonValue(),
);
const limit = fc.record(Object.fromEntries(['type', 'unit', 'number', 'usage', 'currentValue', 'remaining', 'percentage', 'nextResetTime'].map((k) => [k, field])), { requiredKeys: [] });
const body = fc.oneof(
  fc.jsonValue(),
  fc.record({ code: field, success: fc.oneof(fc.boolean(), field), data: fc.oneof(fc.record({ level: field, limits: fc.array(fc.oneof(limit, fc.jsonValue())) }), fc.jsonValue()) }, { requiredKeys: [] }),
);

describe('Z.ai parsers on arbitrary input', () => {
  it('never throw and give finite numbers or nulls', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 8_000_000_000_000 }), (b, now) => {
        readQuotaBody(JSON.stringify(b) ?? '');
        const q = parseQuota(b);
        if (!q) return;
        for (const w of toZaiWindows(q, now)) {
          for (const n of [w.usedPercent, w.resetsAt, w.windowMinutes]) expect(n === null || Number.isFinite(n)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
