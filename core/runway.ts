// Dollar runway: how many days the credit left lasts at this week's spend. Pure: time comes in as
// arguments, never from a clock.
import { isOwnWindow, type Note, type ProviderSnapshot } from './model';
import { DAY } from './time';

/** Runway stays hidden until this much of the week has passed: a Monday-morning burst is not a pace. */
export const RUNWAY_MIN_ELAPSED_MS = 0.03 * 7 * DAY;

/**
 * Days `remaining` lasts at the rate of `spent` since `since`, both observed at `at`: 0 when
 * nothing is left, null when the spend is zero or unknown or too little of the week has passed.
 */
export function runwayDays(remaining: number | null, spent: number | null, since: number, at: number): number | null {
  if (remaining === null || spent === null || !Number.isFinite(remaining) || !Number.isFinite(spent)) return null;
  if (remaining <= 0) return 0;
  const elapsed = at - since;
  if (spent <= 0 || elapsed < RUNWAY_MIN_ELAPSED_MS) return null;
  return remaining / (spent / (elapsed / DAY));
}

type WeekSpend = Extract<Note, { code: 'week_spend' }>;

/**
 * A snapshot's runway: its money credit window's balance at the spend its `week_spend` note reports,
 * as of when it was fetched. Null without both, or for a credit that is not money.
 */
export function runwayOf(s: ProviderSnapshot): number | null {
  const spend = s.notes.find((n): n is WeekSpend => n.code === 'week_spend');
  const credit = s.windows.find((w) => isOwnWindow(w) && w.kind === 'credits' && w.unit !== 'percent' && w.unit !== 'credits' && w.remaining !== null);
  if (!spend || !credit || s.fetchedAt === null || spend.unit !== credit.unit) return null;
  return runwayDays(credit.remaining, spend.amount, spend.since, s.fetchedAt);
}
