// Pure reading of Codex CLI session-log lines (PROVIDERS.md 2d) and the merge of what they
// observed. Lines are untrusted: anything unexpected yields null, never a throw.
import { asNumber, asObject, asString, parseJson } from '../../json';
import type { UsageWindow } from '../../model';
import { MINUTE, parseIso, parseUnixTime, plausibleReset } from '../../time';
import {
  classifyCodexWindows,
  codexNotes,
  isPresentWindow,
  readCodexCredits,
  type CodexCredits,
  type CodexReading,
  type RawCodexWindow,
} from './windows';

/**
 * What one `token_count` line observed. A window key is present only when the line carried
 * that window, so a record with null windows (or credits only) can never erase one.
 */
export interface RateLimitObservation {
  /** The line's own timestamp, epoch ms: the order of observations, whatever the file order. */
  at: number;
  limitId: string | null;
  limitName: string | null;
  planType: string | null;
  windows: { primary?: RawCodexWindow; secondary?: RawCodexWindow };
  credits: CodexCredits | null;
}

/** A merged value and the line timestamp it came from. */
export interface Observed<T> {
  value: T;
  at: number;
  /** A window that looks like Codex's start-of-session placeholder (see isPlaceholder). */
  placeholder?: boolean;
}

/** Newest-known value of everything the logs can tell, each part dated separately. */
export interface LogState {
  /** By window id ('session', 'weekly', …) as the duration classifier names them. */
  windows: Record<string, Observed<UsageWindow>>;
  planType: Observed<string> | null;
  credits: Observed<CodexCredits> | null;
}

/** A state that has observed nothing yet. */
export const emptyLogState = (): LogState => ({ windows: {}, planType: null, credits: null });

// Codex's own main limit; other ids ('premium', 'codex_<family>') are separate meters and must
// not overwrite the 5-hour/weekly windows.
const MAIN_LIMIT_IDS = new Set(['codex']);

/** Parses one JSONL line; null unless it is a `token_count` event that observed something. */
export function parseLogLine(line: string): RateLimitObservation | null {
  // Cheap guard: most lines are other events, and JSON.parse is the expensive part.
  if (!line.includes('token_count')) return null;
  const root = asObject(parseJson(line));
  if (!root || root['type'] !== 'event_msg') return null;
  const payload = asObject(root['payload']);
  if (!payload || payload['type'] !== 'token_count') return null;
  const limits = asObject(payload['rate_limits']);
  const at = parseIso(root['timestamp']);
  if (!limits || at === null) return null;

  const windows: RateLimitObservation['windows'] = {};
  const primary = parseWindow(limits['primary'], at);
  const secondary = parseWindow(limits['secondary'], at);
  if (primary) windows.primary = primary;
  if (secondary) windows.secondary = secondary;
  const credits = readCodexCredits(limits['credits']);
  const planType = nonEmpty(asString(limits['plan_type']));
  if (!primary && !secondary && !credits && !planType) return null;
  return {
    at,
    limitId: nonEmpty(asString(limits['limit_id'])),
    limitName: nonEmpty(asString(limits['limit_name'])),
    planType,
    windows,
    credits,
  };
}

/**
 * Folds one observation into the state: each window, the plan and the credits keep whichever
 * value has the newest line timestamp (ties go to the later call), except that a start-of-session
 * placeholder never replaces a real reading of a window still running (isPlaceholder). Windows are
 * classified by duration, and only the main Codex limit feeds them. Returns a new state.
 */
export function mergeObservation(state: LogState, obs: RateLimitObservation): LogState {
  const next: LogState = { ...state };
  if (obs.planType !== null) next.planType = newer(state.planType, obs.planType, obs.at);
  if (obs.credits !== null) next.credits = newer(state.credits, obs.credits, obs.at);
  const isMain = obs.limitId === null || MAIN_LIMIT_IDS.has(obs.limitId);
  if (isMain && (obs.windows.primary || obs.windows.secondary)) {
    const windows = { ...state.windows };
    for (const w of classifyCodexWindows(obs.windows.primary, obs.windows.secondary)) {
      windows[w.id] = mergeWindow(state.windows[w.id] ?? null, w, obs.at);
    }
    next.windows = windows;
  }
  return next;
}

