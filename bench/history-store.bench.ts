// The history store on a year of data: a database holding 5-minute samples for 20 windows over 365
// days, as retention and writes leave it (raw for the last 30 days, hourly aggregates for the whole
// year: writes keep the current hour's row), generated in one transaction. Times opening it, the popover's sparkline query, writing one poll, and its size.
// Run: npx tsx bench/history-store.bench.ts [rounds, default 30]   (last line: `RESULT {json}`)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import { historyPath, SqliteHistoryStore } from '../adapters/history/sqlite-history-store';
import { RAW_RETENTION_MS } from '../adapters/history/compaction';
import type { Clock, HistorySample, Scheduler } from '../core/ports';
import { atMost, info, median, report } from './figures';

const ROUNDS = Math.max(1, Number(process.argv[2] ?? 30));
const MIN5 = 300_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WINDOWS = Array.from({ length: 20 }, (_, i) => ({ provider: ['openrouter', 'codex', 'claude', 'p4', 'p5'][i % 5]!, window: `w${Math.floor(i / 5)}` }));
const now = Math.floor(Date.now() / MIN5) * MIN5;
// A still clock and a scheduler that never fires: compaction has nothing to do on this data, and
// no timer may run into the measurements.
const clock: Clock & Scheduler = { now: () => now, schedule: () => () => {} };

const dir = mkdtempSync(join(tmpdir(), 'quotabar-history-bench-'));
const path = historyPath(dir);
const store = (): SqliteHistoryStore => new SqliteHistoryStore({ path, clock, scheduler: clock });

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Creates the schema through the store, then fills the year with two INSERT … SELECT statements. */
async function generate(): Promise<{ raw: number; hourly: number; ms: number }> {
  const t0 = performance.now();
  const s = store();
  const first = await s.record([]);
  if (!first.ok) throw new Error('record failed');
  s.close();
  await store().query({ since: now + 1 }).then(() => undefined);
  const db = new Database(path);
  const rawFrom = now - RAW_RETENTION_MS;
  const yearFrom = Math.floor((now - 365 * DAY) / HOUR) * HOUR;
  const rawSteps = RAW_RETENTION_MS / MIN5;
  const hourSteps = Math.floor((now - yearFrom) / HOUR) + 1;
  db.exec('BEGIN');
  db.exec('CREATE TEMP TABLE win (provider TEXT, window TEXT)');
  const w = db.prepare('INSERT INTO win VALUES (?, ?)');
  for (const x of WINDOWS) w.run(x.provider, x.window);
  // A saw-tooth that climbs and resets, so min/max/last differ like real usage.
  db.exec(`WITH RECURSIVE t(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM t WHERE i < ${rawSteps - 1})
    INSERT INTO samples SELECT provider, '', window, ${rawFrom} + i * ${MIN5}, (i % 288) * 100.0 / 288, (i % 288) * 0.05, 20, 20 - (i % 288) * 0.05,
      ${rawFrom} + (i / 288 + 1) * ${DAY}, provider || ':source' FROM t, win`);
  db.exec(`WITH RECURSIVE t(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM t WHERE i < ${hourSteps - 1})
    INSERT INTO hourly SELECT provider, '', window, ${yearFrom} + i * ${HOUR}, (i % 24) * 100.0 / 24, (i % 24 + 1) * 100.0 / 24,
      ${yearFrom} + i * ${HOUR} + 55 * 60000, (i % 24 + 1) * 100.0 / 24, (i % 24) * 1.0, 20, 20 - (i % 24), ${yearFrom} + (i / 24 + 1) * ${DAY},
      provider || ':source' FROM t, win`);
  db.exec('COMMIT');
  const counts = db.prepare('SELECT (SELECT count(*) FROM samples) AS raw, (SELECT count(*) FROM hourly) AS hourly').all()[0] as { raw: number; hourly: number };
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...counts, ms: performance.now() - t0 };
}

/** Extra wall time of a fresh Node process that loads the driver: what `quotabar status` adds after printing. */
function driverLoadMs(): number {
  const wall = (args: string[]) => {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t0;
  };
  const base: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < 7; i++) base.push(wall(['-e', '0'])), load.push(wall(['-e', `require(${JSON.stringify(createRequire(import.meta.url).resolve('libsql'))})`]));
  return median(load) - median(base);
}

function sizeOnDisk(): number {
  return readdirSync(dir)
    .filter((f) => f.startsWith('history.sqlite'))
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

async function main(): Promise<void> {
  const driver = driverLoadMs();
  const gen = await generate();
  console.log(`generated ${gen.raw} raw samples and ${gen.hourly} hourly rows in ${Math.round(gen.ms)} ms`);
  const size = sizeOnDisk();

  // Opening: a new store's first call opens the file, sets WAL and checks the schema version.
  const opens: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const s = store();
    opens.push(await time(() => s.query({ since: now + 1 })));
    s.close();
  }

  const s = store();
  await s.query({ since: now + 1 });
  // The popover's sparklines: every window over the last 7 days, at most 100 points each.
  let points = 0;
  let windows = 0;
  const sparks: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    sparks.push(
      await time(async () => {
        const r = await s.series(now - 7 * DAY, 100);
        if (!r.ok) throw new Error(`series failed: ${r.error.kind}`);
        windows = r.value.length;
        points = Math.max(...r.value.map((x) => x.points.length));
        if (windows !== WINDOWS.length || points > 100) throw new Error(`sparklines: ${windows} windows, up to ${points} points`);
      }),
    );
  }

  // One poll: one sample for each of the 20 windows, in one transaction.
  const writes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const at = now + (i + 1) * MIN5;
    const poll: HistorySample[] = WINDOWS.map((x) => ({ at, providerId: x.provider, accountLabel: null, windowId: x.window, usedPercent: 42, used: 2.1, limit: 20, remaining: 17.9, resetsAt: at + DAY, source: `${x.provider}:source` }));
    writes.push(
      await time(async () => {
        const r = await s.record(poll);
        if (!r.ok) throw new Error(`record failed: ${r.error.kind}`);
      }),
    );
  }

  // `quotabar history --since 30d --json`'s read: every raw sample of the last 30 days.
  const exports: number[] = [];
  for (let i = 0; i < 3; i++) exports.push(await time(() => s.query({ since: now - 30 * DAY })));
  s.close();
  rmSync(dir, { recursive: true, force: true });

  report(
    [
      atMost('opening the year-long database (median)', median(opens), 'ms', 50),
      atMost('sparkline query, 20 windows × 7 days, ≤ 100 points each (median)', median(sparks), 'ms', 10),
      atMost("writing one poll's samples, 20 windows (median)", median(writes), 'ms', 1),
      atMost('size on disk', size / 1024 / 1024, 'MB', 50),
      info('sparkline windows returned', windows, ''),
      info('sparkline points per window (most)', points, ''),
      info('raw samples (30 days)', gen.raw, ''),
      info('hourly aggregates (365 days)', gen.hourly, ''),
      info('reading 30 days of raw samples for export (median of 3)', median(exports), 'ms'),
      info('opening, slowest round', Math.max(...opens), 'ms'),
      info('loading the SQLite driver in a fresh process (status pays it after printing)', driver, 'ms'),
      info("writing one poll, slowest round", Math.max(...writes), 'ms'),
    ],
    { rounds: ROUNDS },
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
