import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGeminiCredentials } from '../../../../core/providers/gemini/credentials';
import { quotaWindows } from '../../../../core/providers/gemini/quota';
import { parseLoadCodeAssist } from '../../../../core/providers/gemini/tier';

const field = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 1.0000001, 75, 'REQUESTS', 'INPUT_TOKENS', '0.4', '', '2026-09-21T07:00:00Z', 'soon', 1790168400000, null),
  fc.double(),
  fc.jsonValue(),
);
const bucket = fc.record(Object.fromEntries(['remainingAmount', 'remainingFraction', 'resetTime', 'tokenType', 'modelId'].map((k) => [k, field])), { requiredKeys: [] });
const quota = fc.oneof(fc.jsonValue(), fc.record({ buckets: fc.oneof(fc.array(fc.oneof(bucket, fc.jsonValue())), fc.jsonValue()) }, { requiredKeys: [] }));
const tiers = fc.record(
  { currentTier: field, paidTier: field, cloudaicompanionProject: field, ineligibleTiers: fc.oneof(fc.array(fc.record({ reasonCode: field, validationUrl: field })), field) },
  { requiredKeys: [] },
);

describe('Gemini parsers on arbitrary input', () => {
  it('never throw and give finite numbers or nulls', () => {
    fc.assert(
      fc.property(quota, tiers, fc.integer({ min: 0, max: 8_000_000_000_000 }), (q, t, now) => {
        parseLoadCodeAssist(t);
        parseGeminiCredentials(JSON.stringify(t) ?? '');
        for (const w of quotaWindows(q, now) ?? []) {
          for (const n of [w.usedPercent, w.remaining, w.resetsAt, w.windowMinutes]) expect(n === null || Number.isFinite(n)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
