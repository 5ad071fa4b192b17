// Resilience, once, for every provider: stale/error transitions that keep last-known windows,
// reset-time backfill, and backoff after throttling or transient failures. Pure functions of (state, outcome, now).
import { isTransient, type ProviderError } from './errors';
import { emptySnapshot, type FetchData, type Note, type ProviderId, type ProviderSnapshot, type UsageWindow } from './model';
import { MINUTE } from './time';

export interface ProviderState {
  snapshot: ProviderSnapshot;
  /** Failures since the last success. */
  consecutiveFailures: number;
  /** Earliest time a scheduled poll may run again (epoch ms). */
  nextDueAt: number;
  /** Until this time even a manual refresh is refused: the provider asked us to back off. */
  blockedUntil: number;
}

export interface BackoffPolicy {
  intervalMs: number;
  /** Used after a 429 without Retry-After. */
  rateLimitFallbackMs?: number;
}

export const MAX_BACKOFF_MS = 30 * MINUTE;
/** A Retry-After beyond this is treated as this (a bogus far-future date must not silence us for days). */
export const MAX_RETRY_AFTER_MS = 6 * 60 * MINUTE;
const FIRST_RETRY_MS = 30_000;
const SPEND_CAP_RECHECK_MS = 60 * MINUTE;

/** The state of a provider that has never been polled. */
export function initialState(providerId: ProviderId, accountLabel: string | null = null): ProviderState {
  return { snapshot: emptySnapshot(providerId, 'unconfigured', accountLabel), consecutiveFailures: 0, nextDueAt: 0, blockedUntil: 0 };
}

/** Folds a successful fetch into the state: status ok, windows backfilled from last-known resets. */
export function applySuccess(
  state: ProviderState,
  data: FetchData,
  fallbackFrom: ProviderError | null,
  now: number,
  policy: BackoffPolicy,
): ProviderState {
  const notes: Note[] = [...data.notes];
  if (fallbackFrom) notes.push({ code: 'fallback_source', primaryError: fallbackFrom.kind });
  return {
    snapshot: {
      providerId: state.snapshot.providerId,
      accountLabel: state.snapshot.accountLabel,
      status: 'ok',
      error: null,
      fetchedAt: now,
      attemptedAt: now,
      source: data.source,
      windows: backfillResets(state.snapshot.windows, data.windows, now),
      notes,
      account: data.account,
    },
    consecutiveFailures: 0,
    nextDueAt: now + policy.intervalMs,
    blockedUntil: 0,
  };
}

/**
 * Folds a failure into the state. With last-known windows, the first failure shows them as `stale`,
 * the next ones as `error` (windows still kept). Throttling stays `stale`: it is not a fault.
 * `unconfigured` clears the card: the credential is gone.
 */
export function applyFailure(state: ProviderState, error: ProviderError, now: number, policy: BackoffPolicy): ProviderState {
  const failures = state.consecutiveFailures + 1;
  const prev = state.snapshot;
  const delay = backoffDelay(error, failures, policy);
  // Beside what the server asked, record when we will actually retry (after caps and doubling).
  if (error.kind === 'rate_limited' && !error.spendCap) error = { ...error, retryInMs: delay };
  const blockedUntil = error.kind === 'rate_limited' ? now + delay : 0;
  if (error.kind === 'unconfigured') {
    return {
      snapshot: { ...emptySnapshot(prev.providerId, 'unconfigured', prev.accountLabel), error, attemptedAt: now },
      consecutiveFailures: failures,
      nextDueAt: now + policy.intervalMs,
      blockedUntil: 0,
    };
  }
  const hasData = prev.fetchedAt !== null && prev.windows.length + prev.notes.length > 0;
  const status = !hasData ? 'error' : error.kind === 'rate_limited' || failures === 1 ? 'stale' : 'error';
  return {
    snapshot: {
      ...prev,
      status,
      error,
      attemptedAt: now,
      windows: hasData ? prev.windows : [],
      notes: hasData ? prev.notes.filter((n) => n.code !== 'fallback_source') : [],
      account: prev.account,
    },
    consecutiveFailures: failures,
    nextDueAt: now + delay,
    blockedUntil,
  };
}

/** How long to wait before the next attempt after the `failures`-th consecutive failure. */
export function backoffDelay(error: ProviderError, failures: number, policy: BackoffPolicy): number {
  const interval = policy.intervalMs;
  if (error.kind === 'rate_limited') {
    if (error.spendCap) return Math.max(interval, SPEND_CAP_RECHECK_MS);
    // Never sooner than the server asks, nor than our own doubling backoff: repeated short
    // Retry-After values must not turn into a request storm.
    const base = error.retryAfterMs === null ? (policy.rateLimitFallbackMs ?? interval) : interval;
    const doubling = Math.min(base * 2 ** Math.max(0, failures - 1), Math.max(base, MAX_BACKOFF_MS));
    return Math.min(Math.max(error.retryAfterMs ?? 0, doubling), MAX_RETRY_AFTER_MS);
  }
  // Bad keys, garbled answers and missing setup are not fixed by asking faster: the plain interval.
  if (!isTransient(error)) return interval;
  // 30 s for a blip, then the interval doubling each time, up to 30 minutes.
  if (failures <= 1) return Math.min(FIRST_RETRY_MS, interval);
  return Math.min(interval * 2 ** (failures - 2), Math.max(interval, MAX_BACKOFF_MS));
}

/**
 * Fills a missing reset time of a rolling usage window (session/daily/weekly/monthly) from the
 * last-known window with the same id: kept while still in the future, rolled forward by whole window
 * lengths once passed, else left unknown. Credit windows are left alone: for them a null reset means
 * "never resets" (e.g. a key's spending cap that never resets), not "unknown".
 */
export function backfillResets(prev: UsageWindow[], next: UsageWindow[], now: number): UsageWindow[] {
  return next.map((w) => {
    if (w.resetsAt !== null || w.kind === 'credits') return w;
    const old = prev.find((p) => p.id === w.id);
    if (!old || old.resetsAt === null) return w;
    if (old.resetsAt > now) return { ...w, resetsAt: old.resetsAt };
    const minutes = w.windowMinutes ?? old.windowMinutes;
    if (!minutes || minutes <= 0) return w;
    const len = minutes * MINUTE;
    const periods = Math.floor((now - old.resetsAt) / len) + 1;
    return { ...w, resetsAt: old.resetsAt + periods * len };
  });
}
