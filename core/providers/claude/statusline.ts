// Claude Code's status-line JSON (PROVIDERS-2 §7b–7c): what `quotabar statusline` reads on stdin after
// each assistant message, the reading it records, and the windows that reading shows later. Lossy:
// a bad field drops that field; nothing here throws.
import { asNumber, asObject, asText, at, parseJson } from '../../json';
import type { FetchData, UsageWindow } from '../../model';
import { formatPercent } from '../../present';
import { parseIso, parseUnixTime, plausibleReset } from '../../time';
import { claudeSessionWindow, claudeWeeklyWindow, tidyNumber } from './windows';

/** Source id recorded when the status-line reading answers. */
export const CLAUDE_STATUSLINE_SOURCE_ID = 'claude:statusline';

/** One rate-limit window as the status line reported it. */
export interface StatusLineWindow {
  usedPercent: number;
  /** Epoch ms; null when absent or implausible. */
  resetsAt: number | null;
}

/** What one status-line payload told us, and when. */
export interface StatusLineReading {
  /** When Claude Code handed it over (epoch ms). */
  observedAt: number;
  /** `model.display_name`, else `model.id`. */
  model: string | null;
  /** `rate_limits.five_hour`; null when missing (unknown, not 0 %). */
  session: StatusLineWindow | null;
  /** `rate_limits.seven_day`; null when missing. */
  weekly: StatusLineWindow | null;
}

/** Reads the stdin JSON; null when it is not a JSON object. `now` is the observation time. */
export function parseStatusLineInput(text: string, now: number): StatusLineReading | null {
  const root = asObject(parseJson(text));
  if (!root) return null;
  const model = asText(at(root, 'model', 'display_name')) ?? asText(at(root, 'model', 'id'));
  const limits = asObject(root.rate_limits);
  return {
    observedAt: now,
    model: model ? model.slice(0, 60) : null,
    session: readWindow(limits?.five_hour, now),
    weekly: readWindow(limits?.seven_day, now),
  };
}

// `used_percentage` 0–100 (may be fractional), `resets_at` Unix seconds (ms and ISO also accepted).
function readWindow(v: unknown, now: number): StatusLineWindow | null {
  const o = asObject(v);
  const used = asNumber(o?.used_percentage);
  if (!o || used === null || used < 0) return null;
  const raw = o.resets_at;
  const reset = typeof raw === 'string' && !/^\s*\d+(\.\d+)?\s*$/.test(raw) ? parseIso(raw) : parseUnixTime(raw);
  return { usedPercent: tidyNumber(used), resetsAt: plausibleReset(reset, now) };
}

/** True when the reading carries at least one window (only then is it worth recording). */
export function hasFigures(r: StatusLineReading): boolean {
  return r.session !== null || r.weekly !== null;
}

/**
 * The windows a reading shows at `now`. A window whose reset has passed has started over: 0 % with
 * its next reset unknown. A window the status line did not send is left out (unknown, not 0 %).
 */
export function statusLineWindows(r: StatusLineReading, now: number): UsageWindow[] {
  const out: UsageWindow[] = [];
  const current = (w: StatusLineWindow) => (w.resetsAt !== null && w.resetsAt <= now ? { usedPercent: 0, resetsAt: null } : w);
  if (r.session) {
    const w = current(r.session);
    out.push(claudeSessionWindow(w.usedPercent, w.resetsAt));
  }
  if (r.weekly) {
    const w = current(r.weekly);
    out.push(claudeWeeklyWindow(w.usedPercent, w.resetsAt));
  }
  return out;
}

/** The snapshot data of a reading at `now`, with the time it was observed (so an old one never looks fresh). */
export function statusLineData(r: StatusLineReading, now: number): Omit<FetchData, 'source'> {
  return { windows: statusLineWindows(r, now), notes: [{ code: 'observed_at', at: r.observedAt }], account: null };
}

/** "Opus 4.5 · 5h 42 % · week 18 %": the line Claude Code shows under its prompt. */
export function statusLineText(r: StatusLineReading | null, now: number): string {
  if (!r) return 'Quotabar: no status data on stdin';
  const ws = statusLineWindows(r, now);
  const pct = (id: string) => {
    const w = ws.find((x) => x.id === id);
    return w?.usedPercent != null ? formatPercent(w.usedPercent) : '–';
  };
  const parts = [r.model ?? 'Claude', `5h ${pct('session')}`, `week ${pct('weekly')}`];
  return parts.join(' · ');
}

/** The recorded form of a reading (version 1): the observation time as ISO, resets as Unix seconds. */
export function recordText(r: StatusLineReading): string {
  const win = (w: StatusLineWindow | null) =>
    w ? { used_percentage: w.usedPercent, ...(w.resetsAt !== null ? { resets_at: Math.round(w.resetsAt / 1000) } : {}) } : undefined;
  const rate_limits = { five_hour: win(r.session), seven_day: win(r.weekly) };
  return `${JSON.stringify({ version: 1, observed_at: new Date(r.observedAt).toISOString(), model: r.model, rate_limits })}\n`;
}

/** A recorded reading read back; null when the text is not one (no observation time). */
export function parseRecord(text: string): StatusLineReading | null {
  const root = asObject(parseJson(text));
  const observedAt = parseIso(root?.observed_at);
  if (!root || observedAt === null) return null;
  const read = parseStatusLineInput(JSON.stringify({ model: { display_name: root.model }, rate_limits: root.rate_limits }), observedAt);
  return read && { ...read, observedAt };
}
