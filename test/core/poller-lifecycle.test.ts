// The poller across the app's life: start once, stop, sleep and wake, refresh one card, popover
// opens, providers added and removed. Each case counts the requests a provider actually receives.
import { describe, expect, it } from 'vitest';
import type { PollerView } from '../../core/model';
import { createPoller } from '../../core/poller';
import { MINUTE } from '../../core/time';
import { FakeClock, flush } from '../support/fake-clock';
import { data, scriptedProvider } from '../support/fake-provider';

function started(...ids: string[]) {
  const clock = new FakeClock();
  const providers = ids.map((id) => scriptedProvider(id, data(10)));
  const poller = createPoller({ providers, clock, scheduler: clock });
  poller.start();
  return { clock, poller, providers };
}

describe('starting and stopping', () => {
  it('polls once when start is called again after the first poll', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    poller.start();
    await clock.advance(0);
    expect(providers[0]!.calls).toBe(1);
    await clock.advance(2 * MINUTE);
    expect(providers[0]!.calls).toBe(2);
  });

  it('sends nothing more after stop', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    poller.stop();
    await clock.advance(30 * MINUTE);
    expect(providers[0]!.calls).toBe(1);
  });

  it('schedules nothing when a fetch in flight finishes after stop', async () => {
    const clock = new FakeClock();
    let answer!: () => void;
    const a = scriptedProvider('a', new Promise((r) => (answer = () => r({ ok: true, value: data(3) }))), data(4));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    poller.stop();
    answer();
    await flush();
    await clock.advance(30 * MINUTE);
    expect(a.calls).toBe(1);
  });
});

describe('sleep and wake', () => {
  it('sends nothing while paused, then polls at once on resume when a poll fell due', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    poller.pause();
    await clock.advance(10 * MINUTE);
    expect(providers[0]!.calls).toBe(1);
    await poller.resume();
    expect(providers[0]!.calls).toBe(2);
    await clock.advance(2 * MINUTE - 1);
    expect(providers[0]!.calls).toBe(2);
    await clock.advance(1);
    expect(providers[0]!.calls).toBe(3);
  });

  it('waits for the due time after a short sleep, and polls exactly at it', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    poller.pause();
    await clock.advance(2 * MINUTE);
    await poller.resume();
    expect(providers[0]!.calls).toBe(2);

    poller.pause();
    await clock.advance(MINUTE);
    await poller.resume();
    expect(providers[0]!.calls).toBe(2);
    await clock.advance(MINUTE);
    expect(providers[0]!.calls).toBe(3);
  });

  it('does nothing on a resume without a pause', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    await clock.advance(2 * MINUTE);
    await poller.resume();
    expect(providers[0]!.calls).toBe(2);
  });

  it('keeps a new interval from rescheduling while paused', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    poller.pause();
    poller.setIntervalMs(MINUTE);
    await clock.advance(5 * MINUTE);
    expect(providers[0]!.calls).toBe(1);
  });
});

describe('refreshing by hand', () => {
  it('refreshes only the card asked for, or all of them', async () => {
    const { clock, poller, providers } = started('a', 'b');
    await clock.advance(0);
    await poller.refreshNow('b');
    expect(providers.map((p) => p.calls)).toEqual([1, 2]);
    await poller.refreshNow(null);
    expect(providers.map((p) => p.calls)).toEqual([2, 3]);
    await poller.refreshNow();
    expect(providers.map((p) => p.calls)).toEqual([3, 4]);
  });

  it('refreshes on popover open only what is older than asked, and exactly at the age', async () => {
    const { clock, poller, providers } = started('a', 'b');
    await clock.advance(0);
    await clock.advance(30_000);
    await poller.refreshNow('b');
    await clock.advance(30_000);
    await poller.refreshIfOlderThan(30_000);
    expect(providers.map((p) => p.calls)).toEqual([2, 2]);
    await poller.refreshIfOlderThan(60_000);
    expect(providers.map((p) => p.calls)).toEqual([2, 2]);
  });

  it('lets a manual refresh through the moment a Retry-After ends', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', { kind: 'rate_limited', retryAfterMs: 10 * MINUTE }, data(5));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    await clock.advance(10 * MINUTE - 1);
    poller.stop();
    await clock.advance(1);
    await poller.refreshNow();
    expect(a.calls).toBe(2);
  });
});

describe('the provider list changing', () => {
  it('polls a new provider at once, keeps the unchanged one as is, and stops polling a removed one', async () => {
    const { clock, poller, providers } = started('a', 'b');
    await clock.advance(0);
    const c = scriptedProvider('c', data(30));
    poller.setProviders([providers[0]!, c]);
    await clock.advance(0);
    expect(poller.view().snapshots.map((s) => s.providerId)).toEqual(['a', 'c']);
    expect([providers[0]!.calls, providers[1]!.calls, c.calls]).toEqual([1, 1, 1]);
    await clock.advance(2 * MINUTE);
    expect([providers[0]!.calls, providers[1]!.calls, c.calls]).toEqual([2, 1, 2]);
  });

  it('replaces a provider object with the same id (a new key) and polls the new one only', async () => {
    const { clock, poller, providers } = started('a');
    await clock.advance(0);
    const fresh = scriptedProvider('a', data(50));
    poller.setProviders([fresh]);
    await clock.advance(0);
    await clock.advance(2 * MINUTE);
    expect([providers[0]!.calls, fresh.calls]).toEqual([1, 2]);
  });

  it('does not poll providers added before start until it starts', async () => {
    const clock = new FakeClock();
    const poller = createPoller({ providers: [], clock, scheduler: clock });
    const a = scriptedProvider('a', data(1));
    poller.setProviders([a]);
    await clock.advance(5 * MINUTE);
    expect(a.calls).toBe(0);
  });
});

describe('subscribers', () => {
  it('hear each change until they unsubscribe', async () => {
    const { clock, poller } = started('a');
    const seen: PollerView[] = [];
    const off = poller.subscribe((v) => seen.push(v));
    await clock.advance(0);
    await poller.refreshNow();
    const heard = seen.length;
    expect(heard).toBeGreaterThan(0);
    off();
    await poller.refreshNow();
    expect(seen).toHaveLength(heard);
  });
});
