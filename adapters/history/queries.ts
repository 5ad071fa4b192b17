// Reading history: samples for export and the CLI, thinned series for sparklines. Raw samples and
// the hourly table are read as one timeline: raw where it is still kept, each hour's last reading
// before that. Every hour with raw samples also has its hourly row (writes keep it), which lets
// long periods be read from the 12× smaller hourly table.
import type Libsql from 'libsql';
import type { HistoryFilter, HistorySample, HistorySeries } from '../../core/ports';
import { HOUR_MS } from './compaction';
import type { SampleRow } from './schema';

type Database = Libsql.Database;

const RAW = `SELECT provider, account, window, at, used_percent, used, lim, remaining, resets_at, source FROM samples`;
const HOURLY = `SELECT provider, account, window, last_at AS at, last_percent AS used_percent, last_used AS used,
  last_limit AS lim, last_remaining AS remaining, last_resets_at AS resets_at, last_source AS source FROM hourly`;
// Hours from the first one that still has raw samples on are read raw (compaction drops whole
// hours, oldest first, for every window at once).
const BEFORE_RAW = `hour < COALESCE((SELECT min(at) FROM samples) / ${HOUR_MS} * ${HOUR_MS}, 9e18)`;

/** Samples matching the filter, oldest first. */
export function querySamples(db: Database, f: HistoryFilter): HistorySample[] {
  const conds: string[] = [];
  const params: Array<string | number> = [];
  if (f.providerId !== undefined) conds.push('provider = ?'), params.push(f.providerId);
  if (f.accountLabel !== undefined) conds.push('account = ?'), params.push(f.accountLabel);
  if (f.windowId !== undefined) conds.push('window = ?'), params.push(f.windowId);
  const since = f.since !== undefined ? [Math.floor(f.since)] : [];
  const raw = [...conds, ...(since.length ? ['at >= ?'] : [])];
  const hourly = [...conds, ...(since.length ? ['last_at >= ?'] : []), BEFORE_RAW];
  const where = (c: string[]) => (c.length ? ` WHERE ${c.join(' AND ')}` : '');
  const sql = `SELECT * FROM (${RAW}${where(raw)} UNION ALL ${HOURLY}${where(hourly)}) ORDER BY at, provider, account, window`;
  const rows = db.prepare(sql).all(...params, ...since, ...params, ...since) as SampleRow[];
  return rows.map(toSample);
}

/**
 * Every window with readings since `since`, each as at most `maxPoints` points: the highest used %
 * of each slice, at its latest reading. Slices of an hour or more are read from the hourly table.
 */
export function querySeries(db: Database, since: number, until: number, maxPoints: number): HistorySeries[] {
  const points = Math.max(1, Math.floor(maxPoints));
  const sliceFrom = (start: number) => Math.max(1, Math.ceil((Math.floor(until) - start + 1) / points));
  const hourly = sliceFrom(Math.floor(since)) >= HOUR_MS;
  // Hourly rows are keyed by the hour's start: begin at the hour `since` falls in.
  const start = hourly ? Math.floor(since / HOUR_MS) * HOUR_MS : Math.floor(since);
  const slice = sliceFrom(start);
  // libsql binds every JS number as REAL: the CAST makes the slice number an integer.
  const stmt =
    hourly
      ? db.prepare(
          `SELECT CAST((hour - ?) / ? AS INTEGER) AS b, max(last_at) AS at, max(max_percent) AS p FROM hourly
           WHERE provider = ? AND account = ? AND window = ? AND hour >= ? AND hour <= ? AND max_percent IS NOT NULL GROUP BY b ORDER BY b`,
        )
      : db.prepare(
          `SELECT CAST((at - ?) / ? AS INTEGER) AS b, max(at) AS at, max(used_percent) AS p FROM samples
           WHERE provider = ? AND account = ? AND window = ? AND at >= ? AND at <= ? AND used_percent IS NOT NULL GROUP BY b ORDER BY b`,
        );
  const out: HistorySeries[] = [];
  for (const k of windowKeys(db)) {
    const rows = stmt.all(start, slice, k.provider, k.account, k.window, start, Math.floor(until)) as Array<{ at: number; p: number }>;
    if (rows.length === 0) continue;
    out.push({
      providerId: k.provider,
      accountLabel: k.account === '' ? null : k.account,
      windowId: k.window,
      points: rows.map((r) => ({ at: r.at, usedPercent: r.p })),
    });
  }
  return out;
}

interface Key {
  provider: string;
  account: string;
  window: string;
}

// Distinct windows by seeking along the hourly table's primary key, one level at a time: a few
// dozen index seeks instead of a scan of a year of rows.
function windowKeys(db: Database): Key[] {
  const firstProvider = db.prepare('SELECT provider FROM hourly ORDER BY provider LIMIT 1');
  const nextProvider = db.prepare('SELECT provider FROM hourly WHERE provider > ? ORDER BY provider LIMIT 1');
  const firstAccount = db.prepare('SELECT account FROM hourly WHERE provider = ? ORDER BY account LIMIT 1');
  const nextAccount = db.prepare('SELECT account FROM hourly WHERE provider = ? AND account > ? ORDER BY account LIMIT 1');
  const firstWindow = db.prepare('SELECT window FROM hourly WHERE provider = ? AND account = ? ORDER BY window LIMIT 1');
  const nextWindow = db.prepare('SELECT window FROM hourly WHERE provider = ? AND account = ? AND window > ? ORDER BY window LIMIT 1');
  const one = (stmt: typeof firstProvider, ...args: string[]): string | undefined => {
    const row = stmt.raw(true).all(...args)[0] as string[] | undefined;
    return row?.[0];
  };
  const keys: Key[] = [];
  for (let p = one(firstProvider); p !== undefined; p = one(nextProvider, p)) {
    for (let a = one(firstAccount, p); a !== undefined; a = one(nextAccount, p, a)) {
      for (let w = one(firstWindow, p, a); w !== undefined; w = one(nextWindow, p, a, w)) keys.push({ provider: p, account: a, window: w });
    }
  }
  return keys;
}

function toSample(r: SampleRow): HistorySample {
  return {
    at: r.at,
    providerId: r.provider,
    accountLabel: r.account === '' ? null : r.account,
    windowId: r.window,
    usedPercent: r.used_percent,
    used: r.used,
    limit: r.lim,
    remaining: r.remaining,
    resetsAt: r.resets_at,
    source: r.source,
  };
}
