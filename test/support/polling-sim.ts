// A simulated day for the poller on a FakeClock: a provider whose usage is a function of time, and
// the two figures adaptive polling is judged by (bench/adaptive-polling.bench.ts, test/core/poller-adaptive.test.ts).
import { NO_ACTIVITY, type ActivitySignals, type PollingMode } from '../../core/cadence';
import { makeWindow, type FetchData } from '../../core/model';
import { createPoller, DEFAULT_INTERVAL_MS, type Poller } from '../../core/poller';
import type { Provider } from '../../core/provider';
import { HOUR, MINUTE } from '../../core/time';
import { FakeClock } from './fake-clock';

/** A provider answering `usage(minutesSinceStart)` percent used, recording when each poll saw what. */
export function usageProvider(clock: FakeClock, usage: (minutes: number) => number): Provider & { polls: { at: number; used: number }[] } {
  const start = clock.now();
  const polls: { at: number; used: number }[] = [];
  return {
    id: 'sim',
    displayName: 'Sim',
    polls,
    sources: [
      {
        id: 'sim:/usage',
        fetch: async () => {
          const used = usage((clock.now() - start) / MINUTE);
          polls.push({ at: clock.now(), used });
          const w = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: used, resetsAt: start + 30 * HOUR, windowMinutes: 300 });
          const d: FetchData = { source: 'sim:/usage', windows: [w], notes: [], account: null };
          return { ok: true, value: d };
        },
      },
    ],
  };
}

export interface SimOptions {
  mode: PollingMode;
  thresholds?: number[];
  signals?: Partial<ActivitySignals>;
}

function startPoller(clock: FakeClock, p: Provider, o: SimOptions): Poller {
  const poller = createPoller({
    providers: [p],
    clock,
    scheduler: clock,
    intervalMs: DEFAULT_INTERVAL_MS,
    cadence: { mode: o.mode, thresholds: o.thresholds ?? [80, 95], signals: { ...NO_ACTIVITY, ...o.signals } },
  });
  poller.start();
  return poller;
}

/** Requests made over 24 hours while usage stands still. */
export async function idleDayRequests(o: SimOptions): Promise<number> {
  const clock = new FakeClock();
  const p = usageProvider(clock, () => 30);
  const poller = startPoller(clock, p, o);
  await clock.advance(24 * HOUR);
  poller.stop();
  return p.polls.length;
}

/**
 * Minutes between usage crossing 80 % and the first poll that sees it, on a day that was quiet for
 * `quietMin` minutes (50 % used) and then climbs half a point a minute.
 */
export async function crossingDelayMin(o: SimOptions, quietMin: number): Promise<number> {
  const clock = new FakeClock();
  const rate = 0.5;
  const usage = (m: number) => (m < quietMin ? 50 : Math.min(100, 50 + (m - quietMin) * rate));
  const crossesAtMin = quietMin + (80 - 50) / rate;
  const p = usageProvider(clock, usage);
  const poller = startPoller(clock, p, o);
  await clock.advance((crossesAtMin + 60) * MINUTE);
  poller.stop();
  const start = p.polls[0]!.at;
  const seen = p.polls.find((x) => x.used >= 80);
  if (!seen) throw new Error('the crossing was never seen');
  return (seen.at - start) / MINUTE - crossesAtMin;
}
