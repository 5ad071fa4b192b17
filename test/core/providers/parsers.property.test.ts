import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { UsageWindow } from '../../../core/model';
import { decodeJwtPayload, parseCodexAuth } from '../../../core/providers/codex/auth';
import { parseCodexHeaders } from '../../../core/providers/codex/headers';
import { parseUsageResponse } from '../../../core/providers/codex/provider';
import { maskKey, parseCreditsResponse, parseKeyResponse, toOpenRouterWindows, type CreditsAnswer } from '../../../core/providers/openrouter/provider';

const RUNS = { numRuns: 300 };

// Values that stress lossy readers: numbers of every size, numeric strings, junk.
const field = fc.oneof(
  { arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, 0, 1, 20, 0.001, -3.5, 1790003600), weight: 4 },
  { arbitrary: fc.double(), weight: 2 },
  {
    arbitrary: fc.constantFrom('', ' ', '0', '-1', '1e308', '-1e308', '1e400', 'NaN', 'Infinity', '12.5', 'daily', 'weekly', 'monthly', '2026-09-20T12:00:00Z'),
    weight: 2,
  },
  { arbitrary: fc.integer({ min: -1e15, max: 1e15 }).map(String), weight: 1 },
  { arbitrary: fc.jsonValue(), weight: 1 },
);
// Every known key, each present or absent, so combinations of fields get exercised.
const objectOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, field])), { requiredKeys: [] });
const now = fc.integer({ min: 0, max: 8_000_000_000_000 });

const KEY_FIELDS = ['label', 'limit', 'limit_remaining', 'limit_reset', 'usage', 'usage_daily', 'usage_weekly', 'usage_monthly', 'is_free_tier', 'expires_at'];
const WINDOW_FIELDS = ['used_percent', 'limit_window_seconds', 'reset_after_seconds', 'reset_at'];
const HEADER_NAMES = ['primary', 'secondary'].flatMap((w) =>
  ['used-percent', 'window-minutes', 'reset-at', 'reset-after-seconds'].map((s) => `x-codex-${w}-${s}`),
).concat(['x-codex-credits-has-credits', 'x-codex-credits-unlimited', 'x-codex-credits-balance', 'x-codex-plan-type', 'x-codex-rate-limit-reached-type']);
const headerValue = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom('', '0', 'true', 'False', '1', '1e308'));

function expectSaneWindows(windows: UsageWindow[]): void {
  for (const w of windows) {
    for (const n of [w.usedPercent, w.used, w.limit, w.remaining, w.resetsAt, w.windowMinutes]) {
      expect(n === null || Number.isFinite(n)).toBe(true);
    }
  }
}

describe('provider parsers on arbitrary input', () => {
  it('OpenRouter /key and /credits parsers never throw and give finite numbers or nulls', () => {
    const body = fc.oneof(fc.jsonValue(), fc.record({ data: fc.oneof(objectOf(KEY_FIELDS), fc.jsonValue()) }));
    const credits = fc.oneof(fc.jsonValue(), fc.record({ data: objectOf(['total_credits', 'total_usage']) }));
    fc.assert(
      fc.property(body, credits, now, (k, c, t) => {
        const key = parseKeyResponse(k);
        const bal = parseCreditsResponse(c);
        if (!key) return;
        const answers: Array<CreditsAnswer | null> = [null, { kind: 'no_spending_limit' }];
        if (bal) answers.push({ kind: 'balance', credits: bal });
        for (const a of answers) expectSaneWindows(toOpenRouterWindows(key, a, t).windows);
      }),
      RUNS,
    );
  });

  it('the Codex usage parser never throws and gives finite numbers or nulls', () => {
    const win = fc.oneof(objectOf(WINDOW_FIELDS), fc.jsonValue());
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({
        plan_type: field,
        rate_limit: fc.oneof(fc.record({ primary_window: win, secondary_window: win, limit_reached: field }), fc.jsonValue()),
        credits: fc.oneof(objectOf(['has_credits', 'unlimited', 'balance']), fc.jsonValue()),
      }),
    );
    fc.assert(
      fc.property(body, now, (b, t) => {
        const r = parseUsageResponse(b, t);
        if (r) expectSaneWindows(r.windows);
      }),
      RUNS,
    );
  });

  it('the x-codex header parser never throws on arbitrary header maps', () => {
    const known = fc.dictionary(fc.constantFrom(...HEADER_NAMES), headerValue);
    const any = fc.dictionary(fc.string(), fc.string());
    fc.assert(
      fc.property(fc.oneof(known, any), now, (h, t) => {
        const r = parseCodexHeaders(h, t);
        if (r) expectSaneWindows(r.windows);
      }),
      RUNS,
    );
  });

  it('the auth.json parser and JWT decoder never throw', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ auth_mode: field, OPENAI_API_KEY: field, tokens: fc.oneof(objectOf(['id_token', 'access_token', 'account_id']), field) }).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(text, fc.string(), (t, jwt) => {
        const r = parseCodexAuth(t);
        expect(typeof r.ok).toBe('boolean');
        decodeJwtPayload(jwt);
        decodeJwtPayload(`x.${jwt}.y`);
      }),
      RUNS,
    );
  });

  it('maskKey never reveals more than the last three characters of a key body', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 120 }), (k) => {
        const masked = maskKey(k);
        const shown = masked.slice(masked.indexOf('…') + 1);
        expect(shown.length).toBeLessThanOrEqual(3);
      }),
      RUNS,
    );
  });
});
