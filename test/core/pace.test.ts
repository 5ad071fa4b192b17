import { describe, expect, it } from 'vitest';
import { makeWindow, type UsageWindow } from '../../core/model';
import { paceOf } from '../../core/pace';
import type { HistorySample } from '../../core/ports';
import { HOUR, MINUTE as MIN } from '../../core/time';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);

/** A 5-hour session window that resets `resetsIn` after NOW, with `used` % used. */
function session(used: number | null, resetsIn: number, extra: Partial<UsageWindow> = {}): UsageWindow {
  return makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: used, resetsAt: NOW + resetsIn, windowMinutes: 300, ...extra });
}

function sample(at: number, usedPercent: number | null): HistorySample {
  return { at, providerId: 'claude', accountLabel: null, windowId: 'session', usedPercent, used: null, limit: null, remaining: null, resetsAt: null, source: null };
}

describe('pace of a rolling window', () => {
  it('expects use spread evenly: 3 h into a 5-hour window is 60 %', () => {
    const p = paceOf(session(72, 2 * HOUR), NOW);
    expect(p?.expectedPercent).toBeCloseTo(60, 10);
    expect(p?.deltaPercent).toBeCloseTo(12, 10);
  });

  it('reads use below the even spread as a reserve (negative delta)', () => {
    const p = paceOf(session(52, 2 * HOUR), NOW);
    expect(p?.deltaPercent).toBeCloseTo(-8, 10);
    expect(p?.lastsUntilReset).toBe(true);
    expect(p?.runsOutAt).toBeNull();
  });

  it('stays hidden until 3 % of the window has elapsed', () => {
    // 3 % of 5 h is 9 min.
    expect(paceOf(session(10, 300 * MIN - 8 * MIN), NOW)).toBeNull();
    expect(paceOf(session(10, 300 * MIN - 9 * MIN), NOW)).not.toBeNull();
  });

  it('projects a run-out before the reset at the average rate since the window began', () => {
    // A 330-min window, 240 min in: 80 % is 20 %/h, so the last 20 % goes in 1 h, half an hour before the reset.
    const p = paceOf(session(80, 90 * MIN, { windowMinutes: 330 }), NOW);
    expect(p).toMatchObject({ runsOutAt: NOW + HOUR, lastsUntilReset: false, basis: 'average' });
  });

  it('says the window lasts until reset when the projected run-out is after it', () => {
    // 40 % in 4 h is 10 %/h: 6 h to go, the reset comes in 1 h.
    expect(paceOf(session(40, HOUR), NOW)).toMatchObject({ runsOutAt: null, lastsUntilReset: true });
  });

  it('projects at the recent rate when there are enough recent readings', () => {
    // 55 % in 4 h on average would last past the reset in 1 h; but 30 % went in the last 30 min
    // (60 %/h), so the last 45 % runs out in 45 min.
    const recent = [sample(NOW - 30 * MIN, 25), sample(NOW - 15 * MIN, 40)];
    expect(paceOf(session(55, HOUR), NOW)).toMatchObject({ lastsUntilReset: true, basis: 'average' });
    expect(paceOf(session(55, HOUR), NOW, recent)).toMatchObject({ runsOutAt: NOW + 45 * MIN, lastsUntilReset: false, basis: 'recent' });
  });

  it('falls back to the average rate with too few recent readings or readings from before the window began', () => {
    const few = [sample(NOW - 30 * MIN, 0)];
    expect(paceOf(session(40, HOUR), NOW, few)).toMatchObject({ lastsUntilReset: true, basis: 'average' });
    // Readings older than a tenth of the window (30 min) are not recent.
    const old = [sample(NOW - 90 * MIN, 0), sample(NOW - 80 * MIN, 1)];
    expect(paceOf(session(40, HOUR), NOW, old)).toMatchObject({ basis: 'average' });
    // A span under half the recent span (15 min) is too short to be a trend.
    const close = [sample(NOW - 2 * MIN, 0), sample(NOW - MIN, 1)];
    expect(paceOf(session(40, HOUR), NOW, close)).toMatchObject({ basis: 'average' });
  });

  it('treats use that went down in recent readings as no spending: lasts until reset', () => {
    const recent = [sample(NOW - 30 * MIN, 60), sample(NOW - 15 * MIN, 50)];
    expect(paceOf(session(40, HOUR), NOW, recent)).toMatchObject({ lastsUntilReset: true, basis: 'recent' });
  });

  it('reports a used-up window as out now', () => {
    expect(paceOf(session(100, HOUR), NOW)).toMatchObject({ runsOutAt: NOW, lastsUntilReset: false });
  });

  it('does not apply to credit windows, unknown length, reset or use, or a window past its reset', () => {
    expect(paceOf(session(40, HOUR, { kind: 'credits' }), NOW)).toBeNull();
    expect(paceOf(session(40, HOUR, { windowMinutes: null }), NOW)).toBeNull();
    expect(paceOf(session(40, HOUR, { resetsAt: null }), NOW)).toBeNull();
    expect(paceOf(session(null, HOUR), NOW)).toBeNull();
    expect(paceOf(session(40, 0), NOW)).toBeNull();
  });
});
