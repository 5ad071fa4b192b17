import { describe, it, expect } from 'vitest';
import { evaluateAlerts, initialAlertState, type Alert, type AlertState } from '../../core/alerts';
import { alertText } from '../../core/alerts-text';
import { makeWindow, type ProviderSnapshot } from '../../core/model';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../core/settings';
import { HOUR, MINUTE } from '../../core/time';
import { FakeClock } from '../support/fake-clock';

const OPTED: Settings = { ...DEFAULT_SETTINGS, predictiveAlerts: ['claude'], predictiveMarginMin: 30 };

// Each `see` is one poll judged at the clock's time; only pace alerts are kept.
function rules(settings: Settings = OPTED) {
  const clock = new FakeClock();
  let state: AlertState = initialAlertState();
  return {
    clock,
    see(...snapshots: ProviderSnapshot[]): Alert[] {
      const r = evaluateAlerts(state, snapshots, settings, clock.now());
      state = r.state;
      return r.alerts.filter((a) => a.kind === 'pace');
    },
  };
}

/** A 5-hour window `usedPercent` used, resetting at `resetsAt`, fetched now. */
function fiveHour(now: number, usedPercent: number, resetsAt: number, providerId = 'claude', accountLabel: string | null = null): ProviderSnapshot {
  const w = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt, windowMinutes: 300 });
  return { providerId, accountLabel, status: 'ok', error: null, fetchedAt: now, attemptedAt: now, source: 'test', windows: [w], notes: [], account: null };
}

describe('pace alert', () => {
  it('warns once when the window runs out well before it resets, in words with both durations', () => {
    const r = rules();
    const now = r.clock.now();
    const reset = now + 3 * HOUR; // 2 h of 5 elapsed; 60 % used → 30 %/h → out in 1 h 20 min
    const all = r.see(fiveHour(now, 60, reset));
    expect(all).toHaveLength(1);
    const a = all[0] as Alert;
    expect(a.runsOutAt).toBe(now + 80 * MINUTE);
    expect(alertText(a, now)).toEqual({
      title: 'Claude: 5-hour on pace to run out before it resets',
      body: 'At this pace you run out in 1 h 20 min, 1 h 40 min before it resets.',
    });
  });

  it('does not warn again on the next polls of the same period, even with a jittering reset time', async () => {
    const r = rules();
    const start = r.clock.now();
    const reset = start + 3 * HOUR;
    expect(r.see(fiveHour(start, 60, reset))).toHaveLength(1);
    await r.clock.advance(2 * MINUTE);
    expect(r.see(fiveHour(r.clock.now(), 62, reset))).toEqual([]);
    await r.clock.advance(2 * MINUTE);
    expect(r.see(fiveHour(r.clock.now(), 64, reset + 30_000))).toEqual([]);
  });

  it('is re-armed when the window resets: the next period warns again', async () => {
    const r = rules();
    const start = r.clock.now();
    expect(r.see(fiveHour(start, 60, start + 3 * HOUR))).toHaveLength(1);
    await r.clock.advance(5 * HOUR);
    const now = r.clock.now();
    const again = r.see(fiveHour(now, 60, now + 3 * HOUR));
    expect(again).toHaveLength(1);
    expect(again[0]?.resetsAt).toBe(now + 3 * HOUR);
  });

  it('stays quiet when the run-out is not more than the margin before the reset', () => {
    // 45 % after 2 h → out in 2 h 26 min 40 s, 33 min 20 s before the reset.
    const strict = rules({ ...OPTED, predictiveMarginMin: 40 });
    const now = strict.clock.now();
    expect(strict.see(fiveHour(now, 45, now + 3 * HOUR))).toEqual([]);
    const loose = rules({ ...OPTED, predictiveMarginMin: 30 });
    expect(loose.see(fiveHour(now, 45, now + 3 * HOUR))).toHaveLength(1);
  });

  it('stays quiet when the window lasts until its reset', () => {
    const r = rules();
    const now = r.clock.now();
    expect(r.see(fiveHour(now, 30, now + 3 * HOUR))).toEqual([]);
  });

  it('stays quiet for a provider that is not opted in, and by default', () => {
    const now = new FakeClock().now();
    expect(rules().see(fiveHour(now, 60, now + 3 * HOUR, 'codex'))).toEqual([]);
    expect(rules(DEFAULT_SETTINGS).see(fiveHour(now, 60, now + 3 * HOUR))).toEqual([]);
  });

  it('names the account, and each account of the provider warns on its own', () => {
    const r = rules();
    const now = r.clock.now();
    const alerts = r.see(fiveHour(now, 60, now + 3 * HOUR), fiveHour(now, 60, now + 3 * HOUR, 'claude', 'work'));
    expect(alerts.map((a) => alertText(a, now).title)).toEqual([
      'Claude: 5-hour on pace to run out before it resets',
      'Claude (work): 5-hour on pace to run out before it resets',
    ]);
    expect(new Set(alerts.map((a) => a.id)).size).toBe(2);
  });
});

describe('pace alert settings', () => {
  it('are off by default with a 30-minute margin, and read lossily', () => {
    expect(DEFAULT_SETTINGS.predictiveAlerts).toEqual([]);
    expect(DEFAULT_SETTINGS.predictiveMarginMin).toBe(30);
    const s = normalizeSettings({ predictiveAlerts: ['claude', 'claude', 'Bad Id', 7], predictiveMarginMin: '45' });
    expect(s.predictiveAlerts).toEqual(['claude']);
    expect(s.predictiveMarginMin).toBe(45);
    expect(normalizeSettings({ predictiveMarginMin: 1441 }).predictiveMarginMin).toBe(30);
    expect(normalizeSettings({ predictiveMarginMin: '1e3' }).predictiveMarginMin).toBe(30);
  });
});
