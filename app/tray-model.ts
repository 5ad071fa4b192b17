// What the tray shows, as a pure function of the poller view: the tightest window's meter (or the
// window the user pinned) and a tooltip naming it, plus which providers are stale or failing. Plain TS, no Electron.
import { sameAccount } from '../core/accounts';
import type { PollerView, ProviderSnapshot, UsageWindow } from '../core/model';
import type { TrayPin } from '../core/settings';
import { describeError, formatAgo, formatPercent, formatResetsIn, lowBalanceLine, accountName, tightestWindow, windowFigure } from '../core/present';
import { levelForPercent } from '../core/levels';
import type { MeterLevel, MeterStatus } from './tray-icon';

export interface TrayModel {
  percent: number | null;
  level: MeterLevel;
  status: MeterStatus;
  tooltip: string;
}

/** Windows truncates tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

/** Said under the first line when the pinned window is not in the view (account removed or disabled, window gone). */
export const PIN_MISSING_NOTE = 'The pinned window is not available: showing the tightest one.';

/** The pinned window in the view, or null when no snapshot holds it now. */
export function findPinned(view: PollerView | null, pin: TrayPin): { snapshot: ProviderSnapshot; window: UsageWindow } | null {
  for (const s of view?.snapshots ?? []) {
    if (s.status === 'unconfigured' || !sameAccount({ providerId: s.providerId, label: s.accountLabel }, pin.providerId, pin.accountLabel)) continue;
    const w = s.windows.find((x) => x.id === pin.windowId);
    if (w) return { snapshot: s, window: w };
  }
  return null;
}

/**
 * The tray's meter and tooltip for a view, judged at `now` against the alert thresholds and low-balance
 * line: the pinned window when `pin` names one the view holds, else the tightest (with a note that the pin missed).
 */
export function trayModel(
  view: PollerView | null,
  thresholds: readonly number[],
  now: number,
  lowBalanceUsd = 0,
  pin: TrayPin | null = null,
): TrayModel {
  const active = (view?.snapshots ?? []).filter((s) => s.status !== 'unconfigured');
  if (active.length === 0) {
    return { percent: null, level: 'normal', status: 'empty', tooltip: 'Quotabar: nothing set up yet. Open Settings to add a provider.' };
  }
  const pinned = pin ? findPinned(view, pin) : null;
  const tight = pinned ?? tightestWindow(active);
  const status = worstStatus(active);
  const lines: string[] = [];
  if (tight) {
    const { snapshot, window: w } = tight;
    const resets = formatResetsIn(w.resetsAt, now);
    const figure = w.usedPercent === null ? windowFigure(w) : `${formatPercent(w.usedPercent)} used`;
    const name = `${accountName(snapshot.providerId, snapshot.accountLabel)} ${w.label}${pinned ? ' (pinned)' : ''}`;
    lines.push(`${name}: ${figure}${resets ? `, ${resets}` : ''}`);
  } else {
    lines.push('Quotabar');
  }
  if (pin && !pinned) lines.push(PIN_MISSING_NOTE);
  for (const s of active) {
    const low = s.status === 'ok' ? lowBalanceLine(s, lowBalanceUsd) : null;
    if (low) lines.push(low);
  }
  for (const s of active) {
    const problem = problemLine(s, now);
    if (problem) lines.push(problem);
  }
  return {
    percent: tight?.window.usedPercent ?? null,
    level: tight ? levelForPercent(tight.window.usedPercent ?? 0, thresholds) : 'normal',
    status,
    tooltip: clip(lines.join('\n'), TOOLTIP_MAX),
  };
}

/**
 * One line per set-up provider for the tray menu, where Linux panels show the numbers:
 * "<Provider> 5-hour 83 % used · resets in 46 min", the update time when the numbers are old, or why
 * there are none.
 */
export function menuRows(view: PollerView | null, now: number): string[] {
  const rows: string[] = [];
  for (const s of view?.snapshots ?? []) {
    if (s.status === 'unconfigured') continue;
    const name = accountName(s.providerId, s.accountLabel);
    const w = tightestWindow([s])?.window ?? s.windows[0];
    if (!w) {
      rows.push(problemLine(s, now) ?? `${name}: no data yet`);
      continue;
    }
    const parts = [`${name} ${w.label} ${windowFigure(w)}`];
    const resets = formatResetsIn(w.resetsAt, now);
    if (resets) parts.push(resets);
    if (s.status !== 'ok' && s.fetchedAt !== null) parts.push(`updated ${formatAgo(s.fetchedAt, now)}`);
    rows.push(parts.join(' · '));
  }
  return rows;
}

function worstStatus(snaps: ProviderSnapshot[]): MeterStatus {
  if (snaps.some((s) => s.status === 'error')) return 'error';
  if (snaps.some((s) => s.status === 'stale')) return 'stale';
  return 'ok';
}

function problemLine(s: ProviderSnapshot, now: number): string | null {
  const name = accountName(s.providerId, s.accountLabel);
  if (s.status === 'stale') return s.fetchedAt === null ? `${name}: not updated` : `${name}: updated ${formatAgo(s.fetchedAt, now)}`;
  if (s.status === 'error' && s.error) return `${name}: ${describeError(s.error, s.providerId).reason}`;
  return null;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
