import { describe, expect, it } from 'vitest';
import { makeWindow } from '../../core/model';
import { applyFailure, applySuccess, backfillResets, backoffDelay, initialState } from '../../core/resilience';
import { describeError } from '../../core/present';
import { HOUR, MINUTE } from '../../core/time';
import { data } from '../support/fake-provider';

const policy = { intervalMs: 2 * MINUTE };
const T0 = Date.UTC(2026, 8, 20, 12);

describe('stale and error transitions', () => {
  const good = applySuccess(initialState('codex'), data(40, T0 + HOUR), null, T0, policy);

  it('shows the first failure after good data as stale, keeping the last-known windows', () => {
    const s = applyFailure(good, { kind: 'upstream', status: 502 }, T0 + MINUTE, policy);
    expect(s.snapshot.status).toBe('stale');
    expect(s.snapshot.windows[0]?.usedPercent).toBe(40);
    expect(s.snapshot.fetchedAt).toBe(T0);
    expect(s.snapshot.error).toEqual({ kind: 'upstream', status: 502 });
  });

  it('shows the second consecutive failure as error, still with the last-known windows', () => {
    const once = applyFailure(good, { kind: 'timeout', afterMs: 20000 }, T0 + MINUTE, policy);
    const twice = applyFailure(once, { kind: 'timeout', afterMs: 20000 }, T0 + 2 * MINUTE, policy);
    expect(twice.snapshot.status).toBe('error');
    expect(twice.snapshot.windows[0]?.usedPercent).toBe(40);
  });

  it('keeps throttled providers stale rather than error: a 429 is not a fault', () => {
    let s = good;
    for (let i = 0; i < 3; i++) s = applyFailure(s, { kind: 'rate_limited', retryAfterMs: null }, T0 + i * MINUTE, policy);
    expect(s.snapshot.status).toBe('stale');
  });

  it('shows an error with no windows when there never was good data', () => {
    const s = applyFailure(initialState('openrouter'), { kind: 'unauthorized', status: 401, hint: 'check_key' }, T0, policy);
    expect(s.snapshot.status).toBe('error');
    expect(s.snapshot.windows).toEqual([]);
  });

  it('empties the card when the credential disappears', () => {
    const s = applyFailure(good, { kind: 'unconfigured', what: 'openrouter key' }, T0 + MINUTE, policy);
    expect(s.snapshot.status).toBe('unconfigured');
    expect(s.snapshot.windows).toEqual([]);
  });

  it('returns to ok and clears the error on the next success', () => {
    const failed = applyFailure(good, { kind: 'transport', code: 'ECONNRESET' }, T0 + MINUTE, policy);
    const back = applySuccess(failed, data(55, T0 + HOUR), null, T0 + 2 * MINUTE, policy);
    expect(back.snapshot).toMatchObject({ status: 'ok', error: null, fetchedAt: T0 + 2 * MINUTE });
    expect(back.consecutiveFailures).toBe(0);
  });

  it('notes which source failed when a fallback answered', () => {
    const s = applySuccess(initialState('codex'), data(10), { kind: 'transport', code: 'ENOTFOUND' }, T0, policy);
    expect(s.snapshot.notes).toContainEqual({ code: 'fallback_source', primaryError: 'transport' });
  });
});

describe('backoff', () => {
  it('tells the user when it will really retry, not the two years a server asked for', () => {
    const s = applyFailure(initialState('claude'), { kind: 'rate_limited', retryAfterMs: 730 * 24 * HOUR }, T0, policy);
    expect(s.snapshot.error).toEqual({ kind: 'rate_limited', retryAfterMs: 730 * 24 * HOUR, retryInMs: 6 * HOUR });
    expect(s.snapshot.error && describeError(s.snapshot.error).action).toBe('Quotabar will retry in 6 h.');
  });

  it('honours Retry-After when it is longer than the poll interval', () => {
    expect(backoffDelay({ kind: 'rate_limited', retryAfterMs: 30 * MINUTE }, 1, policy)).toBe(30 * MINUTE);
  });

  it('never polls faster than the interval, even when Retry-After says one second', () => {
    expect(backoffDelay({ kind: 'rate_limited', retryAfterMs: 1000 }, 1, policy)).toBe(2 * MINUTE);
  });

  it('caps an absurd Retry-After at six hours', () => {
    expect(backoffDelay({ kind: 'rate_limited', retryAfterMs: 30 * 24 * HOUR }, 1, policy)).toBe(6 * HOUR);
  });

  it('uses the provider fallback after a 429 without Retry-After', () => {
    expect(backoffDelay({ kind: 'rate_limited', retryAfterMs: null }, 1, { ...policy, rateLimitFallbackMs: 30 * MINUTE })).toBe(
      30 * MINUTE,
    );
  });

  it('backs off exponentially after 5xx, up to 30 minutes', () => {
    const e = { kind: 'upstream', status: 503 } as const;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(e, n, policy));
    expect(delays).toEqual([30_000, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE, 30 * MINUTE, 30 * MINUTE]);
  });

  it('blocks manual refreshes only while throttled', () => {
    const throttled = applyFailure(initialState('claude'), { kind: 'rate_limited', retryAfterMs: 10 * MINUTE }, T0, policy);
    expect(throttled.blockedUntil).toBe(T0 + 10 * MINUTE);
    const broken = applyFailure(initialState('claude'), { kind: 'upstream', status: 500 }, T0, policy);
    expect(broken.blockedUntil).toBe(0);
  });
});

describe('reset-time backfill', () => {
  const prev = [makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', resetsAt: T0 + 3 * HOUR, windowMinutes: 10080 })];

  it('keeps the last-known reset time when a fetch omits it', () => {
    const next = [makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 20, windowMinutes: 10080 })];
    expect(backfillResets(prev, next, T0)[0]?.resetsAt).toBe(T0 + 3 * HOUR);
  });

  it('rolls a passed reset forward by whole window lengths', () => {
    const next = [makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', windowMinutes: 10080 })];
    const now = T0 + 3 * HOUR + 8 * 24 * HOUR;
    expect(backfillResets(prev, next, now)[0]?.resetsAt).toBe(T0 + 3 * HOUR + 14 * 24 * HOUR);
  });

  it('leaves a credit cap that stopped resetting without a reset time', () => {
    const capped = [makeWindow({ id: 'key-limit', kind: 'credits', label: 'Weekly limit', unit: 'usd', resetsAt: T0 + HOUR })];
    const never = [makeWindow({ id: 'key-limit', kind: 'credits', label: 'Key limit', unit: 'usd' })];
    expect(backfillResets(capped, never, T0)[0]?.resetsAt).toBeNull();
  });

  it('never overrides a reset time the provider did send', () => {
    const next = [makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', resetsAt: T0 + HOUR })];
    expect(backfillResets(prev, next, T0)[0]?.resetsAt).toBe(T0 + HOUR);
  });
});
