// A FakeClock that knows when its next timer is due, so a test can move simulated time from timer
// to timer and let real loopback HTTP finish in between: a fake hour passes in a second or two.
import type { Clock, Scheduler } from '../../core/ports';
import { FakeClock } from '../support/fake-clock';

interface Due {
  at: number;
}

export class DrivenClock implements Clock, Scheduler {
  private readonly fake: FakeClock;
  /** Monotonic simulated time since construction; timers are placed on it. */
  private elapsed = 0;
  private readonly due = new Set<Due>();

  constructor(start?: number) {
    this.fake = new FakeClock(start);
  }

  now(): number {
    return this.fake.now();
  }

  schedule(delayMs: number, fn: () => void): () => void {
    const timer: Due = { at: this.elapsed + Math.max(0, delayMs) };
    this.due.add(timer);
    const cancel = this.fake.schedule(delayMs, () => {
      this.due.delete(timer);
      fn();
    });
    return () => {
      this.due.delete(timer);
      cancel();
    };
  }

  /** Timers waiting to fire (a live poller always has one). */
  get pending(): number {
    return this.due.size;
  }

  /**
   * Moves simulated time forward by `ms`, stopping at every due timer to await `settle` (real
   * time passes there, so real requests complete before any simulated deadline can fire).
   */
  async run(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.elapsed + ms;
    for (let steps = 0; ; steps++) {
      // Thousands of timers in one simulated hour would itself be a request storm.
      if (steps > 5_000) throw new Error('more than 5000 timers came due: something is polling in a loop');
      const next = Math.min(...[...this.due].map((t) => t.at));
      if (!(next <= end)) break;
      await this.moveTo(Math.max(next, this.elapsed));
      await settle();
    }
    await this.moveTo(end);
    await settle();
  }

  /** The machine sleeps for `ms`: wall and monotonic time jump, due timers fire once on wake. */
  async sleep(ms: number, settle: () => Promise<void>): Promise<void> {
    this.elapsed += ms;
    await this.fake.sleep(ms);
    await settle();
  }

  /** The wall clock alone changes (NTP, a manual change); timers keep their monotonic schedule. */
  jump(ms: number): void {
    this.fake.jump(ms);
  }

  private async moveTo(t: number): Promise<void> {
    const delta = t - this.elapsed;
    this.elapsed = t;
    await this.fake.advance(delta);
  }
}
