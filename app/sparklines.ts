// The popover's sparklines: for every window with a known period in the current snapshots, its stored
// readings since that period began, thinned. One history query per window length (5-hour, weekly…),
// not one per window.
import { accountKey } from '../core/accounts';
import type { ProviderSnapshot } from '../core/model';
import type { HistoryStore } from '../core/ports';
import { SPARK_POINTS, sparkPeriod, type SparkPoint, type Sparkline } from '../core/sparkline';

const keyOf = (providerId: string, accountLabel: string | null, windowId: string) => `${accountKey(providerId, accountLabel)}\u0000${windowId}`;

/** Sparklines for the windows on screen; empty without a store or when it cannot be read (the meters stand alone). */
export async function sparklinesFor(store: HistoryStore | null, snapshots: readonly ProviderSnapshot[], now: number): Promise<Sparkline[]> {
  if (!store) return [];
  const wanted: Array<Omit<Sparkline, 'points'> & { minutes: number; current: SparkPoint | null }> = [];
  for (const s of snapshots) {
    for (const w of s.windows) {
      const period = sparkPeriod(w, now);
      // The reading on screen ends the line, whether or not the store has it yet.
      const current = s.fetchedAt !== null && w.usedPercent !== null ? { at: s.fetchedAt, usedPercent: w.usedPercent } : null;
      if (period) wanted.push({ providerId: s.providerId, accountLabel: s.accountLabel, windowId: w.id, ...period, minutes: w.windowMinutes!, current });
    }
  }
  const lengths = [...new Set(wanted.map((w) => w.minutes))];
  const found = new Map<string, Sparkline['points']>();
  for (const minutes of lengths) {
    const group = wanted.filter((w) => w.minutes === minutes);
    const since = Math.min(...group.map((w) => w.from));
    const r = await store.series(since, SPARK_POINTS);
    if (!r.ok) return [];
    for (const line of r.value) found.set(keyOf(line.providerId, line.accountLabel, line.windowId) + `\u0000${minutes}`, line.points);
  }
  return wanted.map(({ minutes, current, ...w }) => {
    const stored = (found.get(keyOf(w.providerId, w.accountLabel, w.windowId) + `\u0000${minutes}`) ?? []).filter((p) => p.at >= w.from);
    const last = stored[stored.length - 1];
    return { ...w, points: current && (!last || current.at > last.at) ? [...stored, current] : stored };
  });
}
