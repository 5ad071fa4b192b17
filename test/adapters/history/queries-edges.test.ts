// Reading the history back: filters by account and window, labelled accounts kept apart from the
// implicit one, and a sparkline series only for windows read during the period asked about.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistorySample } from '../../../core/ports';
import { historyPath, SqliteHistoryStore } from '../../../adapters/history/sqlite-history-store';
import { FakeClock } from '../../support/fake-clock';

const DAY = 86_400_000;
let dir: string;
let clock: FakeClock;
let store: SqliteHistoryStore;

function sample(at: number, usedPercent: number, over: Partial<HistorySample> = {}): HistorySample {
  return { at, providerId: 'claude', accountLabel: null, windowId: 'session', usedPercent, used: null, limit: null, remaining: null, resetsAt: null, source: 'claude:oauth/usage', ...over };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-queries-'));
  clock = new FakeClock();
  store = new SqliteHistoryStore({ path: historyPath(join(dir, 'data')), clock, scheduler: clock });
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('history queries', () => {
  it('filter by account and by window, and give the implicit account back as no label', async () => {
    const now = clock.now();
    await store.record([sample(now - 2000, 10), sample(now - 1000, 20, { accountLabel: 'work' }), sample(now, 30, { windowId: 'weekly' })]);
    const pick = async (f: Parameters<SqliteHistoryStore['query']>[0]) => {
      const r = await store.query(f);
      return r.ok ? r.value.map((s) => [s.accountLabel, s.windowId, s.usedPercent]) : r;
    };
    expect(await pick({ accountLabel: 'work' })).toEqual([['work', 'session', 20]]);
    expect(await pick({ windowId: 'weekly' })).toEqual([[null, 'weekly', 30]]);
    expect(await pick({ windowId: 'session' })).toEqual([[null, 'session', 10], ['work', 'session', 20]]);
  });

  it('give a series per window and account that has readings in the period, and none for one that has not', async () => {
    const now = clock.now();
    await store.record([sample(now - 10 * DAY, 70, { windowId: 'weekly' }), sample(now - 60_000, 40), sample(now - 30_000, 45, { accountLabel: 'work' })]);
    const r = await store.series(now - DAY, 50);
    expect(r.ok && r.value.map((s) => [s.providerId, s.accountLabel, s.windowId, s.points.map((p) => p.usedPercent)])).toEqual([
      ['claude', null, 'session', [40]],
      ['claude', 'work', 'session', [45]],
    ]);
  });
});
