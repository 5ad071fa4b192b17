// The app's alerts from poller emissions: a predictive alert projects at the recent rate read from a
// real SQLite history (as the card's pace line does), falls back to the average rate without history,
// and judgements stay in emission order while a history read is in flight.
import { describe, expect, it } from 'vitest';
import type { SqliteHistoryStore } from '../../adapters/history/sqlite-history-store';
import { alertJudge } from '../../app/alert-judge';
import { emptySnapshot, makeWindow, type PollerView } from '../../core/model';
import type { HistorySample, Notification } from '../../core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { HOUR, MINUTE } from '../../core/time';
import { FakeClock } from '../support/fake-clock';
import { realHistory } from '../support/real-history';

const clock = new FakeClock();
const NOW = clock.now();

const realStore = realHistory(clock, 'alert-judge');

const sample = (minutesAgo: number, usedPercent: number): HistorySample => ({
  at: NOW - minutesAgo * MINUTE, providerId: 'codex', accountLabel: null, windowId: 'session', usedPercent, used: null, limit: null, remaining: null, resetsAt: NOW + 3 * HOUR, source: 'test',
});

/** A 5-hour window two hours in at 30 %: 15 %/h on average (75 % at the reset), but 40 %/h over the last half hour. */
const view = (usedPercent = 30, fetchedAt = NOW): PollerView => ({
  refreshing: [],
  snapshots: [{ ...emptySnapshot('codex', 'ok', null), fetchedAt, attemptedAt: fetchedAt, windows: [makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent, resetsAt: NOW + 3 * HOUR, windowMinutes: 300 })] }],
});
const RECENT = [sample(30, 10), sample(20, 20), sample(10, 25)];

function judgeWith(history: SqliteHistoryStore | null, settings: Settings = { ...DEFAULT_SETTINGS, predictiveAlerts: ['codex'] }) {
  const shown: Notification[] = [];
  const reports: string[] = [];
  const listen = alertJudge({ clock, settings: () => settings, notifier: () => ({ notify: (n) => void shown.push(n) }), history, report: (m) => void reports.push(m) });
  return { listen, shown, reports };
}

const settle = () => new Promise((done) => setTimeout(done, 50));

describe('predictive alerts in the app', () => {
  it('warn at the recent rate from stored readings, naming when it runs out', async () => {
    const j = judgeWith(await realStore(RECENT));
    j.listen(view());
    await settle();
    expect(j.shown).toHaveLength(1);
    expect(j.shown[0]!.title).toBe('Codex: 5-hour on pace to run out before it resets');
    // 70 % left at 40 %/h: 1 h 45 min from now, 1 h 15 min before the reset.
    expect(j.shown[0]!.body).toContain('1 h 15 min before it resets');
    expect(j.reports).toEqual([]);
  });

  it('stay quiet at the average rate when there is no history to read', async () => {
    const j = judgeWith(null);
    j.listen(view());
    await settle();
    expect(j.shown).toEqual([]);
  });

  it('stay quiet when the stored readings are too few for a recent rate', async () => {
    const j = judgeWith(await realStore([sample(30, 10)]));
    j.listen(view());
    await settle();
    expect(j.shown).toEqual([]);
  });

  it('judge emissions in order while a history read is in flight: one alert, not two', async () => {
    const j = judgeWith(await realStore(RECENT));
    j.listen(view(30, NOW - 1));
    j.listen(view(31, NOW));
    await settle();
    expect(j.shown.map((n) => n.title)).toEqual(['Codex: 5-hour on pace to run out before it resets']);
  });
});

describe('threshold alerts in the app', () => {
  it('are delivered as the emission arrives when predictive alerts are off (no history read)', async () => {
    const j = judgeWith(await realStore(RECENT), DEFAULT_SETTINGS);
    j.listen(view(95));
    expect(j.shown.map((n) => n.title)).toEqual([expect.stringMatching(/^Codex: 5-hour/)]);
  });
});
