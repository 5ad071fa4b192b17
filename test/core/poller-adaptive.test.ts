// Adaptive polling on a FakeClock: fewer requests when nothing moves, quick when it does, and never
// sooner than a provider's own backoff.
import { describe, expect, it } from 'vitest';
import { NO_ACTIVITY } from '../../core/cadence';
import { createPoller } from '../../core/poller';
import { HOUR, MINUTE } from '../../core/time';
import { FakeClock } from '../support/fake-clock';
import { data, scriptedProvider } from '../support/fake-provider';
import { crossingDelayMin, idleDayRequests, usageProvider } from '../support/polling-sim';

const adaptive = { mode: 'adaptive' as const, thresholds: [80, 95], signals: NO_ACTIVITY };

describe('adaptive polling over a simulated day', () => {
  it('asks at most a fifth as often as the fixed 2-minute cadence on a day when nothing changes', async () => {
    const fixed = await idleDayRequests({ mode: 'fixed' });
    const adapt = await idleDayRequests({ mode: 'adaptive' });
    expect(fixed).toBe(721);
    expect(adapt).toBeLessThanOrEqual(fixed * 0.2);
  });

  it('sees a threshold crossing within 2 minutes, even after hours of quiet at the slowest cadence', async () => {
    for (let quiet = 240.3; quiet < 300; quiet += 3.7) {
      const delay = await crossingDelayMin({ mode: 'adaptive' }, quiet);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(2);
    }
  });
});

describe('adaptive polling in the poller', () => {
  it('speeds up at once when the popover is opened on an account that had slowed to 30 minutes', async () => {
    const clock = new FakeClock();
    const p = usageProvider(clock, () => 30);
    const poller = createPoller({ providers: [p], clock, scheduler: clock, cadence: adaptive });
    poller.start();
    await clock.advance(5 * HOUR);
    const before = p.polls.length;
    const last = p.polls[before - 1]!.at;
    expect(p.polls[before - 1]!.at - p.polls[before - 2]!.at).toBe(30 * MINUTE);
    poller.setCadence({ signals: { ...NO_ACTIVITY, lookedAt: clock.now() } });
    await clock.advance(Math.max(0, last + MINUTE - clock.now()));
    expect(p.polls.length).toBe(before + 1);
    await clock.advance(MINUTE);
    expect(p.polls.length).toBe(before + 2);
  });

  it('never asks sooner than a Retry-After, whatever the user is doing', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', { kind: 'rate_limited', retryAfterMs: 20 * MINUTE }, data(75));
    const poller = createPoller({ providers: [a], clock, scheduler: clock, cadence: adaptive });
    poller.start();
    await clock.advance(0);
    poller.setCadence({ signals: { ...NO_ACTIVITY, lookedAt: clock.now() } });
    await clock.advance(20 * MINUTE - 1);
    expect(a.calls).toBe(1);
    await clock.advance(1);
    expect(a.calls).toBe(2);
    // 75 % is near the 80 % threshold: now every minute.
    await clock.advance(MINUTE);
    expect(a.calls).toBe(3);
  });

  it('keeps the fixed interval when the user chose one, and moves to it when switched', async () => {
    const clock = new FakeClock();
    const p = usageProvider(clock, () => 30);
    const poller = createPoller({ providers: [p], clock, scheduler: clock, intervalMs: 10 * MINUTE, cadence: adaptive });
    poller.start();
    await clock.advance(5 * HOUR);
    poller.setCadence({ mode: 'fixed' });
    const n = p.polls.length;
    await clock.advance(HOUR);
    // The last poll was up to 30 minutes ago, so the first fixed one may be due at once: 6 or 7 in the hour.
    expect(p.polls.length - n).toBeGreaterThanOrEqual(6);
    expect(p.polls.length - n).toBeLessThanOrEqual(7);
    const gaps = p.polls.slice(n).map((x, i, all) => (i ? x.at - all[i - 1]!.at : null)).filter((g) => g !== null);
    expect(new Set(gaps)).toEqual(new Set([10 * MINUTE]));
  });
});
