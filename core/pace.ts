// Pace of a rolling window: how its use compares with use spread evenly over the window, and when
// it runs out at the rate it is being used. Pure: time comes in as `now`.
import type { HistorySample } from './ports';

/** A stored reading as pace needs it: when, and how full. */
export type Reading = Pick<HistorySample, 'at' | 'usedPercent'>;
import type { UsageWindow } from './model';
import { MINUTE } from './time';

/** Where a window stands against an even spread of its allowance. */
export interface Pace {
  /** The % used by now if use were spread evenly over the window (elapsed fraction × 100). */
  expectedPercent: number;
  /** Actual minus expected, in percentage points: above 0 is a deficit, below 0 a reserve. */
  deltaPercent: number;
  /** When use reaches 100 % at the rate used (epoch ms); null when it lasts until the reset. */
  runsOutAt: number | null;
  lastsUntilReset: boolean;
  /** Which rate the run-out was projected at: recent history, or the average since the window began. */
  basis: 'recent' | 'average';
}

/** Pace stays hidden until this fraction of the window has elapsed: earlier, one burst reads as a trend. */
export const PACE_MIN_ELAPSED = 0.03;
/** History counts as recent within this fraction of the window's length before `now`. */
export const RECENT_SPAN = 0.1;
/** Fewest readings (the current one included) that make a recent rate. */
export const RECENT_MIN_SAMPLES = 3;

/**
 * The pace of `w` at `now`, or null where pace does not apply: a credit window, an unknown length,
 * reset or use, a window already past its reset, or one under 3 % elapsed. `recent` are this
 * window's stored readings (any order); with enough of them in the last tenth of the window the
 * run-out is projected at their rate, else at the window's average rate since it began.
 */
export function paceOf(w: UsageWindow, now: number, recent: readonly Reading[] = []): Pace | null {
  if (w.kind === 'credits' || w.usedPercent === null || !Number.isFinite(w.usedPercent)) return null;
  if (w.resetsAt === null || w.windowMinutes === null || w.windowMinutes <= 0) return null;
  const length = w.windowMinutes * MINUTE;
  const start = w.resetsAt - length;
  const elapsed = now - start;
  if (now >= w.resetsAt || elapsed < PACE_MIN_ELAPSED * length) return null;
  const expectedPercent = (elapsed / length) * 100;
  const used = w.usedPercent;
  const recentRate = recentRateOf(recent, used, now, start, length);
  const rate = recentRate ?? used / elapsed;
  return {
    expectedPercent,
    deltaPercent: used - expectedPercent,
    ...runOut(used, rate, now, w.resetsAt),
    basis: recentRate === null ? 'average' : 'recent',
  };
}

/** A window's stored readings, for the recent rate (none: the average rate). */
export type RecentReadings = (s: { providerId: string; accountLabel: string | null }, w: UsageWindow) => readonly Reading[];

/** Stored samples (any windows, any order) as the RecentReadings of each window. */
export function readingsBy(samples: readonly HistorySample[]): RecentReadings {
  const key = (providerId: string, accountLabel: string | null, windowId: string) => `${providerId}\u0000${accountLabel ?? ''}\u0000${windowId}`;
  const by = new Map<string, HistorySample[]>();
  for (const x of samples) {
    const k = key(x.providerId, x.accountLabel, x.windowId);
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return (s, w) => by.get(key(s.providerId, s.accountLabel, w.id)) ?? [];
}

/** How far back the recent rate of any of these windows can reach (0 when none has a pace). */
export function recentSpanMs(windows: readonly UsageWindow[], now: number): number {
  return Math.max(0, ...windows.filter((w) => paceOf(w, now) !== null).map((w) => RECENT_SPAN * w.windowMinutes! * MINUTE));
}

/** Percent per ms from the oldest recent reading of this period to the current one; null when too few. */
function recentRateOf(samples: readonly Reading[], used: number, now: number, start: number, length: number): number | null {
  const from = Math.max(start, now - RECENT_SPAN * length);
  const inSpan = samples.filter((s) => s.usedPercent !== null && s.at >= from && s.at < now);
  if (inSpan.length + 1 < RECENT_MIN_SAMPLES) return null;
  const oldest = inSpan.reduce((a, b) => (b.at < a.at ? b : a));
  // A span too short for its rate to mean anything (two polls a second apart) is not a trend.
  if (now - oldest.at < (RECENT_SPAN * length) / 2) return null;
  // Use that went down means the window moved on; nothing is being spent.
  return Math.max(0, (used - (oldest.usedPercent as number)) / (now - oldest.at));
}

function runOut(used: number, rate: number, now: number, resetsAt: number): Pick<Pace, 'runsOutAt' | 'lastsUntilReset'> {
  if (used >= 100) return { runsOutAt: now, lastsUntilReset: false };
  if (rate <= 0) return { runsOutAt: null, lastsUntilReset: true };
  const at = now + (100 - used) / rate;
  return at >= resetsAt ? { runsOutAt: null, lastsUntilReset: true } : { runsOutAt: Math.round(at), lastsUntilReset: false };
}
