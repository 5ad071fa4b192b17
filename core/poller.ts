// The poller: every provider account on its own schedule, in parallel, single-flight per account,
// with backoff from core/resilience (two accounts of one provider never share a flight or a backoff). Time and timers come from ports, so tests run on a FakeClock.
import { accountKey } from './accounts';
import { adaptiveIntervalMs, NO_ACTIVITY, windowsChanged, type ActivitySignals, type PollingMode } from './cadence';
import type { PollerView, ProviderId } from './model';
import type { Clock, Scheduler } from './ports';
import { runChain, DEFAULT_FETCH_TIMEOUT_MS, type Provider } from './provider';
import { applyFailure, applySuccess, initialState, type ProviderState } from './resilience';

export const DEFAULT_INTERVAL_MS = 2 * 60_000;

export interface PollerOptions {
  providers: Provider[];
  clock: Clock;
  scheduler: Scheduler;
  /** The fixed interval (and the interval in 'fixed' mode). */
  intervalMs?: number;
  timeoutMs?: number;
  /** How the next interval is chosen; without it the fixed interval is used (the CLI, most tests). */
  cadence?: CadenceOptions;
}

/** Adaptive polling's inputs that come from settings and the desktop (core/cadence.ts). */
export interface CadenceOptions {
  mode: PollingMode;
  thresholds: readonly number[];
  signals: ActivitySignals;
}

export interface Poller {
  /** Polls every provider now, then on schedule. */
  start(): void;
  /** Cancels all timers; fetches in flight finish but schedule nothing. */
  stop(): void;
  /** While suspended: no timers run. */
  pause(): void;
  /** After resume: refreshes what is due and reschedules. */
  resume(): Promise<void>;
  /** Fetches every account of one provider (or all) now, joining a fetch already in flight. Throttled providers are skipped. */
  refreshNow(id?: ProviderId | null): Promise<void>;
  /** Refreshes only providers whose last attempt is older than `maxAgeMs` (e.g. when the popover opens). */
  refreshIfOlderThan(maxAgeMs: number): Promise<void>;
  view(): PollerView;
  subscribe(fn: (v: PollerView) => void): () => void;
  /** Replaces the provider list: new accounts are polled at once, removed ones dropped, same object kept as is. */
  setProviders(providers: Provider[]): void;
  setIntervalMs(ms: number): void;
  /** Changes the polling mode, thresholds or activity signals; due times move to match (never before a backoff). */
  setCadence(patch: Partial<CadenceOptions>): void;
}

interface Entry {
  provider: Provider;
  state: ProviderState;
  inflight: Promise<void> | null;
  cancelTimer: (() => void) | null;
  /** When its numbers last changed (or were first seen): adaptive polling slows down when they stand still. */
  changedAt: number | null;
}

