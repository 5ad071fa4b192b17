// Edges of reading Codex session-log lines: which events count, which fields survive, and how the
// merged state reads at a given time (ties, placeholders, roll-over, order of the windows).
import { describe, expect, it } from 'vitest';
import {
  emptyLogState,
  isPlaceholder,
  mergeObservation,
  parseLogLine,
  PLACEHOLDER_TOLERANCE_MS,
  readLogState,
  type LogState,
  type RateLimitObservation,
} from '../../../../core/providers/codex/log-events';
import { MINUTE } from '../../../../core/time';

const T0 = Date.UTC(2026, 8, 20, 10, 0, 0);
const SESSION_RESET = T0 + 3 * 60 * MINUTE;
const WEEKLY_RESET = T0 + 5 * 24 * 60 * MINUTE;

function line(limits: unknown, opts: { at?: number; type?: string; payloadType?: string } = {}): string {
  return JSON.stringify({
    timestamp: new Date(opts.at ?? T0).toISOString(),
    type: opts.type ?? 'event_msg',
    payload: { type: opts.payloadType ?? 'token_count', rate_limits: limits },
  });
}
const session = (used: number, resetsAt = SESSION_RESET) => ({ used_percent: used, window_minutes: 300, resets_at: resetsAt / 1000 });
const weekly = (used: number, resetsAt = WEEKLY_RESET) => ({ used_percent: used, window_minutes: 10080, resets_at: resetsAt / 1000 });

function obs(limits: unknown, at = T0): RateLimitObservation {
  const o = parseLogLine(line(limits, { at }));
  if (!o) throw new Error(`no observation in ${JSON.stringify(limits)}`);
  return o;
}
const merge = (...all: RateLimitObservation[]): LogState => all.reduce(mergeObservation, emptyLogState());
const used = (s: LogState, now = T0) => (readLogState(s, now)?.windows ?? []).map((w) => [w.id, w.usedPercent]);

describe('which log lines are read', () => {
  it('only a token_count payload of an event_msg, not another event or payload carrying rate limits', () => {
    const limits = { primary: session(40) };
    expect(parseLogLine(line(limits))?.windows.primary?.usedPercent).toBe(40);
    expect(parseLogLine(line(limits, { type: 'response_item' }))).toBeNull();
    expect(parseLogLine(line(limits, { payloadType: 'agent_message' }))).toBeNull();
    expect(parseLogLine(JSON.stringify({ timestamp: new Date(T0).toISOString(), type: 'event_msg', rate_limits: limits, token_count: 1 }))).toBeNull();
  });

  it('not a record that names a limit but observed nothing', () => {
    expect(parseLogLine(line({ limit_id: 'codex', limit_name: 'Codex' }))).toBeNull();
    expect(parseLogLine(line({ primary: null, secondary: null, credits: null, plan_type: '  ' }))).toBeNull();
  });

  it('a record with only one window, only the secondary, or only the plan', () => {
    expect(parseLogLine(line({ secondary: weekly(3) }))?.windows).toEqual({
      secondary: { usedPercent: 3, windowMinutes: 10080, resetsAt: WEEKLY_RESET },
    });
    expect(parseLogLine(line({ plan_type: 'pro' }))).toMatchObject({ planType: 'pro', windows: {}, credits: null });
  });

  it('keeps the limit name, and drops a blank limit id, name or plan', () => {
    expect(obs({ primary: session(1), limit_id: 'codex', limit_name: 'Codex' })).toMatchObject({ limitId: 'codex', limitName: 'Codex' });
    expect(obs({ primary: session(1), limit_id: ' ', limit_name: '', plan_type: ' ' })).toMatchObject({ limitId: null, limitName: null, planType: null });
  });

  it('reads a zero or negative window size as unknown', () => {
    expect(obs({ primary: { used_percent: 12, window_minutes: 0, resets_at: SESSION_RESET / 1000 } }).windows.primary?.windowMinutes).toBeNull();
    expect(obs({ primary: { used_percent: 12, window_minutes: -300, resets_at: SESSION_RESET / 1000 } }).windows.primary?.windowMinutes).toBeNull();
  });

  it('counts resets_in_seconds 0 as resetting at the line time, ignores a negative one, and prefers resets_at', () => {
    const at = (w: object) => obs({ primary: { used_percent: 12, window_minutes: 300, ...w } }).windows.primary?.resetsAt;
    expect(at({ resets_in_seconds: 0 })).toBe(T0);
    expect(at({ resets_in_seconds: -60 })).toBeNull();
    expect(at({ resets_at: SESSION_RESET / 1000, resets_in_seconds: 60 })).toBe(SESSION_RESET);
  });

  it('drops a window without a usage figure', () => {
    expect(parseLogLine(line({ primary: { window_minutes: 300, resets_at: SESSION_RESET / 1000 } }))).toBeNull();
  });
});

