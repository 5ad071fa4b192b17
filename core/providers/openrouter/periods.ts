// OpenRouter's limit_reset periods (PROVIDERS.md 1a): UTC days, weeks from Monday, calendar months.
import { nextUtcMidnight, nextUtcMonday, nextUtcMonthStart } from '../../time';

export type Period = 'daily' | 'weekly' | 'monthly';
export const PERIODS: Period[] = ['daily', 'weekly', 'monthly'];

/** True for the three periods Quotabar knows; the enum is open, so anything else is "no known reset". */
export function isPeriod(v: string | null): v is Period {
  return v === 'daily' || v === 'weekly' || v === 'monthly';
}

/** When a period's limit resets next after `now` (epoch ms). */
export function periodReset(p: Period, now: number): number {
  if (p === 'daily') return nextUtcMidnight(now);
  if (p === 'weekly') return nextUtcMonday(now);
  return nextUtcMonthStart(now);
}

export const PERIOD_MINUTES: Record<Period, number | null> = { daily: 1440, weekly: 10080, monthly: null };
export const CAP_LABEL: Record<Period, string> = { daily: 'Daily limit', weekly: 'Weekly limit', monthly: 'Monthly limit' };

/** Arithmetic on huge inputs can overflow; an infinite figure is shown as unknown. */
export function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

/** Used under a cap (CodexBar's arithmetic): limit − clamp(remaining, 0, limit), else the period's spend, else all-time usage. */
export function usedUnderCap(limit: number, remaining: number | null, periodUsage: number | null, usage: number | null): number | null {
  return remaining !== null ? limit - Math.min(Math.max(remaining, 0), limit) : (periodUsage ?? usage);
}
