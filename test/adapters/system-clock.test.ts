import { afterEach, describe, expect, it, vi } from 'vitest';
import { SystemClock } from '../../adapters/system-clock';

afterEach(() => {
  vi.useRealTimers();
});

describe('SystemClock', () => {
  it('tells the wall-clock time', () => {
    const before = Date.now();
    const now = new SystemClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('runs a scheduled task once after its delay', async () => {
    const clock = new SystemClock({ unref: true });
    const fired = await new Promise<number>((resolve) => {
      const t0 = Date.now();
      clock.schedule(20, () => resolve(Date.now() - t0));
    });
    expect(fired).toBeGreaterThanOrEqual(15);
  });

  it('does not run a cancelled task', async () => {
    vi.useFakeTimers();
    const clock = new SystemClock();
    const fn = vi.fn();
    const cancel = clock.schedule(1_000, fn);
    cancel();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('waits out a delay longer than setTimeout can hold instead of firing at once', async () => {
    vi.useFakeTimers();
    const clock = new SystemClock();
    const fn = vi.fn();
    const thirtyDays = 30 * 24 * 3600 * 1000;
    const cancel = clock.schedule(thirtyDays, fn);
    await vi.advanceTimersByTimeAsync(thirtyDays - 1_000);
    expect(fn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fn).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('can cancel a long delay between its chained timers', async () => {
    vi.useFakeTimers();
    const clock = new SystemClock();
    const fn = vi.fn();
    const cancel = clock.schedule(2 ** 31 + 10_000, fn);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    cancel();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('runs a negative or NaN delay as soon as possible', async () => {
    vi.useFakeTimers();
    const clock = new SystemClock();
    const fn = vi.fn();
    clock.schedule(-5, fn);
    clock.schedule(Number.NaN, fn);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
