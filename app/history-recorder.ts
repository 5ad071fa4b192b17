// Writes each successful poll's samples to the history store, off the poll's path: the view is
// already out when the write starts, and a failed write is reported once, never thrown.
import { assertNever } from '../core/errors';
import { recordedUpTo, samplesFromSnapshots } from '../core/history';
import type { PollerView } from '../core/model';
import type { Clock, HistoryError, HistoryStore, Scheduler } from '../core/ports';
import { dataDir } from '../adapters/app-paths';
import { historyPath, SqliteHistoryStore } from '../adapters/history/sqlite-history-store';

/** The history database in the platform's data folder (`QUOTABAR_DATA_DIR` overrides it). */
export function defaultHistory(
  opts: { env: Record<string, string | undefined>; platform: string; homedir: string },
  clock: Clock & Scheduler,
): HistoryStore {
  return new SqliteHistoryStore({ path: historyPath(dataDir(opts.env, opts.platform, opts.homedir)), clock, scheduler: clock });
}

/**
 * A poller listener that records every `ok` snapshot once (the poller re-emits views while others
 * refresh). Writes run one after another so samples land in order; failures go to `warn`, and the
 * same failure is not repeated while it lasts.
 */
export interface HistoryRecorder {
  /** The poller listener. */
  listen(v: PollerView): void;
  /** Resolves once every sample handed to `listen` so far has been written or given up on. */
  idle(): Promise<void>;
}

export function historyRecorder(store: HistoryStore, warn: (m: string) => void = (m) => console.error(`quotabar: ${m}`)): HistoryRecorder {
  let recorded = new Map<string, number>();
  let chain: Promise<void> = Promise.resolve();
  let lastProblem: string | null = null;
  const listen = (v: PollerView): void => {
    const samples = samplesFromSnapshots(v.snapshots, recorded);
    if (samples.length === 0) return;
    recorded = recordedUpTo(v.snapshots, recorded);
    chain = chain.then(async () => {
      const r = await store.record(samples);
      const problem = r.ok ? null : historyProblem(r.error);
      if (r.ok && r.value.setAsideTo) warn(setAsideText(r.value.setAsideTo));
      if (problem && problem !== lastProblem) warn(problem);
      lastProblem = problem;
    }).catch((e: unknown) => warn(`history not saved: ${e instanceof Error ? e.message : String(e)}`));
  };
  return { listen, idle: () => chain };
}

/** One line on why history was not saved or read (polling goes on without it). */
export function historyProblem(e: HistoryError, doing: 'saved' | 'read' = 'saved'): string {
  switch (e.kind) {
    case 'locked':
      return `history not ${doing}: another process kept the history database locked`;
    case 'unavailable':
      return e.code === 'driver_missing'
        ? `history not ${doing}: the SQLite driver is not available on this system`
        : `history not ${doing}: the history database could not be ${doing === 'saved' ? 'opened or written' : 'opened or read'} (${e.code})`;
    default:
      return assertNever(e);
  }
}

/** What happened to a database that could not be read. */
export function setAsideText(path: string): string {
  return `the history database could not be read; it was moved to ${path} and a new one was started`;
}
