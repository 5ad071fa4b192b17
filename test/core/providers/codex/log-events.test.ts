import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  emptyLogState,
  mergeObservation,
  parseLogLine,
  readLogState,
  type LogState,
  type RateLimitObservation,
} from '../../../../core/providers/codex/log-events';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const SESSION_RESET = 1789917600_000; // 2026-09-20T15:20Z
const WEEKLY_RESET = 1790337600_000; // 2026-09-25T12:00Z

function fixtureLines(name: string): string[] {
  return readFileSync(new URL(`../../../fixtures/codex-logs/${name}.jsonl`, import.meta.url), 'utf8').split('\n');
}

function observations(name: string): RateLimitObservation[] {
  return fixtureLines(name)
    .map(parseLogLine)
    .filter((o): o is RateLimitObservation => o !== null);
}

function mergeAll(obs: RateLimitObservation[], state: LogState = emptyLogState()): LogState {
  return obs.reduce(mergeObservation, state);
}

function windowsOf(state: LogState, now = NOW) {
  return (readLogState(state, now)?.windows ?? []).map((w) => ({
    id: w.id,
    usedPercent: w.usedPercent,
    resetsAt: w.resetsAt,
    windowMinutes: w.windowMinutes,
  }));
}

describe('parseLogLine', () => {
  it('reads both windows, the plan and the line time from a token_count event', () => {
    const [first, last] = observations('session-and-weekly');
    expect(first?.at).toBe(Date.parse('2026-09-20T10:00:05.000Z'));
    expect(last).toEqual({
      at: Date.parse('2026-09-20T10:05:00.000Z'),
      limitId: 'codex',
      limitName: null,
      planType: 'plus',
      credits: null,
      windows: {
        primary: { usedPercent: 47, windowMinutes: 300, resetsAt: SESSION_RESET },
        secondary: { usedPercent: 9, windowMinutes: 10080, resetsAt: WEEKLY_RESET },
      },
    });
  });

  it('ignores session metadata, messages and an agent message that merely mentions token_count', () => {
    const lines = fixtureLines('session-and-weekly');
    expect(lines.filter((l) => l.includes('token_count'))).toHaveLength(3);
    expect(observations('session-and-weekly')).toHaveLength(2);
  });

  it('counts legacy resets_in_seconds from the line timestamp, not from now', () => {
    const [obs] = observations('legacy-resets-in-seconds');
    const lineAt = Date.parse('2026-09-20T11:00:00.000Z');
    expect(obs?.windows.primary?.resetsAt).toBe(lineAt + 7200_000);
    expect(obs?.windows.secondary?.resetsAt).toBe(lineAt + 345_600_000);
  });

  it('leaves a window out, rather than null, when the record has none to report', () => {
    const lines = fixtureLines('null-windows');
    // Both windows null: only the plan was observed.
    const nullWindows = parseLogLine(lines[2]!);
    expect(nullWindows?.windows).toEqual({});
    expect(nullWindows?.planType).toBe('plus');
    // rate_limits null: nothing was observed.
    expect(parseLogLine(lines[3]!)).toBeNull();
    // `{used_percent: 0, window_minutes: 0}` placeholders count as absent.
    expect(parseLogLine(lines[4]!)?.windows).toEqual({});
  });

  it('reads a credits-only record as credits without windows', () => {
    const [, creditsOnly] = observations('credits-only');
    expect(creditsOnly?.limitId).toBe('premium');
    expect(creditsOnly?.windows).toEqual({});
    expect(creditsOnly?.credits).toEqual({ hasCredits: true, unlimited: false, balance: 12.5 });
  });

  it('returns null for garbage, a cut-off line, a bad timestamp or ill-typed rate limits', () => {
    const lines = fixtureLines('malformed-middle');
    expect(lines.slice(2, 7).map(parseLogLine)).toEqual([null, null, null, null, null]);
    expect(parseLogLine('')).toBeNull();
    expect(parseLogLine('{"type":"event_msg","payload":{"type":"token_count"}}')).toBeNull();
    expect(parseLogLine('[1,2,"token_count"]')).toBeNull();
  });

  it('never throws, whatever the line holds', () => {
    const tokenish = fc.oneof(
      fc.string(),
      fc.json().map((j) => `{"timestamp":"2026-09-20T10:00:00Z","type":"event_msg","payload":{"type":"token_count","rate_limits":${j}}}`),
    );
    fc.assert(fc.property(tokenish, (line) => {
      parseLogLine(line);
    }));
  });
});

