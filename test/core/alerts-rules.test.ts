// Alert rules at the places a user would get a notification too many or miss one: windows with no
// reset time, snapshots never fetched or older than one already seen, the exact moment of a reset,
// and a capped credit balance after a top-up; plus the low-balance rule the card and tray share.
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, initialAlertState, isLowBalance, lowBalanceOf, type Alert, type AlertState } from '../../core/alerts';
import { makeWindow, type ProviderSnapshot, type UsageWindow } from '../../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { HOUR, MINUTE } from '../../core/time';

const T0 = Date.UTC(2026, 8, 20, 12, 0, 0);
const RESET = T0 + 5 * HOUR;

function driver(settings: Partial<Settings> = {}) {
  let state: AlertState = initialAlertState();
  const all = { ...DEFAULT_SETTINGS, ...settings };
  return (now: number, ...snaps: ProviderSnapshot[]): string[] => {
    const r = evaluateAlerts(state, snaps, all, now);
    state = r.state;
    return r.alerts.map((a: Alert) => `${a.kind}:${a.threshold ?? ''}`);
  };
}
const snap = (windows: UsageWindow[], fetchedAt: number | null, providerId = 'claude'): ProviderSnapshot => ({
  providerId,
  accountLabel: null,
  status: fetchedAt === null ? 'error' : 'ok',
  error: null,
  fetchedAt,
  attemptedAt: T0,
  source: 'test',
  windows,
  notes: [],
  account: null,
});
const session = (usedPercent: number, resetsAt: number | null = RESET) =>
  makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt, windowMinutes: 300 });

describe('a window without a reset time', () => {
  it('alerts at its thresholds, once each, and never announces a reset', () => {
    const see = driver({ resetNotice: true });
    expect(see(T0, snap([session(85, null)], T0))).toEqual(['threshold:80']);
    expect(see(T0 + MINUTE, snap([session(86, null)], T0 + MINUTE))).toEqual([]);
    expect(see(T0 + 2 * MINUTE, snap([session(96, null)], T0 + 2 * MINUTE))).toEqual(['threshold:95']);
  });
});

describe('which snapshots count as new data', () => {
  it('not one that was never fetched', () => {
    const see = driver();
    expect(see(T0, snap([session(90)], null))).toEqual([]);
  });

  it('not one older than the newest already seen, even after an older one came between', () => {
    const see = driver();
    see(T0, snap([session(50)], T0 + 2 * MINUTE));
    expect(see(T0 + 3 * MINUTE, snap([session(90)], T0))).toEqual([]);
    expect(see(T0 + 4 * MINUTE, snap([session(90)], T0 + MINUTE))).toEqual([]);
    expect(see(T0 + 5 * MINUTE, snap([session(90)], T0 + 3 * MINUTE))).toEqual(['threshold:80']);
  });

  it('remembers the newest fetch through a snapshot that has none', () => {
    const see = driver();
    see(T0, snap([session(50)], T0 + 2 * MINUTE));
    see(T0 + 3 * MINUTE, snap([session(50)], null));
    expect(see(T0 + 4 * MINUTE, snap([session(90)], T0 + MINUTE))).toEqual([]);
  });
});

describe('the reset of a period', () => {
  it('is announced at exactly the reset time, even while the provider is failing', () => {
    const see = driver({ resetNotice: true });
    see(T0, snap([session(85)], T0));
    expect(see(RESET - 1, snap([session(85)], T0))).toEqual([]);
    expect(see(RESET, snap([session(85)], T0))).toEqual(['reset:']);
  });

  it('is not inferred from a later reset time in data that is not new', () => {
    const see = driver({ resetNotice: true });
    see(T0, snap([session(85)], T0));
    expect(see(T0 + MINUTE, snap([session(85, RESET + HOUR)], T0))).toEqual([]);
  });
});

