// Codex writes a 0 %/0 % reading at the start of a session whose resets are exactly its own
// timestamp + 5 h and + 7 days. It must not wipe a real reading of a window still running.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyLogState, mergeObservation, parseLogLine, readLogState, type LogState } from '../../../../core/providers/codex/log-events';
import { createCodexLogsSource } from '../../../../core/providers/codex/logs';
import { FakeClock } from '../../../support/fake-clock';
import { MemoryFiles } from '../../../support/memory-files';

const HOME = '/home/dev/.codex';
const NOW = Date.UTC(2026, 8, 20, 10, 5);
const WEEK = 10080;

const lines = readFileSync(new URL('../../../fixtures/codex-logs/start-of-session-placeholder.jsonl', import.meta.url), 'utf8').trim().split('\n');

/** A token_count line at `iso` with a 5-hour and a weekly window. */
function line(iso: string, session: [used: number, resetSec: number], weekly: [used: number, resetSec: number]): string {
  const w = ([used, resets]: [number, number], minutes: number) => ({ used_percent: used, window_minutes: minutes, resets_at: resets });
  return JSON.stringify({
    timestamp: iso, type: 'event_msg',
    payload: { type: 'token_count', info: null, rate_limits: { limit_id: 'codex', primary: w(session, 300), secondary: w(weekly, WEEK) } },
  });
}

function fold(...text: string[]): LogState {
  return text.reduce((s, l) => {
    const obs = parseLogLine(l);
    return obs ? mergeObservation(s, obs) : s;
  }, emptyLogState());
}

const used = (s: LogState, now = NOW) => readLogState(s, now)!.windows.map((w) => [w.id, w.usedPercent]);
const sec = (iso: string) => Date.parse(iso) / 1000;

describe('Codex session-log placeholders', () => {
  it('ignores a 0 % placeholder written seconds after a real reading of windows still running', () => {
    expect(used(fold(lines[0]!, lines[1]!))).toEqual([['session', 12], ['weekly', 25]]);
  });

  it('ignores it whichever line is read first (the placeholder may sit in a file read earlier)', () => {
    expect(used(fold(lines[1]!, lines[0]!))).toEqual([['session', 12], ['weekly', 25]]);
  });

  it('shows 0 % once the earlier reading’s window had really reset when the 0 % was written', () => {
    // The real reading's 5-hour window reset at 11:00; the 0 % at 12:00 starts a new window.
    const real = line('2026-09-20T09:00:00Z', [40, sec('2026-09-20T11:00:00Z')], [25, sec('2026-09-26T10:00:00Z')]);
    const after = line('2026-09-20T12:00:00Z', [0, sec('2026-09-20T17:00:00Z')], [0, sec('2026-09-27T12:00:00Z')]);
    const s = fold(real, after);
    // The weekly window was still running at 12:00, so that 0 % is a placeholder; the session is real.
    expect(used(s, Date.UTC(2026, 8, 20, 12, 5))).toEqual([['session', 0], ['weekly', 25]]);
  });

  it('shows a genuine 0 % whose reset is not "timestamp + window length"', () => {
    const real = line('2026-09-20T09:00:00Z', [40, sec('2026-09-20T13:00:00Z')], [25, sec('2026-09-26T10:00:00Z')]);
    const zero = line('2026-09-20T10:00:00Z', [0, sec('2026-09-20T13:00:00Z')], [0, sec('2026-09-26T10:00:00Z')]);
    expect(used(fold(real, zero))).toEqual([['session', 0], ['weekly', 0]]);
  });

  it('shows a placeholder when nothing real was seen before it', () => {
    expect(used(fold(lines[1]!))).toEqual([['session', 0], ['weekly', 0]]);
  });

  it('lets a later real reading replace the earlier real one as usual', () => {
    const later = line('2026-09-20T10:01:00Z', [14, sec('2026-09-20T13:00:00Z')], [26, sec('2026-09-26T10:00:00Z')]);
    expect(used(fold(lines[0]!, lines[1]!, later))).toEqual([['session', 14], ['weekly', 26]]);
  });

  it('keeps real usage through the session-log source when the placeholder opens a new rollout file', async () => {
    const files = new MemoryFiles();
    files.write(`${HOME}/sessions/2026/09/20/rollout-2026-09-20T09-00-00-aaaa.jsonl`, `${lines[0]}\n`);
    files.write(`${HOME}/sessions/2026/09/20/rollout-2026-09-20T10-00-00-bbbb.jsonl`, `${lines[1]}\n`);
    const source = createCodexLogsSource({ files, clock: new FakeClock(NOW), codexHome: HOME });
    const r = await source.fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 12], ['weekly', 25]]);
  });
});

describe('Codex session-log reset sanity', () => {
  it('keeps the window but drops a reset more than 400 days after the line', () => {
    const far = line('2026-09-20T09:00:00Z', [40, sec('2200-01-01T00:00:00Z')], [25, sec('2026-09-26T10:00:00Z')]);
    expect(readLogState(fold(far), NOW)!.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 40, null],
      ['weekly', 25, Date.UTC(2026, 8, 26, 10)],
    ]);
  });
});
