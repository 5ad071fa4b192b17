// Adaptive polling: how long to wait before asking one account again, from what its numbers are
// doing and what the user is doing. Pure: the poller supplies the facts, the shell the signals.
import type { UsageWindow } from './model';
import { MINUTE } from './time';

/** Adaptive polling never asks more often than this... */
export const MIN_ADAPTIVE_MS = 1 * MINUTE;
/** ...nor less often than this. */
export const MAX_ADAPTIVE_MS = 30 * MINUTE;

/** How long after the last change usage still counts as moving. */
export const MOVING_FOR_MS = 15 * MINUTE;
/** How long after the popover was opened the user counts as looking. */
export const LOOKING_FOR_MS = 10 * MINUTE;
/** A window this many points (or fewer) below an alert threshold is near it. */
export const NEAR_THRESHOLD_POINTS = 10;

/** What the desktop knows about the user; the CLI and tests leave them at their defaults. */
export interface ActivitySignals {
  /** When the popover was last opened (epoch ms), or null. */
  lookedAt: number | null;
  onBattery: boolean;
  screenLocked: boolean;
}

export const NO_ACTIVITY: ActivitySignals = { lookedAt: null, onBattery: false, screenLocked: false };

/** How the poll interval is chosen: adaptive (default), or the user's fixed interval. */
export type PollingMode = 'adaptive' | 'fixed';

export interface CadenceFacts {
  now: number;
  /** When this account's numbers last changed (or were first seen), or null before any success. */
  changedAt: number | null;
  /** Its current windows. */
  windows: readonly UsageWindow[];
  /** The alert thresholds (percent used, ascending). */
  thresholds: readonly number[];
  signals: ActivitySignals;
}

/** The next interval under adaptive polling, within [1 min, 30 min]. */
export function adaptiveIntervalMs(f: CadenceFacts): number {
  if (f.signals.screenLocked) return MAX_ADAPTIVE_MS;
  const near = nearThreshold(f.windows, f.thresholds);
  const looking = f.signals.lookedAt !== null && f.now - f.signals.lookedAt < LOOKING_FOR_MS;
  if (near || looking) return MIN_ADAPTIVE_MS;
  const quiet = f.changedAt === null ? 0 : Math.max(0, f.now - f.changedAt);
  const base = quiet < MOVING_FOR_MS ? 2 * MINUTE : quiet < 60 * MINUTE ? 5 * MINUTE : quiet < 3 * 60 * MINUTE ? 15 * MINUTE : MAX_ADAPTIVE_MS;
  return Math.min(MAX_ADAPTIVE_MS, f.signals.onBattery ? base * 2 : base);
}

/** True when some window sits at most NEAR_THRESHOLD_POINTS below a threshold it has not yet reached. */
export function nearThreshold(windows: readonly UsageWindow[], thresholds: readonly number[]): boolean {
  return windows.some((w) => {
    const used = w.usedPercent;
    if (used === null || !Number.isFinite(used)) return false;
    return thresholds.some((t) => used < t && t - used <= NEAR_THRESHOLD_POINTS);
  });
}

/** True when the numbers a user reads changed between two polls (a new window, a gone one, or a moved figure). */
export function windowsChanged(prev: readonly UsageWindow[], next: readonly UsageWindow[]): boolean {
  if (prev.length !== next.length) return true;
  const key = (w: UsageWindow) => `${w.id}|${w.usedPercent}|${w.used}|${w.remaining}|${w.limit}`;
  const before = new Set(prev.map(key));
  return next.some((w) => !before.has(key(w)));
}
