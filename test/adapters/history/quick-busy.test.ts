// The history store's patience with a quick "busy": SQLite may refuse at once (no busy-timeout wait) in
// a few WAL cases; such a refusal is tried again after short pauses, a lock held for the whole busy
// timeout is `locked` at once, and nothing else is retried.
import { describe, expect, it } from 'vitest';
import { patiently, type Pauses } from '../../../adapters/history/sqlite-history-store';
import { err, ok, type Result } from '../../../core/errors';
import type { HistoryError } from '../../../core/ports';

/** A clock that moves only when told: each run takes `runMs`, each pause its length. */
function pauses(runMs: number): Pauses & { slept: number[]; tick(): void } {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)), tick: () => void (t += runMs) };
}

function script(answers: Array<Result<string, HistoryError>>, p: { tick(): void }) {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      p.tick();
      return answers[Math.min(calls++, answers.length - 1)]!;
    },
  };
}

const locked = err<HistoryError>({ kind: 'locked' });

describe('a quick busy answer', () => {
  it('is tried again after short pauses until the write goes through', async () => {
    const p = pauses(1);
    const s = script([locked, locked, ok('written')], p);
    expect(await patiently(1000, s.run, p)).toEqual(ok('written'));
    expect(s.calls()).toBe(3);
    expect(p.slept).toEqual([20, 40]);
  });

  it('counts as locked after three more tries', async () => {
    const p = pauses(1);
    const s = script([locked], p);
    expect(await patiently(1000, s.run, p)).toEqual(locked);
    expect(s.calls()).toBe(4);
  });

  it('is not retried when the busy timeout was waited out: another process really holds the lock', async () => {
    const p = pauses(1000);
    const s = script([locked, ok('written')], p);
    expect(await patiently(1000, s.run, p)).toEqual(locked);
    expect(s.calls()).toBe(1);
  });

  it('leaves other failures alone', async () => {
    const p = pauses(1);
    const s = script([err<HistoryError>({ kind: 'unavailable', code: 'SQLITE_CANTOPEN' }), ok('written')], p);
    expect(await patiently(1000, s.run, p)).toEqual(err({ kind: 'unavailable', code: 'SQLITE_CANTOPEN' }));
    expect(s.calls()).toBe(1);
  });
});