describe('a capped credit balance (a share used and dollars left)', () => {
  const capped = (usedPercent: number, remaining: number) =>
    makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd', usedPercent, remaining, limit: 10 });

  it('keeps its threshold alerts working after a top-up re-arms the low-balance alert', () => {
    const see = driver({ lowBalanceUsd: 2 });
    expect(see(T0, snap([capped(85, 1.5)], T0, 'openrouter'))).toEqual(['threshold:80', 'low_balance:2']);
    expect(see(T0 + 1, snap([capped(10, 9)], T0 + 1, 'openrouter'))).toEqual([]);
    expect(see(T0 + 2, snap([capped(96, 0.4)], T0 + 2, 'openrouter'))).toEqual(['threshold:95', 'low_balance:2']);
  });
});

describe('the low-balance rule', () => {
  const credit = (remaining: number | null, unit = 'usd', kind: 'credits' | 'monthly' = 'credits') =>
    makeWindow({ id: kind, kind, label: 'Credits', unit: unit as 'usd', remaining });

  it('holds for a dollar credit balance strictly below a line above zero', () => {
    expect(isLowBalance(credit(1.99), 2)).toBe(true);
    expect(isLowBalance(credit(-3), 2)).toBe(true);
    expect(isLowBalance(credit(2), 2)).toBe(false);
    expect(isLowBalance(credit(0), 0)).toBe(false);
    expect(isLowBalance(credit(-1), 0)).toBe(false);
  });

  it('does not hold for another currency, another kind of window, or an unknown balance', () => {
    expect(isLowBalance(credit(1, 'eur'), 2)).toBe(false);
    expect(isLowBalance(credit(1, 'usd', 'monthly'), 2)).toBe(false);
    expect(isLowBalance(credit(null), 2)).toBe(false);
  });

  it('names the first low window of a snapshot, or nothing', () => {
    const s = snap([credit(5, 'usd', 'monthly'), credit(3), credit(1.25)], T0, 'openrouter');
    expect(lowBalanceOf({ ...s, windows: [credit(1.25), credit(0.5)] }, 2)).toEqual({ remaining: 1.25, threshold: 2, unit: 'usd' });
    expect(lowBalanceOf(s, 2)).toEqual({ remaining: 1.25, threshold: 2, unit: 'usd' });
    expect(lowBalanceOf({ ...s, windows: [credit(3)] }, 2)).toBeNull();
  });
});

describe('team keys (OpenRouter team view)', () => {
  it('never alert, even at 100 % or below the low-balance line: they are other people\'s keys', () => {
    const [evaluate, initial, make, settings] = [evaluateAlerts, initialAlertState, makeWindow, DEFAULT_SETTINGS];
    const team = make({ id: 'team:abc', kind: 'credits', label: 'Ana', usedPercent: 100, used: 10, limit: 10, remaining: 0, unit: 'usd', teamKey: { name: 'Ana', label: 'sk-or-v1-abc…def', disabled: false } });
    const own = make({ id: 'key-limit', kind: 'credits', label: 'Weekly limit', usedPercent: 10, used: 1, limit: 10, remaining: 9, unit: 'usd' });
    const s = { providerId: 'openrouter', accountLabel: null, status: 'ok' as const, error: null, fetchedAt: 1_000, attemptedAt: 1_000, source: 'openrouter:/key', windows: [own, team], notes: [], account: null };
    const first = evaluate(initial(), [s], { ...settings, lowBalanceUsd: 5 }, 1_000);
    const second = evaluate(first.state, [{ ...s, fetchedAt: 2_000, attemptedAt: 2_000 }], { ...settings, lowBalanceUsd: 5 }, 2_000);
    expect([...first.alerts, ...second.alerts]).toEqual([]);
    expect(lowBalanceOf(s, 5)).toBeNull();
    // The same window without the team mark does alert: the mark is what keeps it quiet.
    const { teamKey: _drop, ...plain } = team;
    const third = evaluate(initial(), [{ ...s, windows: [own, { ...plain, id: 'other' }] }], { ...settings, lowBalanceUsd: 5 }, 1_000);
    const fourth = evaluate(third.state, [{ ...s, fetchedAt: 2_000, windows: [own, { ...plain, id: 'other' }] }], { ...settings, lowBalanceUsd: 5 }, 2_000);
    expect([...third.alerts, ...fourth.alerts].length).toBeGreaterThan(0);
  });
});
