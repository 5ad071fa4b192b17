// Alert rules, pure: which notifications a new poller view deserves. The shell only delivers them
// (words come from core/alerts-text.ts). State is carried between calls so each crossing fires once.
import { accountKey } from './accounts';
import { isOwnWindow, type ProviderId, type ProviderSnapshot, type Unit, type UsageWindow } from './model';
import { paceOf, type RecentReadings } from './pace';
import { MINUTE } from './time';
import type { Settings } from './settings';

/** Percentage points a window must fall below a threshold before that threshold can fire again. */
export const THRESHOLD_HYSTERESIS = 5;
/** Dollars the balance must climb above the low-balance line before that alert can fire again. */
export const LOW_BALANCE_HYSTERESIS_USD = 0.5;
/** A reset time that moves later by more than this means a new period began (not server jitter). */
export const RESET_SHIFT_TOLERANCE_MS = 60_000;

/**
 * What an alert is about: a percent threshold crossed, a low dollar balance, a window that reset, or
 * one that at its current pace runs out before it resets (opt-in per provider).
 */
export type AlertKind = 'threshold' | 'low_balance' | 'reset' | 'pace';

/** One notification to deliver. `id` is stable per account, window and kind so a newer alert replaces an older one. */
export interface Alert {
  id: string;
  kind: AlertKind;
  providerId: ProviderId;
  /** The account's label; null for the implicit account. */
  accountLabel: string | null;
  windowId: string;
  windowLabel: string;
  windowKind: UsageWindow['kind'];
  /** The threshold crossed (kind 'threshold'), or the dollar line (kind 'low_balance'). */
  threshold?: number;
  usedPercent: number | null;
  remaining: number | null;
  unit: Unit;
  resetsAt: number | null;
  /** Kind 'pace': when the window runs out at the pace it is used (epoch ms). */
  runsOutAt?: number;
}

interface WindowMemory {
  /** Thresholds already announced for the current period and not yet re-armed. */
  fired: number[];
  /** The period the `fired` list belongs to (null when unknown or after it passed). */
  resetsAt: number | null;
  lowBalanceFired: boolean;
  /** The reset time of the period a pace alert was sent for; a clearly later reset re-arms it. */
  paceFiredFor?: number | null;
}

/** What the rules remember between evaluations. Start from `initialAlertState()`. */
export interface AlertState {
  windows: Record<string, WindowMemory>;
  /** Per account (core/accounts accountKey), the `fetchedAt` of the last data evaluated: old data is never judged twice. */
  seenFetchedAt: Record<string, number>;
}

/** An empty memory: the first data seen above a threshold fires it. */
export function initialAlertState(): AlertState {
  return { windows: {}, seenFetchedAt: {} };
}

/**
 * Judges the snapshots against the settings at time `now`. Threshold and low-balance alerts fire only on
 * data fetched since the last call (never from stale or error snapshots' kept values), once per crossing;
 * they re-arm when the window resets or drops back by the hysteresis.
 */
export function evaluateAlerts(
  state: AlertState,
  snapshots: ProviderSnapshot[],
  settings: Settings,
  now: number,
  recent: RecentReadings = () => [],
): { state: AlertState; alerts: Alert[] } {
  const windows: Record<string, WindowMemory> = {};
  const seenFetchedAt: Record<string, number> = {};
  const alerts: Alert[] = [];
  const present = new Set(snapshots.map((s) => accountKey(s.providerId, s.accountLabel)));
  // Memory of accounts that are gone (e.g. a removed key) is dropped; a returning one starts fresh.
  for (const [key, mem] of Object.entries(state.windows)) {
    if (present.has(accountOf(key))) windows[key] = mem;
  }
  for (const s of snapshots) {
    const who = accountKey(s.providerId, s.accountLabel);
    const seen = state.seenFetchedAt[who];
    const fresh = s.fetchedAt !== null && (seen === undefined || s.fetchedAt > seen);
    if (s.fetchedAt !== null) seenFetchedAt[who] = Math.max(s.fetchedAt, seen ?? s.fetchedAt);
    else if (seen !== undefined) seenFetchedAt[who] = seen;
    // Team-key rows are other people's keys, shown read-only: they never alert.
    for (const w of s.windows.filter(isOwnWindow)) {
      const key = memoryKey(who, w.id);
      const step = judgeWindow(windows[key], s, w, fresh, settings, now, recent);
      windows[key] = step.memory;
      alerts.push(...step.alerts);
    }
  }
  return { state: { windows, seenFetchedAt }, alerts };
}

