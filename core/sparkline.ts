// Sparklines under the popover's meters: which period a window's line covers, and the line itself as
// an SVG path. Pure, so main (which reads history) and the renderer (which draws) agree.
import type { UsageWindow } from './model';
import { MINUTE } from './time';

/** Most points a sparkline carries: more than a 280 px line can show apart. */
export const SPARK_POINTS = 60;

export interface SparkPoint {
  at: number;
  usedPercent: number;
}

/** A window's readings over its current period, oldest first, ending with the reading on screen. */
export interface Sparkline {
  providerId: string;
  accountLabel: string | null;
  windowId: string;
  /** The current period: from its start to its reset (epoch ms). */
  from: number;
  to: number;
  points: SparkPoint[];
}

/**
 * The current period of a window that resets on a known schedule (a 5-hour or weekly window):
 * [reset − length, reset]. Null for a window without a length or reset (a credit balance), or one whose
 * numbers are inconsistent (a period starting in the future).
 */
export function sparkPeriod(w: Pick<UsageWindow, 'resetsAt' | 'windowMinutes'>, now: number): { from: number; to: number } | null {
  if (w.resetsAt === null || w.windowMinutes === null || w.windowMinutes <= 0) return null;
  const from = w.resetsAt - w.windowMinutes * MINUTE;
  return from <= now && w.resetsAt > from ? { from, to: w.resetsAt } : null;
}

/**
 * The line as an SVG path in a width × height box: time runs across the period, used % up the box
 * (0–100, clamped). Null with fewer than two points in the period.
 */
export function sparkPath(line: Pick<Sparkline, 'from' | 'to' | 'points'>, width: number, height: number): string | null {
  const inPeriod = line.points.filter((p) => p.at >= line.from && p.at <= line.to && Number.isFinite(p.usedPercent));
  if (inPeriod.length < 2) return null;
  const span = line.to - line.from;
  const x = (at: number) => ((at - line.from) / span) * width;
  const y = (pct: number) => height - (Math.min(100, Math.max(0, pct)) / 100) * height;
  return inPeriod.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)} ${y(p.usedPercent).toFixed(1)}`).join(' ');
}

/** The area under a sparkPath line, closed along the bottom of the box. */
export function sparkArea(line: string, height: number): string {
  const xs = [...line.matchAll(/[ML]([\d.]+) /g)].map((m) => m[1]);
  return `${line} L${xs[xs.length - 1]} ${height} L${xs[0]} ${height} Z`;
}
