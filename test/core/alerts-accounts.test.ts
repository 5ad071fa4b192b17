// Alerts with several accounts of one provider: each account's window crosses on its own, once,
// and the notification says which account it is about.
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, initialAlertState, type Alert, type AlertState } from '../../core/alerts';
import { alertText } from '../../core/alerts-text';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { DEFAULT_SETTINGS } from '../../core/settings';

const T0 = Date.UTC(2026, 8, 20, 12);
const HOUR = 3_600_000;
const settings = { ...DEFAULT_SETTINGS, thresholds: [80, 95], lowBalanceUsd: 2 };

function snap(providerId: string, accountLabel: string | null, usedPercent: number, fetchedAt: number): ProviderSnapshot {
  return {
    ...emptySnapshot(providerId, 'ok', accountLabel),
    fetchedAt,
    attemptedAt: fetchedAt,
    windows: [makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt: T0 + 5 * HOUR })],
  };
}

function run() {
  let state: AlertState = initialAlertState();
  return (snaps: ProviderSnapshot[], now: number): Alert[] => {
    const r = evaluateAlerts(state, snaps, settings, now);
    state = r.state;
    return r.alerts;
  };
}

describe('alerts per account', () => {
  for (const id of ['openrouter', 'codex', 'claude']) {
    it(`${id}: fires once for each account that crosses, and not again for the same crossing`, () => {
      const see = run();
      const first = see([snap(id, null, 10, T0), snap(id, 'work', 90, T0), snap(id, 'home', 85, T0)], T0);
      expect(first.map((a) => [a.accountLabel, a.threshold])).toEqual([['work', 80], ['home', 80]]);
      expect(new Set(first.map((a) => a.id)).size).toBe(2);
      // The same accounts fetched again at the same level: nothing new.
      expect(see([snap(id, null, 10, T0 + 1), snap(id, 'work', 91, T0 + 1), snap(id, 'home', 86, T0 + 1)], T0 + 1)).toEqual([]);
      // The implicit account crossing later is its own crossing.
      const later = see([snap(id, null, 82, T0 + 2), snap(id, 'work', 91, T0 + 2), snap(id, 'home', 86, T0 + 2)], T0 + 2);
      expect(later.map((a) => a.accountLabel)).toEqual([null]);
    });
  }

  it('judges an account’s new data even when another account of the provider fetched later', () => {
    const see = run();
    see([snap('codex', 'work', 10, T0 + 50), snap('codex', 'home', 10, T0)], T0 + 50);
    // home's next fetch is older than work's last one: it must still be judged.
    const r = see([snap('codex', 'work', 10, T0 + 50), snap('codex', 'home', 90, T0 + 10)], T0 + 60);
    expect(r.map((a) => a.accountLabel)).toEqual(['home']);
  });

  it('forgets a removed account, so adding it back fires again', () => {
    const see = run();
    expect(see([snap('claude', 'work', 90, T0)], T0)).toHaveLength(1);
    see([snap('claude', null, 10, T0 + 1)], T0 + 1);
    expect(see([snap('claude', 'work', 90, T0 + 2)], T0 + 2)).toHaveLength(1);
  });

  it('names the account in the notification, and the implicit account as before', () => {
    const see = run();
    const [implicit, work] = see([snap('claude', null, 90, T0), snap('claude', 'work', 90, T0)], T0);
    expect(alertText(work!, T0).title).toBe('Claude (work): 5-hour at 90 % used');
    expect(alertText(implicit!, T0).title).toBe('Claude: 5-hour at 90 % used');
    expect(implicit!.id).toBe('claude/session/threshold');
    expect(work!.id).toBe('claude:work/session/threshold');
  });
});
