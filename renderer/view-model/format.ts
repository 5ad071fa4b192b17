// Live text for the popover: countdowns and ages. Every function takes `now` explicitly so the
// popover re-renders each second from the clock store without refetching. Amounts, percentages
// and other words come from core/present.ts, shared with the CLI.
import { formatAgo } from '../../core/present';
import { DAY, HOUR, MINUTE } from '../../core/time';

const SECOND = 1000;

/**
 * A countdown in its two largest units: "2 d 4 h", "3 h 12 min", "42 min", "4 min 5 s", "45 s".
 * Unlike core/present's formatDuration it shows seconds in the last ten minutes, so a countdown
 * that re-renders every second visibly moves when the reset is near.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND)) * SECOND;
  if (total >= DAY) {
    const d = Math.floor(total / DAY);
    const h = Math.floor((total % DAY) / HOUR);
    return h > 0 ? `${d} d ${h} h` : `${d} d`;
  }
  if (total >= HOUR) {
    const h = Math.floor(total / HOUR);
    const m = Math.floor((total % HOUR) / MINUTE);
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  if (total >= 10 * MINUTE) return `${Math.floor(total / MINUTE)} min`;
  if (total >= MINUTE) {
    const m = Math.floor(total / MINUTE);
    const s = Math.floor((total % MINUTE) / SECOND);
    return s > 0 ? `${m} min ${s} s` : `${m} min`;
  }
  return `${Math.floor(total / SECOND)} s`;
}

/** "resets in 3 h 12 min"; "resetting now" once the time has passed; null when unknown. */
export function countdownText(resetsAt: number | null, now: number): string | null {
  if (resetsAt === null) return null;
  const left = resetsAt - now;
  if (left < SECOND) return 'resetting now';
  return `resets in ${formatCountdown(left)}`;
}

/** "updated 7 min ago" (the age in core/present's words), or "never updated" before any success. */
export function updatedText(fetchedAt: number | null, now: number): string {
  return fetchedAt === null ? 'never updated' : `updated ${formatAgo(fetchedAt, now)}`;
}
