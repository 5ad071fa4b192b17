// The one pipeline every provider runs: sources tried in order, the error that says the most when
// all fail, and a source that hangs or throws turned into an error value instead of a stuck poll.
import { describe, expect, it } from 'vitest';
import type { ProviderError, Result } from '../../core/errors';
import type { FetchData } from '../../core/model';
import type { Scheduler } from '../../core/ports';
import { runChain, withTimeout, type Provider, type Source } from '../../core/provider';

/** A scheduler whose timers fire only when the test says so. */
function manualScheduler() {
  const timers: Array<{ ms: number; fn: () => void; cancelled: boolean }> = [];
  const scheduler: Scheduler = {
    schedule(ms, fn) {
      const t = { ms, fn, cancelled: false };
      timers.push(t);
      return () => {
        t.cancelled = true;
      };
    },
  };
  return { scheduler, timers, fireAll: () => timers.filter((t) => !t.cancelled).forEach((t) => t.fn()) };
}

const data: FetchData = { source: 'a', windows: [], notes: [], account: null };
const source = (id: string, r: Result<FetchData>): Source => ({ id, fetch: async () => r });
const fail = (e: ProviderError): Result<FetchData> => ({ ok: false, error: e });
const provider = (...sources: Source[]): Provider => ({ id: 'codex', displayName: 'Codex', sources });
const unconfigured = (what: string): ProviderError => ({ kind: 'unconfigured', what });
const transport: ProviderError = { kind: 'transport', code: 'ECONNREFUSED' };

describe('a source with a deadline', () => {
  it('times out with the deadline it was given, and a late answer changes nothing', async () => {
    const { scheduler, timers, fireAll } = manualScheduler();
    let answer!: (r: Result<FetchData>) => void;
    const p = withTimeout(new Promise<Result<FetchData>>((r) => (answer = r)), 1234, scheduler);
    expect(timers.map((t) => t.ms)).toEqual([1234]);
    fireAll();
    answer({ ok: true, value: data });
    expect(await p).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 1234 } });
  });

  it('cancels its timer once the source answers, and a timer firing late changes nothing', async () => {
    const { scheduler, timers } = manualScheduler();
    const p = withTimeout(Promise.resolve<Result<FetchData>>({ ok: true, value: data }), 1000, scheduler);
    expect(await p).toEqual({ ok: true, value: data });
    expect(timers[0]?.cancelled).toBe(true);
    timers[0]?.fn();
    expect(await p).toEqual({ ok: true, value: data });
  });

  it('reports a source that throws as a malformed answer naming the failure, and cancels its timer', async () => {
    const { scheduler, timers } = manualScheduler();
    const r = await withTimeout(Promise.reject(new Error('boom')), 1000, scheduler);
    expect(r).toEqual({ ok: false, error: { kind: 'malformed', detail: 'source failed: Error: boom' } });
    expect(timers[0]?.cancelled).toBe(true);
  });

  it('ignores a throw that comes after the deadline', async () => {
    const { scheduler, fireAll } = manualScheduler();
    let fail!: (e: unknown) => void;
    const p = withTimeout(new Promise<Result<FetchData>>((_, reject) => (fail = reject)), 50, scheduler);
    fireAll();
    fail(new Error('late'));
    expect(await p).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 50 } });
  });
});

describe('the chain of sources', () => {
  const { scheduler } = manualScheduler();

  it('answers from the first source that succeeds, noting the failure it fell back from', async () => {
    const r = await runChain(provider(source('a', fail(transport)), source('b', { ok: true, value: data })), scheduler);
    expect(r).toEqual({ ok: true, data, fallbackFrom: transport });
  });

  it('does not count skipping a source that is not set up as a fallback', async () => {
    const r = await runChain(provider(source('a', fail(unconfigured('codex auth.json'))), source('b', { ok: true, value: data })), scheduler);
    expect(r).toEqual({ ok: true, data, fallbackFrom: null });
  });

  it('reports the first real failure when all fail, over any "not set up"', async () => {
    const r = await runChain(provider(source('a', fail(unconfigured('x'))), source('b', fail(transport)), source('c', fail({ kind: 'timeout', afterMs: 1 }))), scheduler);
    expect(r).toEqual({ ok: false, error: transport });
  });

  it('reports the first "not set up" when nothing is, and the provider itself when it has no sources', async () => {
    expect(await runChain(provider(source('a', fail(unconfigured('x'))), source('b', fail(unconfigured('y')))), scheduler)).toEqual({
      ok: false,
      error: unconfigured('x'),
    });
    expect(await runChain(provider(), scheduler)).toEqual({ ok: false, error: unconfigured('codex') });
  });
});
