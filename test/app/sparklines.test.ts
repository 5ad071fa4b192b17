// The popover's sparklines from a real SQLite history store: each window's readings over its current
// period, ending with the reading on screen; none for balances; none (not an error) when unreadable.
import { describe, expect, it } from 'vitest';
import { sparklinesFor } from '../../app/sparklines';
import { err } from '../../core/errors';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import type { HistorySample, HistoryStore } from '../../core/ports';
import { DAY, HOUR } from '../../core/time';
import { FakeClock } from '../support/fake-clock';
import { realHistory } from '../support/real-history';

const clock = new FakeClock();
const NOW = clock.now();

const sample = (at: number, windowId: string, usedPercent: number, accountLabel: string | null = null): HistorySample => ({
  at, providerId: 'codex', accountLabel, windowId, usedPercent, used: null, limit: null, remaining: null, resetsAt: null, source: 'test',
});

function snapshot(accountLabel: string | null, session: number): ProviderSnapshot {
  return {
    ...emptySnapshot('codex', 'ok', accountLabel),
    fetchedAt: NOW,
    windows: [
      makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: session, resetsAt: NOW + HOUR, windowMinutes: 300 }),
      makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 50, resetsAt: NOW + 2 * DAY, windowMinutes: 7 * 24 * 60 }),
      makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', usedPercent: null, used: 5, remaining: 5, limit: 10, unit: 'usd', resetsAt: null, windowMinutes: null }),
    ],
  };
}

const seeded = realHistory(clock, 'spark');

describe('sparklines for the popover', () => {
  it('give each window its readings since its period began, per account, ending at the reading on screen', async () => {
    const s = await seeded([
      sample(NOW - 5 * HOUR, 'session', 90), // before this 5-hour period began (4 h ago)
      sample(NOW - 3 * HOUR, 'session', 10),
      sample(NOW - HOUR, 'session', 20),
      sample(NOW - 2 * HOUR, 'session', 70, 'work'),
      sample(NOW - 4 * DAY, 'weekly', 30), // inside the week that began 5 days ago
    ]);
    const lines = await sparklinesFor(s, [snapshot(null, 25), snapshot('work', 75)], NOW);
    const of = (label: string | null, w: string) => lines.find((l) => l.accountLabel === label && l.windowId === w);
    expect(of(null, 'session')).toMatchObject({ from: NOW - 4 * HOUR, to: NOW + HOUR });
    expect(of(null, 'session')?.points.map((p) => p.usedPercent)).toEqual([10, 20, 25]);
    expect(of('work', 'session')?.points.map((p) => p.usedPercent)).toEqual([70, 75]);
    expect(of(null, 'weekly')?.points.map((p) => p.usedPercent)).toEqual([30, 50]);
    expect(of(null, 'credits')).toBeUndefined();
  });

  it('do not repeat the reading on screen once the store has it', async () => {
    const s = await seeded([sample(NOW - HOUR, 'session', 20), sample(NOW, 'session', 25)]);
    const lines = await sparklinesFor(s, [snapshot(null, 25)], NOW);
    expect(lines.find((l) => l.windowId === 'session')?.points).toEqual([
      { at: NOW - HOUR, usedPercent: 20 },
      { at: NOW, usedPercent: 25 },
    ]);
  });

  it('are none without a store, and none when it cannot be read: the meters stand alone', async () => {
    expect(await sparklinesFor(null, [snapshot(null, 25)], NOW)).toEqual([]);
    const locked: HistoryStore = {
      record: async () => err({ kind: 'locked' }),
      query: async () => err({ kind: 'locked' }),
      series: async () => err({ kind: 'locked' }),
      close: () => undefined,
    };
    expect(await sparklinesFor(locked, [snapshot(null, 25)], NOW)).toEqual([]);
  });
});
