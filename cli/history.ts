// `quotabar history`: stored samples from the history database, filtered, as a table, JSON or CSV;
// and the write that follows every `quotabar status`. The store (and the SQLite driver under it)
// is loaded only here, so `--help` and key commands never pay for it.
import { existsSync } from 'node:fs';
import { samplesFromSnapshots } from '../core/history';
import type { ProviderSnapshot } from '../core/model';
import type { Clock, HistoryFilter, Scheduler } from '../core/ports';
import { recentSpanMs, type RecentReadings } from '../core/pace';
import { dataDir } from '../adapters/app-paths';
import { historyProblem, setAsideText } from '../app/history-recorder';
import { recentReadingsFor } from '../app/recent-readings';
import type { HistoryCommand, Since } from './args';
import type { CliIo } from './io';
import { historyCsv, historyJson, historyTable } from '../core/history-format';

async function openStore(io: CliIo, clock: Clock & Scheduler) {
  const { historyPath, SqliteHistoryStore } = await import('../adapters/history/sqlite-history-store');
  const path = historyPath(dataDir(io.env, io.platform, io.homedir));
  return { path, store: new SqliteHistoryStore({ path, clock, scheduler: clock }) };
}

/** Prints the samples; exit 0, or 1 when the database cannot be read. A missing database is an empty history. */
export async function runHistory(c: HistoryCommand, io: CliIo, clock: Clock & Scheduler): Promise<number> {
  const { path, store } = await openStore(io, clock);
  const filter: HistoryFilter = {
    ...(c.providerId !== null ? { providerId: c.providerId } : {}),
    ...(c.accountLabel !== null ? { accountLabel: c.accountLabel } : {}),
    ...(c.windowId !== null ? { windowId: c.windowId } : {}),
    ...(c.since !== null ? { since: sinceMs(c.since, clock.now()) } : {}),
  };
  // Reading must not create the database: nothing recorded yet is simply no samples.
  const r = existsSync(path) ? await store.query(filter) : ({ ok: true, value: [] } as const);
  store.close();
  if (!r.ok) {
    io.stderr(`quotabar: ${historyProblem(r.error, 'read')}\n`);
    return 1;
  }
  io.stdout(c.format === 'json' ? historyJson(r.value) : c.format === 'csv' ? historyCsv(r.value) : historyTable(r.value));
  return 0;
}

/**
 * The stored readings `status` projects pace from: each window's samples over the recent span of its
 * length (core/pace.ts). The database is opened only when some window has a pace, and only if it
 * exists; a read problem means the average rate, never a failed status.
 */
export async function recentReadings(snaps: readonly ProviderSnapshot[], io: CliIo, clock: Clock & Scheduler): Promise<RecentReadings> {
  const none: RecentReadings = () => [];
  const now = clock.now();
  const span = recentSpanMs(snaps.flatMap((s) => s.windows), now);
  if (span === 0) return none;
  const { path, store } = await openStore(io, clock);
  if (!existsSync(path)) return (store.close(), none);
  // The same query and grouping as the app's predictive alerts.
  const recent = await recentReadingsFor(store, snaps, now);
  store.close();
  return recent;
}

/** After `status` has printed: one sample per window of each provider that answered. Problems go to stderr; the exit code stays. */
export async function recordStatus(snaps: readonly ProviderSnapshot[], io: CliIo, clock: Clock & Scheduler): Promise<void> {
  const samples = samplesFromSnapshots(snaps);
  if (samples.length === 0) return;
  const { store } = await openStore(io, clock);
  const r = await store.record(samples);
  // Without the app running, retention happens here: one small batch per run catches up over time.
  if (r.ok) store.compactOnce();
  store.close();
  if (!r.ok) io.stderr(`quotabar: ${historyProblem(r.error)}\n`);
  else if (r.value.setAsideTo) io.stderr(`quotabar: ${setAsideText(r.value.setAsideTo)}\n`);
}

/** Epoch ms of `--since`: that long before now, or the start of that day in local time. */
export function sinceMs(s: Since, now: number): number {
  return s.kind === 'ago' ? now - s.ms : new Date(s.year, s.month - 1, s.day).getTime();
}
