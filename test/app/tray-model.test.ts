import { describe, it, expect } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { menuRows, PIN_MISSING_NOTE, TOOLTIP_MAX, trayModel } from '../../app/tray-model';

const now = Date.UTC(2026, 8, 20, 12);
const snap = (over: Partial<ProviderSnapshot>): ProviderSnapshot => ({ ...emptySnapshot('codex', 'ok'), fetchedAt: now, attemptedAt: now, ...over });
const win = (usedPercent: number, label = '5-hour window') => makeWindow({ id: label, kind: 'session', label, usedPercent, resetsAt: now + 3_600_000 });

describe('tray model', () => {
  it('picks the highest share used across providers', () => {
    const m = trayModel(
      { snapshots: [snap({ windows: [win(40), win(91, 'Weekly')] }), snap({ providerId: 'claude', windows: [win(60)] })], refreshing: [] },
      [80, 95],
      now,
    );
    expect(m).toMatchObject({ percent: 91, level: 'warning', status: 'ok' });
    expect(m.tooltip).toBe('Codex Weekly: 91 % used, resets in 1 h');
  });

  it('ignores providers that are not set up', () => {
    const m = trayModel({ snapshots: [emptySnapshot('openrouter'), snap({ windows: [win(10)] })], refreshing: [] }, [80, 95], now);
    expect(m.status).toBe('ok');
  });

  it('shows a failure even when the failing provider has no numbers to show', () => {
    const failing = snap({ providerId: 'openrouter', status: 'error', fetchedAt: null, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } });
    const m = trayModel({ snapshots: [failing, snap({ windows: [win(10)] })], refreshing: [] }, [80, 95], now);
    expect(m.status).toBe('error');
    expect(m.tooltip).toContain('OpenRouter: The key was rejected');
  });

  it('keeps the tooltip within what Windows shows', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) =>
      snap({ providerId: id, status: 'error', error: { kind: 'transport', code: 'ECONNREFUSED-and-a-long-reason' }, windows: [win(50)] }),
    );
    const m = trayModel({ snapshots: many, refreshing: [] }, [80, 95], now);
    expect(m.tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
    expect(m.tooltip.endsWith('…')).toBe(true);
  });
});

describe('tray menu rows', () => {
  it('give each set-up provider its tightest window, and say when the numbers are old or missing', () => {
    const stale = snap({ providerId: 'claude', status: 'stale', fetchedAt: now - 7 * 60_000, windows: [win(83, '5-hour')] });
    const failing = snap({ providerId: 'openrouter', status: 'error', fetchedAt: null, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } });
    const rows = menuRows({ snapshots: [snap({ windows: [win(40), win(91, 'Weekly')] }), stale, failing, emptySnapshot('openrouter')], refreshing: [] }, now);
    expect(rows).toEqual([
      'Codex Weekly 91 % used · resets in 1 h',
      'Claude 5-hour 83 % used · resets in 1 h · updated 7 min ago',
      expect.stringMatching(/^OpenRouter: The key was rejected/),
    ]);
  });

  it('are none when nothing is set up', () => {
    expect(menuRows(null, now)).toEqual([]);
  });
});

describe('a pinned tray window', () => {
  const codex = snap({ windows: [win(40, '5-hour window'), win(91, 'Weekly')] });
  const work = snap({ providerId: 'claude', accountLabel: 'Work', windows: [win(12, '5-hour')] });
  const view = { snapshots: [codex, work], refreshing: [] };

  it('shows the pinned window even when another is tighter', () => {
    const m = trayModel(view, [80, 95], now, 0, { providerId: 'claude', accountLabel: 'work', windowId: '5-hour' });
    expect(m).toMatchObject({ percent: 12, level: 'normal' });
    expect(m.tooltip).toBe('Claude (Work) 5-hour (pinned): 12 % used, resets in 1 h');
  });

  it('falls back to the tightest window, and says so, when the pinned one is gone', () => {
    const m = trayModel(view, [80, 95], now, 0, { providerId: 'claude', accountLabel: 'Home', windowId: '5-hour' });
    expect(m).toMatchObject({ percent: 91, level: 'warning' });
    expect(m.tooltip).toBe(`Codex Weekly: 91 % used, resets in 1 h\n${PIN_MISSING_NOTE}`);
  });

  it('does not take a same-named window of the implicit account for a labelled account', () => {
    const m = trayModel(view, [80, 95], now, 0, { providerId: 'codex', accountLabel: 'Work', windowId: 'Weekly' });
    expect(m.tooltip).toContain(PIN_MISSING_NOTE);
  });

  it('keeps showing a pinned window from last-known values while its provider is stale', () => {
    const stale = { ...work, status: 'stale' as const, fetchedAt: now - 10 * 60_000 };
    const m = trayModel({ snapshots: [codex, stale], refreshing: [] }, [80, 95], now, 0, { providerId: 'claude', accountLabel: 'Work', windowId: '5-hour' });
    expect(m).toMatchObject({ percent: 12, status: 'stale' });
    expect(m.tooltip).toContain('Claude (Work): updated 10 min ago');
  });

  it('is the tightest window when nothing is pinned', () => {
    expect(trayModel(view, [80, 95], now, 0, null).percent).toBe(91);
  });
});
