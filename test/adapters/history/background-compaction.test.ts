// The app's background compaction of the history file: it works through a backlog batch after
// batch, then rests for an hour, stops when the store closes, and says so when the file is busy.
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
const stores: SqliteHistoryStore[] = [];

function open(extra: Partial<ConstructorParameters<typeof SqliteHistoryStore>[0]> = {}): SqliteHistoryStore {
  const s = new SqliteHistoryStore({ path, clock, scheduler: clock, ...extra });
  stores.push(s);
  return s;
}
function sample(at: number, usedPercent = 10): HistorySample {
  return { at, providerId: 'codex', accountLabel: null, windowId: 'weekly', usedPercent, used: null, limit: null, remaining: null, resetsAt: null, source: 'codex:wham/usage' };
}
function rawCount(): number {
  const db = new Database(path);
  const n = (db.prepare('SELECT count(*) AS n FROM samples').get() as { n: number }).n;
  db.close();
  return n;
}
const backlog = (hours: number) => {
  const first = Math.floor((clock.now() - RAW_RETENTION_MS) / HOUR_MS) * HOUR_MS - (hours + 1) * HOUR_MS;
  return Array.from({ length: hours }, (_, i) => sample(first + i * HOUR_MS + 60_000, i));
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-bg-compaction-'));
  path = historyPath(join(dir, 'data'));
  clock = new FakeClock();
});
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await rm(dir, { recursive: true, force: true });
});

describe('background compaction', () => {
  it('works through a backlog larger than one batch, then leaves no timer behind', async () => {
    const s = open();
    await s.record([...backlog(20), sample(clock.now())]);
    await clock.advance(10_000);
    expect(rawCount()).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('rests for an hour once nothing is left to fold', async () => {
    const s = open();
    await s.record([sample(clock.now())]);
    await clock.advance(10_000);
    await s.record([sample(clock.now())]);
    expect(clock.pending).toBe(0);
    await clock.advance(HOUR_MS);
    await s.record([sample(clock.now())]);
    expect(clock.pending).toBe(1);
  });

  it('schedules nothing for an empty write, and stops when the store is closed', async () => {
    const s = open();
    expect(await s.record([])).toEqual({ ok: true, value: { written: 0, setAsideTo: null } });
    expect(clock.pending).toBe(0);
    await s.record([...backlog(3), sample(clock.now())]);
    expect(clock.pending).toBe(1);
    s.close();
    expect(clock.pending).toBe(0);
    expect(rawCount()).toBe(4);
  });

  it('says it paused when another process holds the file, and tries again with the next write', async () => {
    const warnings: string[] = [];
    const s = open({ busyTimeoutMs: 0, logger: { warn: (m) => warnings.push(m) } });
    await s.record([...backlog(2), sample(clock.now())]);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await clock.advance(10_000);
    expect(warnings).toEqual(['history compaction paused: locked']);
    other.exec('ROLLBACK');
    other.close();
    expect(rawCount()).toBe(3);
    await s.record([sample(clock.now())]);
    await clock.advance(10_000);
    expect(rawCount()).toBe(2);
  });
});
