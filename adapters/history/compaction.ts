// Retention: raw samples older than 30 days are dropped, leaving one row per window and hour (min,
// max and the hour's last reading). Writes keep that hourly row up to date as they go (so long
// charts and sparklines read 12× fewer rows); compaction folds each hour again before deleting it,
// which changes nothing for rows a write already folded and repairs any it did not. One call
// handles one small batch in one short transaction, so a poll's write never waits long behind it.
import type Libsql from 'libsql';
import type { SampleRow } from './schema';

type Database = Libsql.Database;

export const RAW_RETENTION_MS = 30 * 24 * 3600_000;
export const HOUR_MS = 3600_000;


interface Hour {
  provider: string;
  account: string;
  window: string;
  hour: number;
  min: number | null;
  max: number | null;
  last: SampleRow;
}

/**
 * Folds up to `hours` whole hours of raw samples that are all older than the retention cut-off
 * into the hourly table and deletes them. Returns how many raw rows it folded (0: nothing left).
 * Two processes may both run it: the IMMEDIATE transaction serialises them and the upsert merges.
 */
export function compactBatch(db: Database, now: number, hours = 6): number {
  // Only hours that ended before the cut-off, so an hour is never split between raw and hourly.
  const cutoff = Math.floor((now - RAW_RETENTION_MS) / HOUR_MS) * HOUR_MS;
  db.exec('BEGIN IMMEDIATE');
  try {
    const oldest = db.prepare('SELECT min(at) AS at FROM samples').get() as { at: number | null };
    if (oldest.at === null || oldest.at >= cutoff) return db.exec('COMMIT'), 0;
    const from = Math.floor(oldest.at / HOUR_MS) * HOUR_MS;
    const to = Math.min(cutoff, from + hours * HOUR_MS);
    const rows = db.prepare('SELECT * FROM samples WHERE at >= ? AND at < ? ORDER BY at').all(from, to) as SampleRow[];
    const upsert = db.prepare(HOURLY_UPSERT);
    for (const h of foldHours(rows)) {
      const l = h.last;
      upsert.run(h.provider, h.account, h.window, h.hour, h.min, h.max, l.at, l.used_percent, l.used, l.lim, l.remaining, l.resets_at, l.source);
    }
    db.prepare('DELETE FROM samples WHERE at >= ? AND at < ?').run(from, to);
    db.exec('COMMIT');
    return rows.length;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/**
 * Merges one hour's figures into its row: (provider, account, window, hour, min %, max %, last at,
 * last %, last used, last limit, last remaining, last reset, last source).
 */
export const HOURLY_UPSERT = `INSERT INTO hourly VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT (provider, account, window, hour) DO UPDATE SET
         min_percent = CASE WHEN min_percent IS NULL OR excluded.min_percent < min_percent THEN excluded.min_percent ELSE min_percent END,
         max_percent = CASE WHEN max_percent IS NULL OR excluded.max_percent > max_percent THEN excluded.max_percent ELSE max_percent END,
         last_at = max(last_at, excluded.last_at),
         last_percent = CASE WHEN excluded.last_at >= last_at THEN excluded.last_percent ELSE last_percent END,
         last_used = CASE WHEN excluded.last_at >= last_at THEN excluded.last_used ELSE last_used END,
         last_limit = CASE WHEN excluded.last_at >= last_at THEN excluded.last_limit ELSE last_limit END,
         last_remaining = CASE WHEN excluded.last_at >= last_at THEN excluded.last_remaining ELSE last_remaining END,
         last_resets_at = CASE WHEN excluded.last_at >= last_at THEN excluded.last_resets_at ELSE last_resets_at END,
         last_source = CASE WHEN excluded.last_at >= last_at THEN excluded.last_source ELSE last_source END`;

/** Rows (oldest first) grouped by window and hour: min and max used %, and the last row. */
function foldHours(rows: readonly SampleRow[]): Hour[] {
  const byKey = new Map<string, Hour>();
  for (const r of rows) {
    const hour = Math.floor(r.at / HOUR_MS) * HOUR_MS;
    const key = JSON.stringify([r.provider, r.account, r.window, hour]);
    const h = byKey.get(key);
    const p = r.used_percent;
    if (!h) {
      byKey.set(key, { provider: r.provider, account: r.account, window: r.window, hour, min: p, max: p, last: r });
      continue;
    }
    if (p !== null) {
      h.min = h.min === null ? p : Math.min(h.min, p);
      h.max = h.max === null ? p : Math.max(h.max, p);
    }
    h.last = r;
  }
  return [...byKey.values()];
}
