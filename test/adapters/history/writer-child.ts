// A separate process that writes history samples, for the two-writers test: argv = db path, provider id, count.
import { SqliteHistoryStore } from '../../../adapters/history/sqlite-history-store';
import { SystemClock } from '../../../adapters/system-clock';

const [path, providerId, count] = process.argv.slice(2) as [string, string, string];
const clock = new SystemClock({ unref: true });
const store = new SqliteHistoryStore({ path, clock, scheduler: clock, busyTimeoutMs: 5000 });
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  const r = await store.record([
    { at: 1_000_000 + i, providerId, accountLabel: null, windowId: 'weekly', usedPercent: i % 100, used: null, limit: null, remaining: null, resetsAt: null, source: 'child' },
  ]);
  if (!r.ok) failed++;
}
store.close();
process.stdout.write(JSON.stringify({ failed }));
