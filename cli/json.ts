// The --json shape: snapshots with ISO-8601 times, nothing secret (snapshots never hold keys).
import { lowBalanceOf } from '../core/alerts';
import type { Note, ProviderSnapshot, UsageWindow } from '../core/model';
import { paceOf, type Reading, type RecentReadings } from '../core/pace';
import { runwayOf } from '../core/runway';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** A window with its pace at `now` (null where pace does not apply; exactly these four fields). */
function windowJson(w: UsageWindow, now: number | null, recent: readonly Reading[]) {
  const p = now === null ? null : paceOf(w, now, recent);
  const pace = p && { expectedPercent: p.expectedPercent, deltaPercent: p.deltaPercent, runsOutAt: iso(p.runsOutAt), lastsUntilReset: p.lastsUntilReset };
  return { ...w, resetsAt: iso(w.resetsAt), pace };
}

function noteJson(n: Note) {
  if (n.code === 'week_spend') return { ...n, since: iso(n.since) };
  return n.code === 'key_expires' || n.code === 'observed_at' ? { ...n, at: iso(n.at) } : n;
}

/** Days of credit left at this week's spend, to a tenth of a day; null where unknown (core/runway.ts). */
function runwayJson(s: ProviderSnapshot): number | null {
  const days = runwayOf(s);
  return days === null ? null : Math.round(days * 10) / 10;
}

/** The CLI's own note: the balance is below the user's low-balance line (the alert's rule). */
function lowBalanceNote(s: ProviderSnapshot, lowBalanceUsd: number) {
  const low = lowBalanceOf(s, lowBalanceUsd);
  return low ? [{ code: 'low_balance' as const, remaining: low.remaining, threshold: low.threshold }] : [];
}

/**
 * A snapshot as printed by `quotabar status --json`; `lowBalanceUsd` 0 adds no low-balance note.
 * Pace is judged at `now`, or at the snapshot's fetch time when no time is given.
 */
export function snapshotJson(s: ProviderSnapshot, lowBalanceUsd = 0, now: number | null = null, recent: RecentReadings = () => []) {
  return {
    ...s,
    fetchedAt: iso(s.fetchedAt),
    attemptedAt: iso(s.attemptedAt),
    windows: s.windows.map((w) => windowJson(w, now ?? s.fetchedAt, recent(s, w))),
    runwayDays: runwayJson(s),
    notes: [...s.notes.map(noteJson), ...lowBalanceNote(s, lowBalanceUsd)],
  };
}

export function statusJson(snaps: ProviderSnapshot[], lowBalanceUsd = 0, now: number | null = null, recent: RecentReadings = () => []): string {
  return JSON.stringify({ providers: snaps.map((s) => snapshotJson(s, lowBalanceUsd, now, recent)) }, null, 2);
}