/** Creates a poller over the given providers. Nothing runs until `start()`. */
export function createPoller(opts: PollerOptions): Poller {
  const { clock, scheduler } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  let intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  let cadence: CadenceOptions = opts.cadence ?? { mode: 'fixed', thresholds: [], signals: NO_ACTIVITY };
  let running = false;
  let paused = false;
  const entries = new Map<string, Entry>();
  const listeners = new Set<(v: PollerView) => void>();

  const view = (): PollerView => ({
    snapshots: [...entries.values()].map((e) => e.state.snapshot),
    refreshing: [...new Set([...entries.values()].filter((e) => e.inflight !== null).map((e) => e.provider.id))],
  });
  const emit = () => {
    const v = view();
    for (const fn of listeners) fn(v);
  };

  const cancel = (e: Entry) => {
    e.cancelTimer?.();
    e.cancelTimer = null;
  };
  const newEntry = (p: Provider): Entry => ({ provider: p, state: initialState(p.id, labelOf(p)), inflight: null, cancelTimer: null, changedAt: null });

  /** The interval after a poll of `e` at `now`: the fixed one, or the adaptive one from its facts. */
  const intervalFor = (e: Entry, now: number): number =>
    cadence.mode === 'fixed'
      ? intervalMs
      : adaptiveIntervalMs({ now, changedAt: e.changedAt, windows: e.state.snapshot.windows, thresholds: cadence.thresholds, signals: cadence.signals });

  const schedule = (e: Entry) => {
    cancel(e);
    if (!running || paused || entries.get(keyOf(e.provider)) !== e) return;
    const delay = Math.max(0, e.state.nextDueAt - clock.now());
    e.cancelTimer = scheduler.schedule(delay, () => {
      e.cancelTimer = null;
      void poll(e, false);
    });
  };

  const poll = (e: Entry, manual: boolean): Promise<void> => {
    if (e.inflight) return e.inflight;
    // A provider that told us to back off is not asked again early, even by a click.
    if (manual && e.state.blockedUntil > clock.now()) return Promise.resolve();
    e.inflight = (async () => {
      const outcome = await runChain(e.provider, scheduler, timeoutMs);
      const now = clock.now();
      const policy = { intervalMs: intervalFor(e, now), rateLimitFallbackMs: e.provider.rateLimitFallbackMs };
      if (!outcome.ok) {
        e.state = applyFailure(e.state, outcome.error, now, policy);
        return;
      }
      const before = e.state.snapshot;
      e.state = applySuccess(e.state, outcome.data, outcome.fallbackFrom, now, policy);
      if (e.changedAt === null || before.fetchedAt === null || windowsChanged(before.windows, e.state.snapshot.windows)) e.changedAt = now;
      // The interval is judged on the numbers just read (a window that moved near a threshold is watched closely).
      if (cadence.mode === 'adaptive') e.state = { ...e.state, nextDueAt: now + intervalFor(e, now) };
    })().finally(() => {
      e.inflight = null;
      if (entries.get(keyOf(e.provider)) === e) {
        schedule(e);
        emit();
      }
    });
    emit();
    return e.inflight;
  };

  for (const p of opts.providers) entries.set(keyOf(p), newEntry(p));

  const selected = (id?: ProviderId | null) =>
    [...entries.values()].filter((e) => id === undefined || id === null || e.provider.id === id);

  return {
    start() {
      if (running) return;
      running = true;
      for (const e of entries.values()) void poll(e, false);
    },
    stop() {
      running = false;
      for (const e of entries.values()) cancel(e);
    },
    pause() {
      paused = true;
      for (const e of entries.values()) cancel(e);
    },
    async resume() {
      if (!paused) return;
      paused = false;
      const now = clock.now();
      await Promise.all(
        [...entries.values()].map((e) => (e.state.nextDueAt <= now ? poll(e, false) : (schedule(e), Promise.resolve()))),
      );
    },
    async refreshNow(id) {
      await Promise.all(selected(id).map((e) => poll(e, true)));
    },
    async refreshIfOlderThan(maxAgeMs) {
      const now = clock.now();
      const old = [...entries.values()].filter(
        (e) => e.state.snapshot.attemptedAt === null || now - e.state.snapshot.attemptedAt > maxAgeMs,
      );
      await Promise.all(old.map((e) => poll(e, true)));
    },
    view,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    setProviders(providers) {
      const wanted = new Set(providers.map(keyOf));
      // Entries left out of the new list are dropped when the map is rebuilt below.
      for (const [key, e] of entries) if (!wanted.has(key)) cancel(e);
      const ordered = new Map<string, Entry>();
      const fresh: Entry[] = [];
      for (const p of providers) {
        const key = keyOf(p);
        const old = entries.get(key);
        if (old && old.provider === p) {
          ordered.set(key, old);
          continue;
        }
        if (old) cancel(old);
        // A replaced provider (e.g. a new key) keeps nothing from the old one's data.
        const e = newEntry(p);
        ordered.set(key, e);
        fresh.push(e);
      }
      entries.clear();
      for (const [id, e] of ordered) entries.set(id, e);
      emit();
      if (running) for (const e of fresh) void poll(e, false);
    },
    setIntervalMs(ms) {
      intervalMs = ms;
      retime();
    },
    setCadence(patch) {
      cadence = { ...cadence, ...patch };
      retime();
    },
  };

  /** Moves each healthy account's next poll to its last attempt plus its interval now (a backoff is left alone). */
  function retime(): void {
    if (!running || paused) return;
    const now = clock.now();
    for (const e of entries.values()) {
      if (e.inflight || e.state.consecutiveFailures > 0) continue;
      const last = e.state.snapshot.attemptedAt ?? now;
      e.state = { ...e.state, nextDueAt: Math.max(last + intervalFor(e, now), e.state.blockedUntil) };
      schedule(e);
    }
  }
}

function labelOf(p: Provider): string | null {
  return p.accountLabel ?? null;
}

/** Entries are per account: the provider id alone would make two accounts share one flight and one backoff. */
function keyOf(p: Provider): string {
  return accountKey(p.id, labelOf(p));
}
