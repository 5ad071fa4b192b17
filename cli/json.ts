// The --json shape: snapshots with ISO-8601 times, nothing secret (snapshots never hold keys).
import type { Note, ProviderSnapshot, UsageWindow } from '../core/model';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function windowJson(w: UsageWindow) {
  return { ...w, resetsAt: iso(w.resetsAt) };
}

function noteJson(n: Note) {
  return n.code === 'key_expires' || n.code === 'observed_at' ? { ...n, at: iso(n.at) } : n;
}

/** A snapshot as printed by `quotabar status --json`. */
export function snapshotJson(s: ProviderSnapshot) {
  return {
    ...s,
    fetchedAt: iso(s.fetchedAt),
    attemptedAt: iso(s.attemptedAt),
    windows: s.windows.map(windowJson),
    notes: s.notes.map(noteJson),
  };
}

export function statusJson(snaps: ProviderSnapshot[]): string {
  return JSON.stringify({ providers: snaps.map(snapshotJson) }, null, 2);
}
