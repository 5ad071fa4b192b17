import { describe, it, expect } from 'vitest';
import { evaluateAlerts, initialAlertState, type Alert, type AlertState } from '../../core/alerts';
import { alertText } from '../../core/alerts-text';
import { makeWindow, type ProviderSnapshot, type UsageWindow } from '../../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { HOUR, MINUTE } from '../../core/time';
import { FakeClock } from '../support/fake-clock';

// A tiny driver: each `see` is one poller emission judged at the clock's current time.
function rules(settings: Settings = DEFAULT_SETTINGS) {
  const clock = new FakeClock();
  let state: AlertState = initialAlertState();
  const fired: Alert[] = [];
  return {
    clock,
    fired,
    see(...snapshots: ProviderSnapshot[]): Alert[] {
      const r = evaluateAlerts(state, snapshots, settings, clock.now());
      state = r.state;
      fired.push(...r.alerts);
      return r.alerts;
    },
  };
}

function snap(
  windows: UsageWindow[],
  fetchedAt: number,
  status: ProviderSnapshot['status'] = 'ok',
  providerId = 'codex',
): ProviderSnapshot {
  return {
    providerId,
    accountLabel: null,
    status,
    error: status === 'ok' ? null : { kind: 'transport', code: 'ECONNRESET' },
    fetchedAt,
    attemptedAt: fetchedAt,
    source: 'test',
    windows,
    notes: [],
    account: null,
  };
}

const session = (usedPercent: number, resetsAt: number) =>
  makeWindow({ id: 'session', kind: 'session', label: '5-hour window', usedPercent, resetsAt, windowMinutes: 300 });

const credit = (remaining: number) =>
  makeWindow({ id: 'credits', kind: 'credits', label: 'Credit', remaining, unit: 'usd' });

describe('threshold alerts', () => {
  it('fires once at 80 % and once at 95 % as a window fills up', async () => {
    const r = rules();
    const reset = r.clock.now() + 4 * HOUR;
    for (const used of [40, 81, 85, 90, 96, 97, 99]) {
      r.see(snap([session(used, reset)], r.clock.now()));
      await r.clock.advance(2 * MINUTE);
    }
    expect(r.fired.map((a) => [a.kind, a.threshold])).toEqual([
      ['threshold', 80],
      ['threshold', 95],
    ]);
  });

  it('fires only the highest threshold when a window jumps past several at once', () => {
    const r = rules();
    const alerts = r.see(snap([session(97, r.clock.now() + HOUR)], r.clock.now()));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.threshold).toBe(95);
  });

  it('does not fire again from the kept values of a stale or error snapshot', async () => {
    const r = rules();
    const reset = r.clock.now() + 4 * HOUR;
    const fetchedAt = r.clock.now();
    r.see(snap([session(90, reset)], fetchedAt));
    await r.clock.advance(2 * MINUTE);
    r.see(snap([session(90, reset)], fetchedAt, 'stale'));
    r.see(snap([session(90, reset)], fetchedAt, 'error'));
    expect(r.fired).toHaveLength(1);
  });

  it('does not fire from old data after the window reset while the provider is failing', async () => {
    const r = rules();
    const reset = r.clock.now() + 30 * MINUTE;
    const fetchedAt = r.clock.now();
    r.see(snap([session(96, reset)], fetchedAt));
    await r.clock.advance(45 * MINUTE);
    // The period is over (re-armed), but the only data is the failing provider's last-known 96 %.
    r.see(snap([session(96, reset)], fetchedAt, 'error'));
    expect(r.fired).toHaveLength(1);
  });

  it('re-arms when the window resets and fires again in the next period', async () => {
    const r = rules();
    let reset = r.clock.now() + HOUR;
    r.see(snap([session(85, reset)], r.clock.now()));
    await r.clock.advance(HOUR + MINUTE);
    reset = r.clock.now() + 5 * HOUR;
    r.see(snap([session(3, reset)], r.clock.now()));
    await r.clock.advance(2 * HOUR);
    r.see(snap([session(82, reset)], r.clock.now()));
    expect(r.fired.map((a) => a.threshold)).toEqual([80, 80]);
  });

  it('treats a clearly later reset time in fresh data as a new period even before the old one passed', async () => {
    const r = rules();
    r.see(snap([session(85, r.clock.now() + HOUR)], r.clock.now()));
    await r.clock.advance(10 * MINUTE);
    r.see(snap([session(86, r.clock.now() + 5 * HOUR)], r.clock.now()));
    expect(r.fired.map((a) => a.threshold)).toEqual([80, 80]);
  });

  it('ignores a reset time that wobbles by a few seconds between fetches', async () => {
    const r = rules();
    const reset = r.clock.now() + HOUR;
    r.see(snap([session(85, reset)], r.clock.now()));
    await r.clock.advance(2 * MINUTE);
    r.see(snap([session(86, reset + 3_000)], r.clock.now()));
    expect(r.fired).toHaveLength(1);
  });

  it('re-arms a threshold only after usage drops below it by the hysteresis', async () => {
    const r = rules();
    const reset = r.clock.now() + 4 * HOUR;
    for (const used of [81, 77, 81, 74, 80]) {
      r.see(snap([session(used, reset)], r.clock.now()));
      await r.clock.advance(2 * MINUTE);
    }
    expect(r.fired.map((a) => a.threshold)).toEqual([80, 80]);
  });

  it('uses the thresholds from settings', () => {
    const r = rules({ ...DEFAULT_SETTINGS, thresholds: [50] });
    expect(r.see(snap([session(60, r.clock.now() + HOUR)], r.clock.now()))[0]?.threshold).toBe(50);
  });

  it('keeps windows of different providers apart', () => {
    const r = rules();
    const reset = r.clock.now() + HOUR;
    r.see(snap([session(85, reset)], r.clock.now(), 'ok', 'codex'), snap([session(85, reset)], r.clock.now(), 'ok', 'claude'));
    expect(r.fired.map((a) => a.providerId)).toEqual(['codex', 'claude']);
  });

  it('forgets a provider that was removed, so adding it back starts fresh', async () => {
    const r = rules();
    const reset = r.clock.now() + 4 * HOUR;
    r.see(snap([session(85, reset)], r.clock.now()));
    r.see();
    await r.clock.advance(MINUTE);
    r.see(snap([session(85, reset)], r.clock.now()));
    expect(r.fired).toHaveLength(2);
  });
});

