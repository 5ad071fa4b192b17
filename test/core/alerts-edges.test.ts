// Edges of the alert rules a user feels as a notification too many or one missing: the hysteresis
// that re-arms a threshold, the low-balance line, the moment a period ends, and stale data.
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, initialAlertState, LOW_BALANCE_HYSTERESIS_USD, RESET_SHIFT_TOLERANCE_MS, THRESHOLD_HYSTERESIS, type Alert, type AlertState } from '../../core/alerts';
import { makeWindow, type ProviderSnapshot, type UsageWindow } from '../../core/model';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { HOUR, MINUTE } from '../../core/time';

const T0 = Date.UTC(2026, 8, 20, 12, 0, 0);
const RESET = T0 + 5 * HOUR;

function driver(settings: Partial<Settings> = {}) {
  let state: AlertState = initialAlertState();
  const all = { ...DEFAULT_SETTINGS, ...settings };
  return (now: number, ...snaps: ProviderSnapshot[]): Alert[] => {
    const r = evaluateAlerts(state, snaps, all, now);
    state = r.state;
    return r.alerts;
  };
}

const snap = (w: UsageWindow, fetchedAt: number, providerId = 'claude'): ProviderSnapshot => ({
  providerId,
  accountLabel: null,
  status: 'ok',
  error: null,
  fetchedAt,
  attemptedAt: fetchedAt,
  source: 'test',
  windows: [w],
  notes: [],
  account: null,
});
const session = (usedPercent: number, resetsAt: number | null = RESET) =>
  makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt, windowMinutes: 300 });
const credits = (remaining: number) => makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd', remaining });
const kinds = (a: Alert[]) => a.map((x) => `${x.kind}:${x.threshold ?? ''}`);

describe('threshold alerts', () => {
  it('fire at exactly the threshold', () => {
    const see = driver();
    expect(kinds(see(T0, snap(session(80), T0)))).toEqual(['threshold:80']);
  });

  it('re-arm only after use falls more than the hysteresis below the threshold', () => {
    const see = driver();
    see(T0, snap(session(81), T0));
    see(T0 + MINUTE, snap(session(80 - THRESHOLD_HYSTERESIS), T0 + MINUTE));
    expect(see(T0 + 2 * MINUTE, snap(session(81), T0 + 2 * MINUTE))).toEqual([]);
    see(T0 + 3 * MINUTE, snap(session(80 - THRESHOLD_HYSTERESIS - 0.1), T0 + 3 * MINUTE));
    expect(kinds(see(T0 + 4 * MINUTE, snap(session(81), T0 + 4 * MINUTE)))).toEqual(['threshold:80']);
  });

  it('say nothing for data from a period that already ended', () => {
    const see = driver();
    expect(see(RESET, snap(session(99, RESET), RESET))).toEqual([]);
  });

  it('say nothing again for the same fetch seen twice, or an older one', () => {
    const see = driver();
    see(T0, snap(session(85), T0));
    expect(see(T0 + MINUTE, snap(session(97), T0))).toEqual([]);
    expect(see(T0 + MINUTE, snap(session(97), T0 - MINUTE))).toEqual([]);
    expect(kinds(see(T0 + MINUTE, snap(session(97), T0 + MINUTE)))).toEqual(['threshold:95']);
  });

  it('carry an id naming the provider, window and kind', () => {
    const see = driver();
    expect(see(T0, snap(session(90), T0))[0]?.id).toBe('claude/session/threshold');
  });
});

describe('the end of a period', () => {
  it('re-arms thresholds the moment the reset time comes, and announces it when asked', () => {
    const see = driver({ resetNotice: true });
    see(T0, snap(session(85), T0));
    expect(kinds(see(RESET, snap(session(2, RESET + 5 * HOUR), RESET)))).toEqual(['reset:']);
    expect(kinds(see(RESET + MINUTE, snap(session(85, RESET + 5 * HOUR), RESET + MINUTE)))).toEqual(['threshold:80']);
  });

  it('counts a reset time moved later by more than a minute as a new period, but not a small shift', () => {
    const see = driver({ resetNotice: true });
    see(T0, snap(session(85), T0));
    expect(see(T0 + MINUTE, snap(session(85, RESET + RESET_SHIFT_TOLERANCE_MS), T0 + MINUTE))).toEqual([]);
    expect(kinds(see(T0 + 2 * MINUTE, snap(session(85, RESET + 2 * RESET_SHIFT_TOLERANCE_MS + 1), T0 + 2 * MINUTE)))).toEqual(['reset:', 'threshold:80']);
  });

  it('announces no reset for a window that never crossed a threshold', () => {
    const see = driver({ resetNotice: true });
    see(T0, snap(session(10), T0));
    expect(see(RESET, snap(session(0, RESET + 5 * HOUR), RESET))).toEqual([]);
  });
});

describe('low-balance alerts', () => {
  it('fire below the line, not at it, and once until the balance recovers by the hysteresis', () => {
    const see = driver({ lowBalanceUsd: 2 });
    expect(see(T0, snap(credits(2), T0, 'openrouter'))).toEqual([]);
    expect(kinds(see(T0 + 1, snap(credits(1.99), T0 + 1, 'openrouter')))).toEqual(['low_balance:2']);
    expect(see(T0 + 2, snap(credits(1.5), T0 + 2, 'openrouter'))).toEqual([]);
    see(T0 + 3, snap(credits(2 + LOW_BALANCE_HYSTERESIS_USD - 0.01), T0 + 3, 'openrouter'));
    expect(see(T0 + 4, snap(credits(1.9), T0 + 4, 'openrouter'))).toEqual([]);
    see(T0 + 5, snap(credits(2 + LOW_BALANCE_HYSTERESIS_USD), T0 + 5, 'openrouter'));
    expect(kinds(see(T0 + 6, snap(credits(1.9), T0 + 6, 'openrouter')))).toEqual(['low_balance:2']);
  });

  it('ignore balances in other units and windows that are not credits', () => {
    const see = driver({ lowBalanceUsd: 2 });
    const eur = makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'eur', remaining: 0.5 });
    const monthly = makeWindow({ id: 'monthly', kind: 'monthly', label: 'Monthly', unit: 'usd', remaining: 0.5 });
    expect(see(T0, snap(eur, T0, 'openrouter'), snap(monthly, T0, 'codex'))).toEqual([]);
  });
});
