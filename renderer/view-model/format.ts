// Live text for the popover: ages. Every function takes `now` explicitly so the popover re-renders
// each second from the clock store without refetching. Countdowns ("resets in …" with `live`),
// amounts, percentages and other words come from core/present.ts, shared with the tray and the CLI.
import { formatAgo } from '../../core/present';

/** "updated 7 min ago" (the age in core/present's words), or "never updated" before any success. */
export function updatedText(fetchedAt: number | null, now: number): string {
  return fetchedAt === null ? 'never updated' : `updated ${formatAgo(fetchedAt, now)}`;
}
