// A Clock + Scheduler whose time moves only when a test says so.
import type { Clock, Scheduler } from '../../core/ports';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class FakeClock implements Clock, Scheduler {
  /** Monotonic time that timers run on; the wall clock is this plus `offset`. */
  private t: number;
  private offset = 0;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start: number | string = Date.UTC(2026, 8, 20, 12, 0, 0)) {
    this.t = typeof start === 'string' ? Date.parse(start) : start;
  }

  now(): number {
    return this.t + this.offset;
  }

  schedule(delayMs: number, fn: () => void): () => void {
    const timer = { at: this.t + Math.max(0, delayMs), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await flush();
    for (;;) {
      const next = this.timers
        .filter((x) => x.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x !== next);
      this.t = Math.max(this.t, next.at);
      next.fn();
      await flush();
    }
    this.t = end;
    await flush();
  }

  /** Changes the wall clock only (an NTP correction, a manual clock change): timers, like real ones, are unaffected. */
  jump(ms: number): void {
    this.offset += ms;
  }

  /** A sleep: wall and monotonic time both move, and every timer that came due fires at once on wake. */
  async sleep(ms: number): Promise<void> {
    this.t += ms;
    await this.advance(0);
  }
}

/** Lets pending promise callbacks (and loopback I/O, via setImmediate) run. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