function judgeWindow(
  prev: WindowMemory | undefined,
  owner: Owner,
  w: UsageWindow,
  fresh: boolean,
  settings: Settings,
  now: number,
  recent: RecentReadings,
): { memory: WindowMemory; alerts: Alert[] } {
  const alerts: Alert[] = [];
  let mem: WindowMemory = prev ?? { fired: [], resetsAt: null, lowBalanceFired: false };

  if (hasReset(mem, w, fresh, now)) {
    if (settings.resetNotice && mem.fired.length > 0) alerts.push(makeAlert('reset', owner, w));
    mem = { ...mem, fired: [], resetsAt: null };
  }
  if (!fresh) return { memory: mem, alerts };

  // Data for a period that has already ended says nothing about the current one.
  const periodOver = w.resetsAt !== null && w.resetsAt <= now;
  if (w.usedPercent !== null && !periodOver) {
    const used = w.usedPercent;
    const fired = mem.fired.filter((t) => used >= t - THRESHOLD_HYSTERESIS);
    const reached = settings.thresholds.filter((t) => used >= t);
    const crossed = reached.filter((t) => !fired.includes(t));
    const top = crossed.length > 0 ? Math.max(...crossed) : null;
    // One alert for the highest threshold crossed: jumping 50 → 97 is one event, not two.
    if (top !== null) alerts.push({ ...makeAlert('threshold', owner, w), threshold: top });
    mem = { ...mem, fired: [...new Set([...fired, ...reached])].sort((a, b) => a - b), resetsAt: w.resetsAt };
  }

  const line = settings.lowBalanceUsd;
  if (w.kind === 'credits' && w.unit === 'usd' && w.remaining !== null && line > 0) {
    if (isLowBalance(w, line) && !mem.lowBalanceFired) {
      alerts.push({ ...makeAlert('low_balance', owner, w), threshold: line });
      mem = { ...mem, lowBalanceFired: true };
    } else if (w.remaining >= line + LOW_BALANCE_HYSTERESIS_USD && mem.lowBalanceFired) {
      mem = { ...mem, lowBalanceFired: false };
    }
  }
  const pace = paceStep(mem, owner, w, settings, now, recent);
  return { memory: pace.memory, alerts: pace.alert ? [...alerts, pace.alert] : alerts };
}

/** The pace alert, once per period: the run-out comes more than the margin before the reset. */
function paceStep(mem: WindowMemory, owner: Owner, w: UsageWindow, settings: Settings, now: number, recent: RecentReadings): { memory: WindowMemory; alert: Alert | null } {
  if (!settings.predictiveAlerts.includes(owner.providerId) || w.resetsAt === null) return { memory: mem, alert: null };
  const firedFor = mem.paceFiredFor ?? null;
  // Server jitter in the reset time is the same period; a clearly later reset is a new one.
  if (firedFor !== null && w.resetsAt <= firedFor + RESET_SHIFT_TOLERANCE_MS) return { memory: mem, alert: null };
  // At the recent rate where stored readings allow (the same projection the card shows), else the average.
  const p = paceOf(w, now, recent(owner, w));
  if (p === null || p.runsOutAt === null || w.resetsAt - p.runsOutAt <= settings.predictiveMarginMin * MINUTE) {
    return { memory: mem, alert: null };
  }
  return { memory: { ...mem, paceFiredFor: w.resetsAt }, alert: { ...makeAlert('pace', owner, w), runsOutAt: p.runsOutAt } };
}

/** True when a window is a dollar credit balance below the low-balance line (a line of 0 is off). */
export function isLowBalance(w: UsageWindow, lineUsd: number): boolean {
  return w.kind === 'credits' && w.unit === 'usd' && w.remaining !== null && lineUsd > 0 && w.remaining < lineUsd;
}

/** What is low in a snapshot, judged by the same rule as the alert: the balance and the line, or null. */
export interface LowBalance {
  remaining: number;
  threshold: number;
  unit: Unit;
}

/** The first window of `s` whose balance is below `lineUsd`, or null when none is. */
export function lowBalanceOf(s: ProviderSnapshot, lineUsd: number): LowBalance | null {
  const w = s.windows.find((x) => isOwnWindow(x) && isLowBalance(x, lineUsd));
  return w && w.remaining !== null ? { remaining: w.remaining, threshold: lineUsd, unit: w.unit } : null;
}

/** A period ended: its reset time passed, or fresh data shows a clearly later reset time. */
function hasReset(mem: WindowMemory, w: UsageWindow, fresh: boolean, now: number): boolean {
  if (mem.resetsAt === null) return false;
  if (now >= mem.resetsAt) return true;
  return fresh && w.resetsAt !== null && w.resetsAt > mem.resetsAt + RESET_SHIFT_TOLERANCE_MS;
}

/** Whose window it is: a provider's account. */
type Owner = Pick<ProviderSnapshot, 'providerId' | 'accountLabel'>;

function makeAlert(kind: AlertKind, { providerId, accountLabel }: Owner, w: UsageWindow): Alert {
  return {
    // The implicit account keeps the id it had before accounts existed.
    id: accountLabel === null ? `${providerId}/${w.id}/${kind}` : `${providerId}:${accountLabel}/${w.id}/${kind}`,
    kind,
    providerId,
    accountLabel,
    windowId: w.id,
    windowLabel: w.label,
    windowKind: w.kind,
    usedPercent: w.usedPercent,
    remaining: w.remaining,
    unit: w.unit,
    resetsAt: w.resetsAt,
  };
}

// The window id goes after a separator that neither account keys' labels nor ids contain.
function memoryKey(account: string, windowId: string): string {
  return `${account}\u0001${windowId}`;
}

function accountOf(key: string): string {
  return key.slice(0, key.indexOf('\u0001'));
}