/** How far a placeholder's reset may sit from "line time + window length": resets_at is whole seconds. */
export const PLACEHOLDER_TOLERANCE_MS = 5_000;

/**
 * Codex writes a 0 % reading whose reset is exactly its own timestamp plus the window length
 * (a window "starting now"), seconds after a real reading of, say, 25 % with days to run.
 */
export function isPlaceholder(w: UsageWindow, at: number): boolean {
  if (w.usedPercent !== 0 || w.resetsAt === null || w.windowMinutes === null) return false;
  return Math.abs(w.resetsAt - (at + w.windowMinutes * MINUTE)) <= PLACEHOLDER_TOLERANCE_MS;
}

// Newest wins, except between a placeholder and a real reading of a window that had not reset
// yet when the placeholder was written: the real reading stands, whichever line is read first.
// A 0 % written after the real reading's reset time is a genuine new window and wins as usual.
function mergeWindow(current: Observed<UsageWindow> | null, w: UsageWindow, at: number): Observed<UsageWindow> {
  const placeholder = isPlaceholder(w, at);
  if (current && !current.placeholder && placeholder && current.at <= at && stillRunning(current.value, at)) return current;
  if (current?.placeholder && !placeholder && at <= current.at && stillRunning(w, current.at)) return { value: w, at };
  const next = newer(current, w, at);
  return next === current ? current : { ...next, placeholder };
}

const stillRunning = (w: UsageWindow, at: number): boolean => w.resetsAt !== null && w.resetsAt > at;

function newer<T>(current: Observed<T> | null, value: T, at: number): Observed<T> {
  return current !== null && current.at > at ? current : { value, at };
}

// A `{used_percent:0, window_minutes:0}` placeholder is no window (codex-rs's presence rule).
// The line's own time stands in for "now" in the reset plausibility rule: old logs stay readable.
function parseWindow(v: unknown, lineAt: number): RawCodexWindow | null {
  const o = asObject(v);
  if (!o) return null;
  const usedPercent = asNumber(o['used_percent']);
  if (usedPercent === null) return null;
  const minutes = asNumber(o['window_minutes']);
  const windowMinutes = minutes !== null && minutes > 0 ? minutes : null;
  let resetsAt = parseUnixTime(o['resets_at']);
  if (resetsAt === null) {
    const inSeconds = asNumber(o['resets_in_seconds']);
    if (inSeconds !== null && inSeconds >= 0) resetsAt = lineAt + Math.round(inSeconds * 1000);
  }
  const w: RawCodexWindow = { usedPercent, windowMinutes, resetsAt: plausibleReset(resetsAt, lineAt) };
  return isPresentWindow(w) ? w : null;
}

function nonEmpty(s: string | null): string | null {
  return s !== null && s.trim() !== '' ? s : null;
}

/**
 * The windows and notes the merged state shows at `now`. A window whose reset time has passed
 * has rolled over since the CLI saw it: it reads 0 % used with an unknown next reset, because a
 * Codex window only restarts on the next use. Null when no window was ever observed.
 */
export function readLogState(state: LogState, now: number): CodexReading | null {
  const windows = Object.values(state.windows)
    .map((o) => rollOver(o.value, now))
    .sort((a, b) => kindRank(a) - kindRank(b) || a.id.localeCompare(b.id));
  if (windows.length === 0) return null;
  const plan = state.planType?.value ?? null;
  const limitReached = windows.some((w) => w.usedPercent !== null && w.usedPercent >= 100);
  return { windows, notes: codexNotes(plan, state.credits?.value ?? null, limitReached), plan };
}

function rollOver(w: UsageWindow, now: number): UsageWindow {
  if (w.resetsAt === null || w.resetsAt > now) return w;
  return { ...w, usedPercent: 0, used: w.used === null ? null : 0, remaining: w.limit, resetsAt: null };
}

const kindRank = (w: UsageWindow): number => (w.kind === 'session' ? 0 : 1);
