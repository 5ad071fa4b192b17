// The stored readings pace projects from, for the app's predictive alerts: each window's samples over
// the recent span of its length (core/pace.ts), in one history query. No store, no window with a
// pace, or a read problem: none, so the alert falls back to the window's average rate.
import type { ProviderSnapshot } from '../core/model';
import type { HistoryStore } from '../core/ports';
import { readingsBy, recentSpanMs, type RecentReadings } from '../core/pace';

const NONE: RecentReadings = () => [];

export async function recentReadingsFor(store: HistoryStore | null, snapshots: readonly ProviderSnapshot[], now: number): Promise<RecentReadings> {
  if (!store) return NONE;
  const span = recentSpanMs(snapshots.flatMap((s) => s.windows), now);
  if (span === 0) return NONE;
  const r = await store.query({ since: now - span });
  return r.ok ? readingsBy(r.value) : NONE;
}
