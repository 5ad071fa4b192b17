// What the system scheduler leaves behind: a CLI run must exit as soon as its work is done, so a
// cancelled or never-firing task holds no timer, and an unref'd clock never keeps the process up.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SystemClock } from '../../adapters/system-clock';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the system scheduler', () => {
  it('never runs a task with an infinite delay, and holds no timer for it', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    new SystemClock().schedule(Number.POSITIVE_INFINITY, fn);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * 2_147_483_647);
    expect(fn).not.toHaveBeenCalled();
  });

  it('leaves no timer behind once a task is cancelled', () => {
    vi.useFakeTimers();
    const cancel = new SystemClock().schedule(60_000, () => {});
    expect(vi.getTimerCount()).toBe(1);
    cancel();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('unrefs its timers only when asked to', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const cancels = [new SystemClock({ unref: true }).schedule(60_000, () => {}), new SystemClock().schedule(60_000, () => {})];
    const [unrefd, held] = spy.mock.results.map((r) => r.value as NodeJS.Timeout);
    expect(unrefd?.hasRef()).toBe(false);
    expect(held?.hasRef()).toBe(true);
    for (const c of cancels) c();
  });
});