describe('merging what the lines observed', () => {
  it('keeps the credits seen earlier when a later record carries none', () => {
    const s = merge(obs({ primary: session(10), credits: { has_credits: true, balance: 7 } }), obs({ primary: session(11) }, T0 + MINUTE));
    expect(readLogState(s, T0)?.notes).toContainEqual({ code: 'credits_balance', balance: 7, unit: 'credits' });
  });

  it('reads windows from a record without a limit id (older CLIs), but not from another limit', () => {
    expect(used(merge(obs({ primary: session(33) })))).toEqual([['session', 33]]);
    expect(used(merge(obs({ primary: session(33), limit_id: 'premium' })))).toEqual([]);
  });

  it('lets the later of two lines with the same timestamp win', () => {
    expect(used(merge(obs({ primary: session(20) }), obs({ primary: session(25) })))).toEqual([['session', 25]]);
    expect(readLogState(merge(obs({ primary: session(1), plan_type: 'plus' }), obs({ plan_type: 'pro' })), T0)?.plan).toBe('pro');
  });

  it('keeps the real reading over a placeholder written at the same time, in either order', () => {
    const real = obs({ primary: session(25) });
    const placeholder = obs({ primary: { used_percent: 0, window_minutes: 300, resets_at: (T0 + 300 * MINUTE) / 1000 } });
    expect(used(merge(real, placeholder))).toEqual([['session', 25]]);
    expect(used(merge(placeholder, real))).toEqual([['session', 25]]);
  });

  it('shows the placeholder once the real reading had reset when it was written', () => {
    const real = obs({ primary: session(25, T0 + MINUTE) });
    const later = T0 + MINUTE;
    const placeholder = obs({ primary: { used_percent: 0, window_minutes: 300, resets_at: (later + 300 * MINUTE) / 1000 } }, later);
    expect(used(merge(real, placeholder), later)).toEqual([['session', 0]]);
    expect(used(merge(placeholder, real), later)).toEqual([['session', 0]]);
  });
});

describe('a start-of-session placeholder', () => {
  const w = (usedPercent: number, resetsAt: number | null, windowMinutes: number | null) =>
    ({ id: 'session', kind: 'session', label: '5-hour', usedPercent, used: usedPercent, limit: 100, remaining: 100 - usedPercent, unit: 'percent', resetsAt, windowMinutes }) as never;
  const full = T0 + 300 * MINUTE;

  it('is 0 % with a reset of exactly line time plus window length, give or take the tolerance', () => {
    expect(isPlaceholder(w(0, full, 300), T0)).toBe(true);
    expect(isPlaceholder(w(0, full + PLACEHOLDER_TOLERANCE_MS, 300), T0)).toBe(true);
    expect(isPlaceholder(w(0, full - PLACEHOLDER_TOLERANCE_MS, 300), T0)).toBe(true);
    expect(isPlaceholder(w(0, full + PLACEHOLDER_TOLERANCE_MS + 1, 300), T0)).toBe(false);
  });

  it('is not a reading with usage, without a reset, or without a size', () => {
    expect(isPlaceholder(w(1, full, 300), T0)).toBe(false);
    expect(isPlaceholder(w(0, null, 300), T0)).toBe(false);
    expect(isPlaceholder(w(0, full, null), T0)).toBe(false);
  });
});

describe('reading the merged state', () => {
  it('lists the 5-hour window before the weekly one, whichever was seen first', () => {
    const s = merge(obs({ primary: weekly(9) }), obs({ primary: session(47), secondary: weekly(9) }, T0 + MINUTE));
    expect(used(s)).toEqual([['session', 47], ['weekly', 9]]);
  });

  it('orders two windows of the same kind by id', () => {
    const s = merge(obs({ primary: weekly(9), secondary: weekly(4, WEEKLY_RESET + MINUTE) }));
    expect(used(s)).toEqual([['weekly', 9], ['weekly:secondary', 4]]);
  });

  it('rolls a window over exactly at its reset time, not a moment before', () => {
    const s = merge(obs({ primary: session(47) }));
    expect(used(s, SESSION_RESET - 1)).toEqual([['session', 47]]);
    const rolled = readLogState(s, SESSION_RESET)!.windows[0]!;
    expect(rolled).toMatchObject({ usedPercent: 0, used: 0, remaining: 100, resetsAt: null });
  });

  it('notes a reached limit only at 100 % or more, and not after that window rolled over', () => {
    const s = merge(obs({ primary: session(100) }));
    expect(readLogState(s, T0)?.notes).toContainEqual({ code: 'limit_reached' });
    expect(readLogState(merge(obs({ primary: session(99.9) })), T0)?.notes).not.toContainEqual({ code: 'limit_reached' });
    expect(readLogState(s, SESSION_RESET)?.notes).not.toContainEqual({ code: 'limit_reached' });
  });
});