describe('low-balance alerts', () => {
  it('fires when OpenRouter credit drops below the dollar line, once', async () => {
    const r = rules();
    for (const left of [5, 2.5, 1.9, 1.5, 1.2]) {
      r.see(snap([credit(left)], r.clock.now(), 'ok', 'openrouter'));
      await r.clock.advance(2 * MINUTE);
    }
    expect(r.fired.map((a) => [a.kind, a.remaining])).toEqual([['low_balance', 1.9]]);
  });

  it('re-arms after a top-up lifts the balance above the line plus the hysteresis', async () => {
    const r = rules();
    for (const left of [1.5, 2.2, 1.5, 10, 1.8]) {
      r.see(snap([credit(left)], r.clock.now(), 'ok', 'openrouter'));
      await r.clock.advance(2 * MINUTE);
    }
    expect(r.fired.map((a) => a.remaining)).toEqual([1.5, 1.8]);
  });

  it('fires for an overdrawn balance and stays quiet when the line is 0', () => {
    expect(rules().see(snap([credit(-0.4)], 1, 'ok', 'openrouter'))).toHaveLength(1);
    expect(rules({ ...DEFAULT_SETTINGS, lowBalanceUsd: 0 }).see(snap([credit(-0.4)], 1, 'ok', 'openrouter'))).toEqual([]);
  });

  it('ignores balances in other currencies', () => {
    const eur = makeWindow({ id: 'credits', kind: 'credits', label: 'Credit', remaining: 1, unit: 'eur' });
    expect(rules().see(snap([eur], 1, 'ok', 'openrouter'))).toEqual([]);
  });
});

describe('reset notices', () => {
  it('are off by default', async () => {
    const r = rules();
    r.see(snap([session(90, r.clock.now() + HOUR)], r.clock.now()));
    await r.clock.advance(2 * HOUR);
    r.see(snap([session(1, r.clock.now() + 5 * HOUR)], r.clock.now()));
    expect(r.fired.map((a) => a.kind)).toEqual(['threshold']);
  });

  it('announce the reset of a window that had reached a threshold, once', async () => {
    const r = rules({ ...DEFAULT_SETTINGS, resetNotice: true });
    r.see(snap([session(90, r.clock.now() + HOUR)], r.clock.now()));
    r.see(snap([session(10, r.clock.now() + 5 * HOUR)], r.clock.now())); // same fetch time: not new data
    await r.clock.advance(HOUR + MINUTE);
    r.see(snap([session(90, r.clock.now() - MINUTE)], r.clock.now() - HOUR, 'stale'));
    r.see(snap([session(90, r.clock.now() - MINUTE)], r.clock.now() - HOUR, 'stale'));
    expect(r.fired.map((a) => a.kind)).toEqual(['threshold', 'reset']);
  });

  it('stay quiet for a window that never got near its limit', async () => {
    const r = rules({ ...DEFAULT_SETTINGS, resetNotice: true });
    r.see(snap([session(20, r.clock.now() + HOUR)], r.clock.now()));
    await r.clock.advance(2 * HOUR);
    r.see(snap([session(1, r.clock.now() + 5 * HOUR)], r.clock.now()));
    expect(r.fired).toEqual([]);
  });
});

describe('alert words', () => {
  const now = Date.UTC(2026, 8, 20, 12);
  const base: Alert = {
    id: 'codex/session/threshold',
    kind: 'threshold',
    providerId: 'codex',
    accountLabel: null,
    windowId: 'session',
    windowLabel: '5-hour window',
    windowKind: 'session',
    threshold: 95,
    usedPercent: 96.4,
    remaining: null,
    unit: 'percent',
    resetsAt: now + HOUR + 12 * MINUTE,
  };

  it('name the provider, the window, the share used and when it resets', () => {
    expect(alertText(base, now)).toEqual({
      title: 'Codex: 5-hour window at 96 % used',
      body: '96 % used (alert at 95 %) · resets in 1 h 12 min',
    });
  });

  it('say the limit is reached at 100 %', () => {
    expect(alertText({ ...base, usedPercent: 100 }, now).title).toBe('Codex: 5-hour window limit reached');
  });

  it('never say "100 %" of a limit not yet reached: just under it, the share keeps a decimal', () => {
    expect(alertText({ ...base, usedPercent: 99.6 }, now)).toEqual({
      title: 'Codex: 5-hour window at 99.6 % used',
      body: '99.6 % used (alert at 95 %) · resets in 1 h 12 min',
    });
    expect(alertText({ ...base, usedPercent: 99.97 }, now).title).toBe('Codex: 5-hour window at 99.9 % used');
  });

  it('give the dollars left for a low balance', () => {
    const a: Alert = { ...base, kind: 'low_balance', providerId: 'openrouter', threshold: 2, remaining: 1.5, unit: 'usd' };
    expect(alertText(a, now)).toEqual({ title: 'OpenRouter credit is low', body: '$1.50 left (alert below $2.00)' });
  });
});
