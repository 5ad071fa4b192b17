// Edges of the resilience rules: when a spend cap is checked again, how a 429 without Retry-After
// backs off, which reset time a window inherits, and when a failure keeps the last values.
import { describe, expect, it } from 'vitest';
import { makeWindow, type UsageWindow } from '../../core/model';
import { applyFailure, applySuccess, backfillResets, backoffDelay, initialState } from '../../core/resilience';
import { HOUR, MINUTE } from '../../core/time';
import { data } from '../support/fake-provider';

const T0 = Date.UTC(2026, 8, 20, 12, 0, 0);
const policy = { intervalMs: 2 * MINUTE };
const throttled = { kind: 'rate_limited', retryAfterMs: null } as const;

describe('backoff edges', () => {
  it('checks a reached spend cap again after an hour, or after the interval when that is longer', () => {
    const cap = { kind: 'rate_limited', retryAfterMs: null, spendCap: true } as const;
    expect(backoffDelay(cap, 1, policy)).toBe(60 * MINUTE);
    expect(backoffDelay(cap, 1, { intervalMs: 90 * MINUTE })).toBe(90 * MINUTE);
  });

  it('doubles the wait after each 429 without Retry-After, from the interval up to 30 minutes', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(throttled, n, policy))).toEqual([2, 4, 8, 16, 30, 30].map((m) => m * MINUTE));
  });

  it('never shortens a provider fallback that is already longer than 30 minutes', () => {
    expect(backoffDelay(throttled, 3, { ...policy, rateLimitFallbackMs: 45 * MINUTE })).toBe(45 * MINUTE);
  });

  it('doubles from the interval, not the Retry-After, when the server keeps asking for short waits', () => {
    const short = { kind: 'rate_limited', retryAfterMs: 1000 } as const;
    expect(backoffDelay(short, 3, { ...policy, rateLimitFallbackMs: 45 * MINUTE })).toBe(8 * MINUTE);
  });

  it('waits the plain interval after a rejected key or a garbled answer', () => {
    expect(backoffDelay({ kind: 'unauthorized', status: 401, hint: null }, 5, policy)).toBe(2 * MINUTE);
    expect(backoffDelay({ kind: 'malformed', detail: 'x' }, 1, { intervalMs: 10 * MINUTE })).toBe(10 * MINUTE);
  });

  it('retries a first blip after 30 s, or sooner when the interval is shorter', () => {
    expect(backoffDelay({ kind: 'timeout', afterMs: 15_000 }, 1, { intervalMs: 10_000 })).toBe(10_000);
  });
});

describe('what a failure shows', () => {
  it('schedules the next check one interval later when the credential is gone', () => {
    const s = applyFailure(initialState('codex'), { kind: 'unconfigured', what: 'auth.json' }, T0, policy);
    expect(s.nextDueAt).toBe(T0 + 2 * MINUTE);
    expect(s.snapshot.status).toBe('unconfigured');
  });

  it('keeps the last values when the last success had only notes', () => {
    const ok = applySuccess(initialState('openrouter'), { ...data(1), windows: [], notes: [{ code: 'unlimited_credits' }] }, null, T0, policy);
    const s = applyFailure(ok, { kind: 'upstream', status: 502 }, T0 + MINUTE, policy);
    expect(s.snapshot.status).toBe('stale');
    expect(s.snapshot.notes).toEqual([{ code: 'unlimited_credits' }]);
  });

  it('shows an error, not stale, after a success that had nothing to show', () => {
    const ok = applySuccess(initialState('openrouter'), { ...data(1), windows: [], notes: [] }, null, T0, policy);
    expect(applyFailure(ok, { kind: 'upstream', status: 502 }, T0 + MINUTE, policy).snapshot.status).toBe('error');
  });

  it('starts a provider that was never polled as not set up, due at once', () => {
    const s = initialState('claude');
    expect(s.snapshot).toMatchObject({ providerId: 'claude', status: 'unconfigured', windows: [] });
    expect(s.nextDueAt).toBe(0);
  });
});

describe('reset-time backfill edges', () => {
  const weekly = (over: Partial<UsageWindow>) => makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', ...over });

  it('rolls forward once the old reset is exactly now', () => {
    const prev = [weekly({ resetsAt: T0, windowMinutes: 10080 })];
    expect(backfillResets(prev, [weekly({ windowMinutes: 10080 })], T0)[0]?.resetsAt).toBe(T0 + 7 * 24 * HOUR);
  });

  it('takes the window length from the last-known window when the new one lacks it', () => {
    const prev = [weekly({ resetsAt: T0 - HOUR, windowMinutes: 300 })];
    expect(backfillResets(prev, [weekly({})], T0)[0]?.resetsAt).toBe(T0 + 4 * HOUR);
  });

  it('leaves the reset unknown when no length is known, or the length is not positive', () => {
    expect(backfillResets([weekly({ resetsAt: T0 - HOUR })], [weekly({})], T0)[0]?.resetsAt).toBeNull();
    expect(backfillResets([weekly({ resetsAt: T0 - HOUR })], [weekly({ windowMinutes: -5 })], T0)[0]?.resetsAt).toBeNull();
  });

  it('inherits only from the window with the same id', () => {
    const prev = [makeWindow({ id: 'session', kind: 'session', label: '5-hour', resetsAt: T0 + HOUR, windowMinutes: 300 })];
    expect(backfillResets(prev, [weekly({ windowMinutes: 10080 })], T0)[0]?.resetsAt).toBeNull();
  });
});
