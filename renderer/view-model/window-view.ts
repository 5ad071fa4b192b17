// One meter as the popover draws it: a percent bar, or an amount for credit without a cap.
import type { UsageWindow } from '../../core/model';
import { formatAmount, formatResetsIn, paceText, windowAmounts, windowFigure } from '../../core/present';
import { paceOf, type Reading } from '../../core/pace';
import { levelForBalance, levelForPercent, type Level } from '../../core/levels';

export type WindowDisplay =
  /** A bar filled to `fill` (0–100) with "37 %" as the headline. */
  | { mode: 'percent'; fill: number; headline: string }
  /** No cap to measure against: the balance itself is the headline ("$12.37 left"). */
  | { mode: 'amount'; headline: string }
  /** Nothing measurable arrived for this window. */
  | { mode: 'unknown'; headline: string };

export interface WindowView {
  id: string;
  label: string;
  display: WindowDisplay;
  level: Level;
  /** "$7.63 of $20.00 used", or null when the window only has a percentage. */
  detail: string | null;
  /** "resets in 3 h 12 min", or null when the window does not reset. */
  countdown: string | null;
  /** "8 % in reserve · lasts until reset", or null where pace does not apply (core/pace.ts). */
  pace: string | null;
}

export interface WindowContext {
  now: number;
  /** This window's stored readings (the sparkline's), for pace at the recent rate; none: the average rate. */
  recent?: readonly Reading[];
  thresholds: readonly number[];
  lowBalanceUsd: number;
}

/** Builds the view of one window; cheap enough to rerun every second for the countdown. */
export function toWindowView(w: UsageWindow, ctx: WindowContext): WindowView {
  const countdown = formatResetsIn(w.resetsAt, ctx.now, { live: true });
  const pace = paceOf(w, ctx.now, ctx.recent);
  const base = { id: w.id, label: w.label, countdown, pace: pace && paceText(pace, ctx.now) };
  if (w.usedPercent !== null && Number.isFinite(w.usedPercent)) {
    return {
      ...base,
      // windowFigure reads "37 % used" for any window with a percentage, as the CLI does.
      display: { mode: 'percent', fill: Math.min(100, Math.max(0, w.usedPercent)), headline: windowFigure(w) },
      level: levelForPercent(w.usedPercent, ctx.thresholds),
      // Amounts beside the bar ("$7.63 of $20.00 · $12.37 left"); null for percent-only windows.
      detail: windowAmounts(w),
    };
  }
  if (w.remaining !== null) {
    const money = w.unit !== 'percent';
    return {
      ...base,
      display: { mode: 'amount', headline: `${formatAmount(w.remaining, w.unit)} left` },
      level: money ? levelForBalance(w.remaining, w.unit === 'usd' ? ctx.lowBalanceUsd : 0) : 'normal',
      detail: w.used !== null ? `${formatAmount(w.used, w.unit)} spent` : null,
    };
  }
  if (w.used !== null) {
    return { ...base, display: { mode: 'amount', headline: `${formatAmount(w.used, w.unit)} spent` }, level: 'normal', detail: null };
  }
  return { ...base, display: { mode: 'unknown', headline: 'no data' }, level: 'normal', detail: null };
}
