// HistoryStore on an embedded SQLite file through libsql (N-API: one prebuilt binary serves Node 20
// and Electron; docs/decisions/0013-history-store-driver.md). The driver is loaded on first use,
// so a command that never touches history never pays for it. Nothing here throws into a caller:
// a locked database is a `locked` result, an unreadable one is set aside and a fresh one started.
import { mkdirSync, renameSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Libsql from 'libsql';
import { err, ok, type Result } from '../../core/errors';
import type {
  Clock,
  HistoryError,
  HistoryFilter,
  HistorySample,
  HistorySeries,
  HistoryStore,
  Logger,
  RecordOutcome,
  Scheduler,
} from '../../core/ports';
import { compactBatch, HOUR_MS, HOURLY_UPSERT } from './compaction';
import { querySamples, querySeries } from './queries';
import { prepareDatabase } from './schema';

/** How often a quick "busy" is tried again before it counts as `locked`. */
const QUICK_BUSY_RETRIES = 3;

export interface Pauses {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_PAUSES: Pauses = { now: () => performance.now(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };

/**
 * SQLite can answer "busy" at once, without waiting out the busy timeout, in a few WAL cases (another
 * process setting the file up, recovering its index). Such a quick refusal is tried again a few times
 * after a short pause; a lock held for the whole busy timeout is reported as `locked` straight away.
 */
export async function patiently<T>(busyTimeoutMs: number, run: () => Promise<Result<T, HistoryError>>, pauses: Pauses = REAL_PAUSES): Promise<Result<T, HistoryError>> {
  for (let attempt = 0; ; attempt++) {
    const started = pauses.now();
    const r = await run();
    const quick = pauses.now() - started < busyTimeoutMs / 2;
    if (r.ok || r.error.kind !== 'locked' || !quick || attempt >= QUICK_BUSY_RETRIES) return r;
    await pauses.sleep(20 * (attempt + 1));
  }
}

type Database = Libsql.Database;

export const HISTORY_FILE = 'history.sqlite';

export interface SqliteHistoryOptions {
  /** The database file; its folder is created when missing. */
  path: string;
  clock: Clock;
  /** Runs compaction after writes, off the caller's path. */
  scheduler: Scheduler;
  /** How long a write waits for another process's lock before giving up as `locked`. */
  busyTimeoutMs?: number;
  /** Delay between a write and the compaction batch it schedules. */
  compactDelayMs?: number;
  /** Told when compaction fails; the next write tries again. */
  logger?: Logger;
}

type Opened = { db: Database; setAsideTo: string | null };

/** The history database in the data folder (adapters/app-paths.ts `dataDir`). */
export function historyPath(dir: string): string {
  return join(dir, HISTORY_FILE);
}

export class SqliteHistoryStore implements HistoryStore {
  private db: Database | null = null;
  private cancelCompaction: (() => void) | null = null;
  private compactedAt = -Infinity;
  private readonly busyTimeoutMs: number;
  private readonly compactDelayMs: number;

  constructor(private readonly opts: SqliteHistoryOptions) {
    this.busyTimeoutMs = opts.busyTimeoutMs ?? 1000;
    this.compactDelayMs = opts.compactDelayMs ?? 2000;
  }

  async record(samples: HistorySample[]): Promise<Result<RecordOutcome, HistoryError>> {
    if (samples.length === 0) return ok({ written: 0, setAsideTo: null });
    const r = await patiently(this.busyTimeoutMs, () => this.withDb((db) => insert(db, samples)));
    if (r.ok) this.scheduleCompaction();
    return r.ok ? ok({ written: r.value.value, setAsideTo: r.value.setAsideTo }) : r;
  }

  async query(filter: HistoryFilter): Promise<Result<HistorySample[], HistoryError>> {
    const r = await patiently(this.busyTimeoutMs, () => this.withDb((db) => querySamples(db, filter)));
    return r.ok ? ok(r.value.value) : r;
  }

  async series(since: number, maxPoints: number): Promise<Result<HistorySeries[], HistoryError>> {
    const r = await patiently(this.busyTimeoutMs, () => this.withDb((db) => querySeries(db, since, this.opts.clock.now(), maxPoints)));
    return r.ok ? ok(r.value.value) : r;
  }

  /**
   * One compaction batch now, for a short-lived process (the CLI) whose timers never fire; call it
   * after the output is out. Returns how many raw samples were folded; 0 on any failure.
   */
  compactOnce(): number {
    if (!this.db) return 0;
    try {
      return compactBatch(this.db, this.opts.clock.now());
    } catch {
      // Busy or unreadable: the app's background compaction, or the next run, tries again.
      return 0;
    }
  }

  close(): void {
    this.cancelCompaction?.();
    this.cancelCompaction = null;
    try {
      this.db?.close();
    } catch {
      // Closing twice or after a failed open: nothing left to release.
    }
    this.db = null;
  }

  /** Opens on first use and runs `fn`; an unreadable file found on the way is set aside once, then retried. */
  private async withDb<T>(fn: (db: Database) => T): Promise<Result<{ value: T; setAsideTo: string | null }, HistoryError>> {
    let setAsideTo: string | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      const opened = await this.open();
      if (!opened.ok) return opened;
      setAsideTo ??= opened.value.setAsideTo;
      try {
        return ok({ value: fn(opened.value.db), setAsideTo });
      } catch (e) {
        if (!isCorrupt(e) || attempt > 0) return err(classify(e));
        this.close();
        setAsideTo = this.setAside();
        if (setAsideTo === null) return err({ kind: 'unavailable', code: codeOf(e) });
      }
    }
    return err({ kind: 'unavailable', code: 'SQLITE_CORRUPT' });
  }

  private async open(): Promise<Result<Opened, HistoryError>> {
    if (this.db) return ok({ db: this.db, setAsideTo: null });
    let Driver: typeof Libsql;
    try {
      Driver = (await import('libsql')).default;
    } catch {
      // No prebuilt binary for this platform: history is off, everything else works.
      return err({ kind: 'unavailable', code: 'driver_missing' });
    }
    let setAsideTo: string | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      let db: Database | null = null;
      try {
        mkdirSync(dirname(this.opts.path), { recursive: true });
        db = new Driver(this.opts.path, { timeout: this.busyTimeoutMs });
        prepareDatabase(db, this.busyTimeoutMs);
        this.db = db;
        return ok({ db, setAsideTo });
      } catch (e) {
        try {
          db?.close();
        } catch {
          // The handle was never usable.
        }
        if (!isCorrupt(e) || attempt > 0) return err(classify(e));
        setAsideTo = this.setAside();
        if (setAsideTo === null) return err({ kind: 'unavailable', code: codeOf(e) });
      }
    }
    return err({ kind: 'unavailable', code: 'SQLITE_CORRUPT' });
  }

  /** Moves the file and its WAL companions aside under a timestamped name; the new path, or null when it cannot be moved. */
  private setAside(): string | null {
    const stamp = new Date(this.opts.clock.now()).toISOString().replace(/[:.]/g, '-');
    const to = `${this.opts.path}.corrupt-${stamp}`;
    try {
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(this.opts.path + suffix)) renameSync(this.opts.path + suffix, to + suffix);
      }
      return to;
    } catch {
      return null;
    }
  }

  // At most one batch pending; after a pass that found nothing, the next look is an hour later.
  private scheduleCompaction(): void {
    if (this.cancelCompaction || this.opts.clock.now() - this.compactedAt < HOUR_MS) return;
    this.cancelCompaction = this.opts.scheduler.schedule(this.compactDelayMs, () => this.compactStep());
  }

  private compactStep(): void {
    this.cancelCompaction = null;
    if (!this.db) return;
    try {
      const folded = compactBatch(this.db, this.opts.clock.now());
      if (folded === 0) this.compactedAt = this.opts.clock.now();
      // Small batches with a pause between them, so a poll's write finds the lock free.
      else this.cancelCompaction = this.opts.scheduler.schedule(50, () => this.compactStep());
    } catch (e) {
      this.opts.logger?.warn(`history compaction paused: ${classify(e).kind}`);
    }
  }
}

function insert(db: Database, samples: readonly HistorySample[]): number {
  const stmt = db.prepare('INSERT OR REPLACE INTO samples VALUES (?,?,?,?,?,?,?,?,?,?)');
  const hourly = db.prepare(HOURLY_UPSERT);
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const s of samples) {
      const [account, at] = [s.accountLabel ?? '', Math.floor(s.at)];
      stmt.run(s.providerId, account, s.windowId, at, s.usedPercent, s.used, s.limit, s.remaining, s.resetsAt, s.source);
      const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
      hourly.run(s.providerId, account, s.windowId, hour, s.usedPercent, s.usedPercent, at, s.usedPercent, s.used, s.limit, s.remaining, s.resetsAt, s.source);
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return samples.length;
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

function isCorrupt(e: unknown): boolean {
  const code = codeOf(e);
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

function classify(e: unknown): HistoryError {
  const code = codeOf(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { kind: 'locked' };
  return { kind: 'unavailable', code };
}
