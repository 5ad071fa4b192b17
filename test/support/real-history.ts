// A real SQLite history in a temporary folder, holding the given readings; closed and removed after
// each test. For the app's tests that read stored readings (alerts, sparklines).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { historyPath, SqliteHistoryStore } from '../../adapters/history/sqlite-history-store';
import type { HistorySample } from '../../core/ports';
import type { FakeClock } from './fake-clock';

/** Call at a test file's top level: returns the function that opens a store holding `samples`. */
export function realHistory(clock: FakeClock, name: string): (samples: HistorySample[]) => Promise<SqliteHistoryStore> {
  let dir = '';
  let store: SqliteHistoryStore | null = null;
  afterEach(() => {
    store?.close();
    store = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  return async (samples) => {
    dir = mkdtempSync(join(tmpdir(), `quotabar-${name}-`));
    store = new SqliteHistoryStore({ path: historyPath(dir), clock, scheduler: clock });
    expect((await store.record(samples)).ok).toBe(true);
    return store;
  };
}