describe('mergeObservation', () => {
  it('keeps the last named windows when later records carry null or placeholder windows', () => {
    const state = mergeAll(observations('null-windows'));
    expect(windowsOf(state)).toEqual([
      { id: 'session', usedPercent: 47, resetsAt: SESSION_RESET, windowMinutes: 300 },
      { id: 'weekly', usedPercent: 9, resetsAt: WEEKLY_RESET, windowMinutes: 10080 },
    ]);
  });

  it('adds credits from a credits-only record without touching the windows', () => {
    const state = mergeAll(observations('credits-only'));
    expect(windowsOf(state).map((w) => w.usedPercent)).toEqual([47, 9]);
    expect(readLogState(state, NOW)?.notes).toEqual([
      { code: 'plan', plan: 'plus' },
      { code: 'credits_balance', balance: 12.5, unit: 'credits' },
    ]);
  });

  it('tells the 5-hour window from the weekly one by duration when the weekly comes first', () => {
    const state = mergeAll(observations('weekly-primary-swapped'));
    expect(windowsOf(state)).toEqual([
      { id: 'session', usedPercent: 22, resetsAt: SESSION_RESET, windowMinutes: 300 },
      { id: 'weekly', usedPercent: 61, resetsAt: WEEKLY_RESET, windowMinutes: 10080 },
    ]);
  });

  it('lets the newest line win whatever order the lines are merged in', () => {
    const obs = observations('session-and-weekly');
    const forward = mergeAll(obs);
    const backward = mergeAll([...obs].reverse());
    expect(windowsOf(backward)).toEqual(windowsOf(forward));
    expect(windowsOf(forward).map((w) => w.usedPercent)).toEqual([47, 9]);
  });

  it('updates only the window a weekly-only record reports', () => {
    const [base] = observations('session-and-weekly');
    const weeklyOnly: RateLimitObservation = {
      ...base!,
      at: base!.at + 60_000,
      windows: { primary: { usedPercent: 15, windowMinutes: 10080, resetsAt: WEEKLY_RESET } },
    };
    const state = mergeAll([base!, weeklyOnly]);
    expect(windowsOf(state).map((w) => [w.id, w.usedPercent])).toEqual([
      ['session', 30],
      ['weekly', 15],
    ]);
  });

  it('does not let another limit family overwrite the Codex windows', () => {
    const state = mergeAll(observations('other-limit-family'));
    expect(windowsOf(state).map((w) => w.usedPercent)).toEqual([47, 9]);
  });
});

describe('readLogState', () => {
  it('shows a window whose reset has passed as rolled over: 0 % used, next reset unknown', () => {
    const state = mergeAll(observations('session-and-weekly'));
    const afterSessionReset = SESSION_RESET + 60_000;
    expect(windowsOf(state, afterSessionReset)).toEqual([
      { id: 'session', usedPercent: 0, resetsAt: null, windowMinutes: 300 },
      { id: 'weekly', usedPercent: 9, resetsAt: WEEKLY_RESET, windowMinutes: 10080 },
    ]);
  });

  it('notes a reached limit and the plan', () => {
    const [obs] = observations('weekly-primary-swapped');
    const full = { ...obs!, windows: { ...obs!.windows, secondary: { usedPercent: 100, windowMinutes: 300, resetsAt: SESSION_RESET } } };
    expect(readLogState(mergeAll([full]), NOW)?.notes).toEqual([{ code: 'plan', plan: 'pro' }, { code: 'limit_reached' }]);
  });

  it('has nothing to show when only credits were ever observed', () => {
    const [, creditsOnly] = observations('credits-only');
    expect(readLogState(mergeAll([creditsOnly!]), NOW)).toBeNull();
  });
});
