// A rig whose history is a real SQLite store seeded with the given readings and read only to the app:
// the demo keeps polling during a test, but its readings are not written, so what the page shows is
// exactly the seeded history (plus, for sparklines, the reading on screen).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyPath, SqliteHistoryStore } from '../../../adapters/history/sqlite-history-store';
import { SystemClock } from '../../../adapters/system-clock';
import { ok } from '../../../core/errors';
import type { HistorySample, HistoryStore } from '../../../core/ports';
import { startRig, type Rig } from './harness';

export async function startSeededRig(seeded: readonly HistorySample[]): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'quotabar-e2e-history-'));
  const clock = new SystemClock({ unref: true });
  const store = new SqliteHistoryStore({ path: historyPath(dir), clock, scheduler: clock });
  const seededOk = await store.record([...seeded]);
  if (!seededOk.ok) throw new Error(`the seeded history could not be written: ${seededOk.error.kind}`);
  const readOnly: HistoryStore = {
    record: async () => ok({ written: 0, setAsideTo: null }),
    query: (f) => store.query(f),
    series: (since, max) => store.series(since, max),
    close: () => undefined,
  };
  const rig = await startRig({ history: readOnly });
  return {
    ...rig,
    async close() {
      await rig.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
