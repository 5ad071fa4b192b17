// Changing the refresh interval in Settings while a provider is throttling us must not cut the
// provider's Retry-After short: the next request still waits until the provider said it may come.
import { describe, expect, it } from 'vitest';
import { createPoller } from '../../core/poller';
import { MINUTE } from '../../core/time';
import { FakeClock } from '../support/fake-clock';
import { data, scriptedProvider } from '../support/fake-provider';

describe('a shorter interval during a 429', () => {
  it('sends nothing before Retry-After has passed, then polls on the new interval', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', { kind: 'rate_limited', retryAfterMs: 20 * MINUTE }, data(12));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(0);
    expect(a.calls).toBe(1);
    expect(poller.view().snapshots[0]?.error?.kind).toBe('rate_limited');

    poller.setIntervalMs(MINUTE);
    await clock.advance(20 * MINUTE - 1);
    expect(a.calls).toBe(1);

    await clock.advance(1);
    expect(a.calls).toBe(2);
    expect(poller.view().snapshots[0]?.status).toBe('ok');
    await clock.advance(MINUTE);
    expect(a.calls).toBe(3);
  });

  it('keeps waiting out a failure’s backoff, too, when the interval changes', async () => {
    const clock = new FakeClock();
    const a = scriptedProvider('a', data(10), { kind: 'upstream', status: 503 }, { kind: 'upstream', status: 503 }, data(12));
    const poller = createPoller({ providers: [a], clock, scheduler: clock });
    poller.start();
    await clock.advance(2 * MINUTE); // second poll fails: retry in 30 s
    await clock.advance(30_000); // third fails: retry after the 2-minute interval
    expect(a.calls).toBe(3);
    poller.setIntervalMs(30_000);
    await clock.advance(2 * MINUTE - 1);
    expect(a.calls).toBe(3);
    await clock.advance(1);
    expect(a.calls).toBe(4);
  });
});
