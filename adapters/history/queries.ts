// Reading history: samples for export and the CLI, thinned series for sparklines. Raw samples and
// the hourly table (each hour's last reading) are read as one timeline.
import type Libsql from 'libsql';
import type { HistoryFilter, HistorySample, HistorySeries } from '../../core/ports';

type Database = Libsql.Database;

const RAW = `SELECT provider, account, window, at, used_percent, used, lim, remaining, resets_at, source FROM samples`;
const HOURLY = `SELECT provider, account, window, last_at AS at, last_percent AS used_percent, last_used AS used,
  last_limit AS lim, last_remaining AS remaining, last_resets_at AS resets_at, last_source AS source FROM hourly`;

interface Row {
  provider: string;
  account: string;
  window: string;
  at: number;
  used_percent: number | null;
  used: number | null;
  lim: number | null;
  remaining: number | null;
  resets_at: number | null;
  source: string | null;
}

/** Samples matching the filter, oldest first. */
export function querySamples(db: Database, f: HistoryFilter): HistorySample[] {
  const conds: string[] = [];
  const params: Array<string | number> = [];
  if (f.providerId !== undefined) conds.push('provider = ?'), params.push(f.providerId);
  if (f.accountLabel !== undefined) conds.push('account = ?'), params.push(f.accountLabel);
  if (f.windowId !== undefined) conds.push('window = ?'), params.push(f.windowId);
  const where = conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
  const rawSince = f.since !== undefined ? `${where ? `${where} AND` : ' WHERE'} at >= ?` : where;
  const hourlySince = f.since !== undefined ? `${where ? `${where} AND` : ' WHERE'} last_at >= ?` : where;
  const sinceParam = f.since !== undefined ? [Math.floor(f.since)] : [];
  const sql = `SELECT * FROM (${RAW}${rawSince} UNION ALL ${HOURLY}${hourlySince}) ORDER BY at, provider, account, window`;
  const rows = db.prepare(sql).all(...params, ...sinceParam, ...params, ...sinceParam) as Row[];
  return rows.map(toSample);
}

/** Every window with readings since `since`, each as at most `maxPoints` points (the peak of each slice). */
export function querySeries(db: Database, since: number, until: number, maxPoints: number): HistorySeries[] {
  const from = Math.floor(since);
  const slice = Math.max(1, Math.ceil((until - from) / Math.max(1, maxPoints)));
  // Per window, over the primary key's order; the bucket groups are small enough to sort in memory.
  // libsql binds every JS number as REAL, hence the CAST for an integer slice number.
  const stmt = db.prepare(
    `SELECT CAST((at - ?) / ? AS INTEGER) AS b, max(at) AS at, max(used_percent) AS p FROM (
       SELECT at, used_percent FROM samples WHERE provider = ? AND account = ? AND window = ? AND at >= ? AND used_percent IS NOT NULL
       UNION ALL
       SELECT last_at, max_percent FROM hourly WHERE provider = ? AND account = ? AND window = ? AND last_at >= ? AND max_percent IS NOT NULL
     ) GROUP BY b ORDER BY b`,
  );
  const out: HistorySeries[] = [];
  for (const k of windowKeys(db)) {
    const key = [k.provider, k.account, k.window, from];
    const rows = stmt.all(from, slice, ...key, ...key) as Array<{ at: number; p: number }>;
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

// Distinct windows by hopping along each table's primary key: one indexed seek per window
// instead of a scan of every sample.
function windowKeys(db: Database): Key[] {
  const seen = new Map<string, Key>();
  for (const table of ['samples', 'hourly']) {
    const first = db.prepare(`SELECT provider, account, window FROM ${table} ORDER BY provider, account, window LIMIT 1`);
    const next = db.prepare(
      `SELECT provider, account, window FROM ${table} WHERE (provider, account, window) > (?, ?, ?) ORDER BY provider, account, window LIMIT 1`,
    );
    for (let k = first.get() as Key | undefined; k; k = next.get(k.provider, k.account, k.window) as Key | undefined) {
      seen.set(JSON.stringify([k.provider, k.account, k.window]), k);
    }
  }
  return [...seen.values()];
}

function toSample(r: Row): HistorySample {
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
