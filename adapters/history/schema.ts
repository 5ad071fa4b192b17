// The history database's tables, created or upgraded on open. Each migration runs once, in order,
// inside one transaction with the version bump (PRAGMA user_version), so a crash leaves either the
// old schema or the new one.
import type Libsql from 'libsql';

type Database = Libsql.Database;

// Accounts are stored as '' rather than NULL: NULLs are never equal in a primary key, so two
// samples of "no account" would not collide and an upsert would not find its row.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE samples (
     provider TEXT NOT NULL, account TEXT NOT NULL, window TEXT NOT NULL, at INTEGER NOT NULL,
     used_percent REAL, used REAL, lim REAL, remaining REAL, resets_at INTEGER, source TEXT,
     PRIMARY KEY (provider, account, window, at)
   ) WITHOUT ROWID;
   CREATE INDEX samples_at ON samples (at);
   CREATE TABLE hourly (
     provider TEXT NOT NULL, account TEXT NOT NULL, window TEXT NOT NULL, hour INTEGER NOT NULL,
     min_percent REAL, max_percent REAL, last_at INTEGER NOT NULL, last_percent REAL,
     last_used REAL, last_limit REAL, last_remaining REAL, last_resets_at INTEGER, last_source TEXT,
     PRIMARY KEY (provider, account, window, hour)
   ) WITHOUT ROWID;`,
];

/** Sets WAL and the busy timeout, then brings the schema to the newest version. */
export function prepareDatabase(db: Database, busyTimeoutMs: number): void {
  // WAL: a crash mid-write loses at most the unfinished transaction, and readers never block the writer.
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // The mode is stored in the file; asking for it again costs a lock round-trip on every open.
  const mode = db.prepare('PRAGMA journal_mode').all() as Array<{ journal_mode: string }>;
  if (mode[0]?.journal_mode !== 'wal') db.exec('PRAGMA journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power cut can drop the last commit.
  db.exec('PRAGMA synchronous = NORMAL');
  const version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  if (version >= MIGRATIONS.length) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have migrated while this one waited for the lock.
    const now = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    for (let v = now; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

/** A stored sample as SQLite returns it (column names as in the schema). */
export interface SampleRow {
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
