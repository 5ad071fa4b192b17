import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistorySample } from '../../../core/ports';
import { historyPath, SqliteHistoryStore } from '../../../adapters/history/sqlite-history-store';
import { FakeClock } from '../../support/fake-clock';

const DAY = 86_400_000;
let dir: string;
let path: string;
let clock: FakeClock;
const stores: SqliteHistoryStore[] = [];

function open(extra: { busyTimeoutMs?: number } = {}): SqliteHistoryStore {
  const s = new SqliteHistoryStore({ path, clock, scheduler: clock, ...extra });
  stores.push(s);
  return s;
}

function sample(at: number, usedPercent: number, over: Partial<HistorySample> = {}): HistorySample {
  return { at, providerId: 'claude', accountLabel: null, windowId: 'session', usedPercent, used: null, limit: null, remaining: null, resetsAt: at + 3_600_000, source: 'claude:oauth/usage', ...over };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotabar-history-'));
  path = historyPath(join(dir, 'data'));
  clock = new FakeClock();
});
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SqliteHistoryStore', () => {
  it('keeps what it recorded across a reopen, and filters by provider, window and time', async () => {
    const now = clock.now();
    const a = open();
    expect(await a.record([sample(now - 2 * DAY, 10), sample(now, 40), sample(now, 5, { providerId: 'codex', windowId: 'weekly' })])).toEqual({ ok: true, value: { written: 3, setAsideTo: null } });
    a.close();
    const b = open();
    const all = await b.query({});
    expect(all.ok && all.value.map((s) => [s.providerId, s.windowId, s.usedPercent])).toEqual([['claude', 'session', 10], ['claude', 'session', 40], ['codex', 'weekly', 5]]);
    const recent = await b.query({ providerId: 'claude', since: now - DAY });
    expect(recent.ok && recent.value).toEqual([sample(now, 40)]);
    expect((await b.query({ windowId: 'weekly' })).ok).toBe(true);
  });

  it('uses WAL so a crash mid-write keeps what was committed', async () => {
    await open().record([sample(clock.now(), 1)]);
    const db = new Database(path);
    expect(db.prepare('PRAGMA journal_mode').all()).toEqual([{ journal_mode: 'wal' }]);
    db.close();
  });

  it('lets two processes write to the same file at once without losing a sample', async () => {
    const child = (provider: string) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'writer-child.ts'), path, provider, '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (b: Buffer) => (out += b.toString()));
        p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer exited ${code}`))));
      });
    const results = await Promise.all([child('openrouter'), child('codex')]);
    expect(results.map((r) => JSON.parse(r))).toEqual([{ failed: 0 }, { failed: 0 }]);
    const rows = await open().query({});
    expect(rows.ok && rows.value.filter((s) => s.providerId === 'openrouter').length).toBe(200);
    expect(rows.ok && rows.value.filter((s) => s.providerId === 'codex').length).toBe(200);
  }, 60_000);

  it('sets an unreadable database aside under a timestamped name and starts a fresh one', async () => {
    const garbage = 'this is not a database '.repeat(300);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(path, garbage);
    const r = await open().record([sample(clock.now(), 7)]);
    expect(r.ok).toBe(true);
    const setAside = r.ok ? r.value.setAsideTo : null;
    expect(setAside).toMatch(/history\.sqlite\.corrupt-2026-09-20T12-00-00-000Z$/);
    expect(readFileSync(setAside!, 'utf8')).toBe(garbage);
    const rows = await open().query({});
    expect(rows.ok && rows.value.map((s) => s.usedPercent)).toEqual([7]);
  });

  it('returns `locked` instead of throwing when another process holds the lock past the busy timeout', async () => {
    await open().record([sample(clock.now(), 1)]);
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT INTO samples (provider, account, window, at) VALUES ('x', '', 'w', 1)").run();
    const r = await open({ busyTimeoutMs: 50 }).record([sample(clock.now() + 1, 2)]);
    expect(r).toEqual({ ok: false, error: { kind: 'locked' } });
    holder.exec('COMMIT');
    holder.close();
  });

  it('says `unavailable` when the folder cannot be created', async () => {
    writeFileSync(join(dir, 'file'), '');
    const s = new SqliteHistoryStore({ path: join(dir, 'file', 'sub', 'history.sqlite'), clock, scheduler: clock });
    stores.push(s);
    const r = await s.record([sample(clock.now(), 1)]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('unavailable');
  });
});

describe('retention', () => {
  it('folds samples older than 30 days into hourly min, max and last, in the background after a write', async () => {
    const now = clock.now();
    const hour = Math.floor((now - 40 * DAY) / 3_600_000) * 3_600_000;
    const s = open();
    await s.record([sample(hour + 60_000, 20), sample(hour + 120_000, 90), sample(hour + 180_000, 35), sample(now, 50)]);
    expect(existsSync(path)).toBe(true);
    // Nothing is folded on the write itself…
    const before = new Database(path);
    expect(before.prepare('SELECT count(*) AS n FROM samples').all()).toEqual([{ n: 4 }]);
    // Writes keep each hour's row current; drop the old one so the fold has to rebuild it.
    before.prepare('DELETE FROM hourly WHERE hour = ?').run(hour);
    await clock.advance(10_000);
    // …but once the scheduled batch ran, the old hour is one row and the recent sample is untouched.
    expect(before.prepare('SELECT count(*) AS n FROM samples').all()).toEqual([{ n: 1 }]);
    expect(before.prepare('SELECT min_percent, max_percent, last_percent, last_at FROM hourly ORDER BY hour').all()).toEqual([
      { min_percent: 20, max_percent: 90, last_percent: 35, last_at: hour + 180_000 },
      { min_percent: 50, max_percent: 50, last_percent: 50, last_at: now },
    ]);
    before.close();
    const rows = await s.query({});
    expect(rows.ok && rows.value.map((x) => [x.at, x.usedPercent])).toEqual([[hour + 180_000, 35], [now, 50]]);
  });

  it('compacts one batch on request, for a CLI run whose timers never fire', async () => {
    const now = clock.now();
    const old = Math.floor((now - 40 * DAY) / 3_600_000) * 3_600_000;
    const s = open();
    await s.record([sample(old, 10), sample(old + 60_000, 30), sample(now, 50)]);
    expect(s.compactOnce()).toBe(2);
    const rows = await s.query({});
    expect(rows.ok && rows.value.map((x) => [x.at, x.usedPercent])).toEqual([[old + 60_000, 30], [now, 50]]);
    expect(s.compactOnce()).toBe(0);
  });

  it('thins a series to at most the points asked for, keeping each slice’s peak', async () => {
    const now = clock.now();
    const s = open();
    const samples = Array.from({ length: 2016 }, (_, i) => sample(now - 7 * DAY + i * 300_000, i === 1000 ? 99 : 10));
    await s.record(samples);
    const r = await s.series(now - 7 * DAY, 100);
    expect(r.ok).toBe(true);
    const series = r.ok ? r.value : [];
    expect(series).toHaveLength(1);
    expect(series[0]!.points.length).toBeLessThanOrEqual(100);
    expect(Math.max(...series[0]!.points.map((p) => p.usedPercent))).toBe(99);
    // Over a short period the slices come from the raw samples, still with the peak.
    const day = await s.series(now - 2 * 3_600_000, 100);
    expect(day.ok && day.value[0]!.points.length).toBe(24);
    const peakAt = now - 7 * DAY + 1000 * 300_000;
    const around = await s.series(peakAt - 3_600_000, 100);
    expect(around.ok && Math.max(...around.value[0]!.points.map((p) => p.usedPercent))).toBe(99);
  });
});
