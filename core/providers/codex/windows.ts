// Codex reports up to two rate-limit windows called "primary" and "secondary", and their order
// is not stable (both 300/10080 and 10080/300 appear in captures). This file turns them into
// session/weekly windows by duration, shared by the /wham/usage, header and session-log parsers.
import { asBool, asNumber, asObject } from '../../json';
import { makeWindow, type Note, type UsageWindow } from '../../model';
import { parseUnixTime, plausibleReset } from '../../time';

/** One window as Codex reports it, already unit-converted; nulls are unknown/absent fields. */
export interface RawCodexWindow {
  /** 0–100, used. */
  usedPercent: number | null;
  windowMinutes: number | null;
  /** Epoch ms. */
  resetsAt: number | null;
}

/** Credits facts Codex sends next to the windows. */
export interface CodexCredits {
  hasCredits: boolean | null;
  unlimited: boolean | null;
  balance: number | null;
}

/** Credits facts, or null when none of them could be read (so an empty record never counts). */
export function creditsOrNull(c: CodexCredits): CodexCredits | null {
  return c.hasCredits === null && c.unlimited === null && c.balance === null ? null : c;
}

/** The `{has_credits, unlimited, balance}` object of the usage endpoint and the session logs. */
export function readCodexCredits(v: unknown): CodexCredits | null {
  const o = asObject(v);
  if (!o) return null;
  return creditsOrNull({ hasCredits: asBool(o['has_credits']), unlimited: asBool(o['unlimited']), balance: asNumber(o['balance']) });
}

/** `now` plus a reset delay in seconds, for readings that send no absolute reset; null unless the delay is > 0 and the sum finite. */
export function resetAfterSeconds(seconds: number | null, now: number | null): number | null {
  if (now === null || seconds === null || !(seconds > 0)) return null;
  const at = now + Math.round(seconds * 1000);
  return Number.isFinite(at) ? at : null;
}

/**
 * A Codex reset: the absolute unix time when it parses, else `now` + the relative delay; either
 * way subject to the shared plausibility rule (core/time plausibleReset).
 */
export function codexReset(absolute: unknown, afterSeconds: unknown, now: number | null): number | null {
  return plausibleReset(parseUnixTime(absolute) ?? resetAfterSeconds(asNumber(afterSeconds), now), now);
}

/** What one Codex reading (endpoint body, header set, log line) says. */
export interface CodexReading {
  windows: UsageWindow[];
  notes: Note[];
  plan: string | null;
}

/** At most this many minutes counts as the short (session) window when only one size is known. */
export const SESSION_MAX_MINUTES = 360;

/**
 * codex-rs's presence rule: a window exists only if its used percent parsed and at least one of
 * used ≠ 0, a non-zero window size, or a reset time holds. Empty/zero windows are placeholders.
 */
export function isPresentWindow(w: RawCodexWindow | null | undefined): w is RawCodexWindow {
  if (!w || w.usedPercent === null || !Number.isFinite(w.usedPercent)) return false;
  return w.usedPercent !== 0 || (w.windowMinutes !== null && w.windowMinutes !== 0) || w.resetsAt !== null;
}

/** Human label for a window by its size: 300 → "5-hour", 10080 → "Weekly". */
export function codexWindowLabel(kind: 'session' | 'weekly', minutes: number | null): string {
  if (minutes === null) return kind === 'session' ? '5-hour (size not reported)' : 'Weekly (size not reported)';
  if (minutes === 10080) return 'Weekly';
  if (minutes % 1440 === 0) return `${minutes / 1440}-day`;
  if (minutes % 60 === 0) return `${minutes / 60}-hour`;
  return `${minutes}-minute`;
}

function toWindow(raw: RawCodexWindow, kind: 'session' | 'weekly', id: string): UsageWindow {
  const used = raw.usedPercent;
  return makeWindow({
    id,
    kind,
    label: codexWindowLabel(kind, raw.windowMinutes),
    usedPercent: used,
    used,
    limit: 100,
    remaining: used === null ? null : 100 - used,
    unit: 'percent',
    resetsAt: raw.resetsAt,
    windowMinutes: raw.windowMinutes,
  });
}

function kindBySize(minutes: number): 'session' | 'weekly' {
  return minutes <= SESSION_MAX_MINUTES ? 'session' : 'weekly';
}

/** Window sizes ≤ 0 mean "no window" (codex-rs maps them to None). */
function normalise(w: RawCodexWindow): RawCodexWindow {
  const m = w.windowMinutes;
  return { ...w, windowMinutes: m !== null && Number.isFinite(m) && m > 0 ? m : null };
}

/**
 * Classifies primary/secondary into session and weekly windows by duration, never by position.
 * Both sizes known → the shorter is the session; one known → ≤ 360 min is the session and the
 * other window takes the remaining kind; no sizes → sub2api's assumption (primary = weekly).
 */
export function classifyCodexWindows(
  primary: RawCodexWindow | null | undefined,
  secondary: RawCodexWindow | null | undefined,
): UsageWindow[] {
  const p = isPresentWindow(primary) ? normalise(primary) : null;
  const s = isPresentWindow(secondary) ? normalise(secondary) : null;
  const present = [p, s].filter((w): w is RawCodexWindow => w !== null);
  if (present.length === 0) return [];
  if (present.length === 1) {
    const only = present[0]!;
    // A lone window without a size is assumed weekly, as sub2api does; its label says so.
    const kind = only.windowMinutes === null ? 'weekly' : kindBySize(only.windowMinutes);
    return [toWindow(only, kind, kind)];
  }
  const a = p!;
  const b = s!;
  const kinds = pairKinds(a.windowMinutes, b.windowMinutes);
  if (kinds[0] === kinds[1]) {
    // Two windows of the same kind (e.g. equal sizes): keep both, with distinct ids.
    return [toWindow(a, kinds[0], kinds[0]), toWindow(b, kinds[1], `${kinds[1]}:secondary`)];
  }
  const out = [toWindow(a, kinds[0], kinds[0]), toWindow(b, kinds[1], kinds[1])];
  return out.sort((x, y) => (x.kind === 'session' ? -1 : y.kind === 'session' ? 1 : 0));
}

function pairKinds(a: number | null, b: number | null): ['session' | 'weekly', 'session' | 'weekly'] {
  if (a !== null && b !== null) {
    if (a < b) return ['session', 'weekly'];
    if (b < a) return ['weekly', 'session'];
    return [kindBySize(a), kindBySize(b)];
  }
  if (a !== null) return kindBySize(a) === 'session' ? ['session', 'weekly'] : ['weekly', 'session'];
  if (b !== null) return kindBySize(b) === 'session' ? ['weekly', 'session'] : ['session', 'weekly'];
  // No sizes at all: sub2api assumes the primary is the 7-day window (labels say "size not reported").
  return ['weekly', 'session'];
}

/** Notes for plan, credits and a reached limit, in the same order for every Codex source. */
export function codexNotes(plan: string | null, credits: CodexCredits | null, limitReached: boolean): Note[] {
  const notes: Note[] = [];
  if (plan) notes.push({ code: 'plan', plan });
  if (credits) {
    if (credits.unlimited === true) notes.push({ code: 'unlimited_credits' });
    // "has_credits:false, balance:0" is every plain plan: not worth a line.
    else if (credits.balance !== null && !(credits.hasCredits === false && credits.balance === 0)) {
      notes.push({ code: 'credits_balance', balance: credits.balance, unit: 'credits' });
    }
  }
  if (limitReached) notes.push({ code: 'limit_reached' });
  return notes;
}
