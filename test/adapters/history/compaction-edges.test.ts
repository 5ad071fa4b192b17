// Retention edges of the history file: which raw samples are old enough to fold, how many hours one
// batch folds, and the hourly row each window gets (its hour, min, max and last, nulls ignored).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistorySample } from '../../../core/ports';
import { HOUR_MS, RAW_RETENTION_MS } from '../../../adapters/history/compaction';
import { historyPath, SqliteHistoryStore } from '../../../adapters/history/sqlite-history-store';
import { FakeClock } from '../../support/fake-clock';

let dir: string;
let path: string;
let clock: FakeClock;
let store: SqliteHistoryStore;

function sample(at: number, usedPercent: number | null, over: Partial<HistorySample> = {}): HistorySample {
  return { at, providerId: 'claude', accountLabel: null, windowId: 'session', usedPercent, used: null, limit: null, remaining: null, resetsAt: null, source: 'claude:oauth/usage', ...over };
}
/** Records, then empties the hourly table so only compaction can fill it again. */
async function recordRawOnly(samples: HistorySample[]): Promise<void> {
  await store.record(samples);
  const db = new Database(path);
  db.prepare('DELETE FROM hourly').run();
  db.close();
}
function hourly(): unknown[] {
  const db = new Database(path);
  const rows = db.prepare('SELECT provider, account, window, hour, min_percent, max_percent, last_percent FROM hourly ORDER BY hour, window, account').all();
  db.close();
  return rows;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-compaction-'));
  path = historyPath(join(dir, 'data'));
  clock = new FakeClock();
  store = new SqliteHistoryStore({ path, clock, scheduler: clock });
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const cutoff = () => Math.floor((clock.now() - RAW_RETENTION_MS) / HOUR_MS) * HOUR_MS;

describe('history compaction', () => {
  it('folds only samples from hours that ended before the 30-day cut-off', async () => {
    await recordRawOnly([sample(cutoff(), 40)]);
    expect(store.compactOnce()).toBe(0);
    await recordRawOnly([sample(cutoff() - 1, 30)]);
    expect(store.compactOnce()).toBe(1);
  });

  it('folds at most six hours per batch, oldest first', async () => {
    const first = cutoff() - 10 * HOUR_MS;
    await recordRawOnly(Array.from({ length: 10 }, (_, i) => sample(first + i * HOUR_MS + 60_000, i)));
    expect(store.compactOnce()).toBe(6);
    expect(store.compactOnce()).toBe(4);
    expect(store.compactOnce()).toBe(0);
  });

  it('gives each window and account of an hour its own row, at the start of that hour', async () => {
    const hour = cutoff() - 5 * HOUR_MS;
    await recordRawOnly([
      sample(hour + 60_000, 10),
      sample(hour + 120_000, 80, { windowId: 'weekly' }),
      sample(hour + 180_000, 15),
      sample(hour + 240_000, 55, { accountLabel: 'work' }),
    ]);
    expect(store.compactOnce()).toBe(4);
    expect(hourly()).toEqual([
      { provider: 'claude', account: '', window: 'session', hour, min_percent: 10, max_percent: 15, last_percent: 15 },
      { provider: 'claude', account: 'work', window: 'session', hour, min_percent: 55, max_percent: 55, last_percent: 55 },
      { provider: 'claude', account: '', window: 'weekly', hour, min_percent: 80, max_percent: 80, last_percent: 80 },
    ]);
  });

  it('ignores samples without a share in the hour’s min and max, even the first', async () => {
    const hour = cutoff() - 5 * HOUR_MS;
    await recordRawOnly([sample(hour + 60_000, null), sample(hour + 120_000, 30), sample(hour + 180_000, null), sample(hour + 240_000, 70), sample(hour + 300_000, 50)]);
    store.compactOnce();
    expect(hourly()).toEqual([{ provider: 'claude', account: '', window: 'session', hour, min_percent: 30, max_percent: 70, last_percent: 50 }]);
  });
});
