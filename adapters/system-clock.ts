// Clock + Scheduler on the real wall clock and setTimeout.
import type { Clock, Scheduler } from '../core/ports';

export interface SystemClockOptions {
  /** Unref timers so a pending poll never keeps a CLI process alive. */
  unref?: boolean;
}

// setTimeout fires at once (with a warning) past 2^31-1 ms; longer waits are chained.
const MAX_TIMER_MS = 2_147_483_647;

export class SystemClock implements Clock, Scheduler {
  private readonly unref: boolean;

  constructor(opts: SystemClockOptions = {}) {
    this.unref = opts.unref ?? false;
  }

  now(): number {
    return Date.now();
  }

  schedule(delayMs: number, fn: () => void): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    const arm = (remaining: number) => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      timer = setTimeout(() => {
        if (cancelled) return;
        if (remaining > step) arm(remaining - step);
        else fn();
      }, step);
      if (this.unref) timer.unref();
    };
    // An infinite delay never fires; NaN and negatives fire as soon as possible.
    if (delayMs === Number.POSITIVE_INFINITY) return () => undefined;
    arm(Number.isFinite(delayMs) ? Math.max(0, delayMs) : 0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }
}
