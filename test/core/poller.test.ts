import { describe, expect, it } from 'vitest';
import type { Result } from '../../core/errors';
import type { FetchData, PollerView } from '../../core/model';
import { createPoller } from '../../core/poller';
import { MINUTE } from '../../core/time';
import { FakeClock, flush } from '../support/fake-clock';
import { data, scriptedProvider } from '../support/fake-provider';

function deferred() {
  let resolve!: (r: Result<FetchData>) => void;
  const promise = new Promise<Result<FetchData>>((r) => (resolve = r));
  return { promise, resolve };
}

describe('poller', () => {
  it('polls every provider at start and then every two minutes by default', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    expect(a.calls).toBe(1);
    await clock.advance(2 * MINUTE - 1);
    expect(a.calls).toBe(1);
    await clock.advance(1);
    expect(a.calls).toBe(2);
    expect(poller.view().snapshots[0]).toMatchObject({ providerId: 'a', status: 'ok' });
  });

  it('never lets a slow provider delay the others', async () => {
    const clock = new FakeClock();
    const slow = deferred();
    const a = scriptedProvider('slow', slow.promise);
    const b = scriptedProvider('fast', data(20));
    const poller = createPoller({ providers: [a, b], clock, scheduler: clock, timeoutMs: 60_000 });
    poller.start();
    await clock.advance(0);
    const v = poller.view();
    expect(v.snapshots.find((s) => s.providerId === 'fast')?.status).toBe('ok');
    expect(v.refreshing).toEqual(['slow']);
    slow.resolve({ ok: true, value: data(5) });
    await flush();
    expect(poller.view().refreshing).toEqual([]);
  });

  it('joins a refresh requested while a fetch is in flight instead of starting another', async () => {
    const clock = new FakeClock();
    const slow = deferred();
    const a = scriptedProvider('a', slow.promise, data(1));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    const r1 = poller.refreshNow();
    const r2 = poller.refreshNow('a');
    slow.resolve({ ok: true, value: data(5) });
    await Promise.all([r1, r2]);
    expect(a.calls).toBe(1);
  });

  it('turns a fetch that never answers into a timeout error', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', new Promise<Result<FetchData>>(() => {}));
    const poller = createPoller({ providers: [a], clock, scheduler: clock, timeoutMs: 5000 });
    poller.start();
    await clock.advance(5000);
    expect(poller.view().snapshots[0]?.error).toEqual({ kind: 'timeout', afterMs: 5000 });
  });

  it('waits out Retry-After and ignores manual refreshes meanwhile', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10), { kind: 'rate_limited', retryAfterMs: 30 * MINUTE }, data(12));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(2 * MINUTE); // second poll: 429
    expect(a.calls).toBe(2);
    expect(poller.view().snapshots[0]?.status).toBe('stale');
    await poller.refreshNow();
    await clock.advance(29 * MINUTE);
    expect(a.calls).toBe(2);
    await clock.advance(MINUTE);
    expect(a.calls).toBe(3);
    expect(poller.view().snapshots[0]).toMatchObject({ status: 'ok' });
  });

  it('makes a bounded number of requests in an hour against a provider that always fails', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', { kind: 'upstream', status: 503 });
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(60 * MINUTE);
    // 0 s, +30 s, +2, +4, +8, +16 min, then every 30 min.
    expect(a.calls).toBeLessThanOrEqual(7);
    expect(a.calls).toBeGreaterThanOrEqual(5);
  });

  it('emits a view on every change to subscribers, including the in-flight state', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    const seen: PollerView[] = [];
    poller.subscribe((v) => seen.push(v));
    poller.start();
    await clock.advance(0);
    expect(seen[0]?.refreshing).toEqual(['a']);
    expect(seen.at(-1)?.refreshing).toEqual([]);
    expect(seen.at(-1)?.snapshots[0]?.windows[0]?.usedPercent).toBe(10);
  });

  it('stops polling while paused and catches up on resume', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    poller.pause();
    await clock.advance(30 * MINUTE);
    expect(a.calls).toBe(1);
    await poller.resume();
    expect(a.calls).toBe(2);
  });

  it('refreshes only data older than the given age (the popover opening)', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(10_000);
    await poller.refreshIfOlderThan(30_000);
    expect(a.calls).toBe(1);
    await clock.advance(25_000);
    await poller.refreshIfOlderThan(30_000);
    expect(a.calls).toBe(2);
  });

  it('applies a new interval without restart', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    poller.setIntervalMs(MINUTE);
    await clock.advance(MINUTE);
    expect(a.calls).toBe(2);
  });

  it('adds, replaces and removes providers live', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    const b = scriptedProvider('b', data(30));
    poller.setProviders([a, b]);
    await clock.advance(0);
    expect(a.calls).toBe(1);
    expect(b.calls).toBe(1);
    poller.setProviders([b]);
    expect(poller.view().snapshots.map((s) => s.providerId)).toEqual(['b']);
    await clock.advance(10 * MINUTE);
    expect(a.calls).toBe(1);
  });

  it('survives a clock that jumps backwards without a polling storm', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    clock.jump(-3 * 60 * MINUTE);
    await clock.advance(60 * MINUTE);
    expect(a.calls).toBe(31);
  });
});
