// The --json shape: snapshots with ISO-8601 times, nothing secret (snapshots never hold keys).
import { lowBalanceOf } from '../core/alerts';
import type { Note, ProviderSnapshot, UsageWindow } from '../core/model';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function windowJson(w: UsageWindow) {
  return { ...w, resetsAt: iso(w.resetsAt) };
}

function noteJson(n: Note) {
  return n.code === 'key_expires' || n.code === 'observed_at' ? { ...n, at: iso(n.at) } : n;
}

/** The CLI's own note: the balance is below the user's low-balance line (the alert's rule). */
function lowBalanceNote(s: ProviderSnapshot, lowBalanceUsd: number) {
  const low = lowBalanceOf(s, lowBalanceUsd);
  return low ? [{ code: 'low_balance' as const, remaining: low.remaining, threshold: low.threshold }] : [];
}

/** A snapshot as printed by `quotabar status --json`; `lowBalanceUsd` 0 adds no low-balance note. */
export function snapshotJson(s: ProviderSnapshot, lowBalanceUsd = 0) {
  return {
    ...s,
    fetchedAt: iso(s.fetchedAt),
    attemptedAt: iso(s.attemptedAt),
    windows: s.windows.map(windowJson),
    notes: [...s.notes.map(noteJson), ...lowBalanceNote(s, lowBalanceUsd)],
  };
}

export function statusJson(snaps: ProviderSnapshot[], lowBalanceUsd = 0): string {
  return JSON.stringify({ providers: snaps.map((s) => snapshotJson(s, lowBalanceUsd)) }, null, 2);
}
