// A provider is a descriptor plus an ordered chain of sources; one pipeline runs every chain.
import type { ProviderError, Result } from './errors';
import type { FetchData, ProviderId } from './model';
import type { Scheduler } from './ports';

/** One way of learning a provider's usage (an endpoint, a log directory…). */
export interface Source {
  /** Recorded as the snapshot's `source` when this one answers, one of the descriptor's `sources`. */
  id: string;
  fetch(): Promise<Result<FetchData>>;
}

export interface Provider {
  id: ProviderId;
  displayName: string;
  /** The account this instance polls: null (or absent) for the implicit one, else its label. */
  accountLabel?: string | null;
  /** Tried in order: a later source is asked only when the earlier ones failed. */
  sources: Source[];
  /** Backoff after a 429 that carries no Retry-After (some endpoints throttle for long). */
  rateLimitFallbackMs?: number;
}

export type ChainOutcome =
  | { ok: true; data: FetchData; fallbackFrom: ProviderError | null }
  | { ok: false; error: ProviderError };

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;

/** Resolves to a `timeout` error if `work` has not settled within `ms`. Never rejects. */
export function withTimeout<T>(
  work: Promise<Result<T>>,
  ms: number,
  scheduler: Scheduler,
): Promise<Result<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const cancel = scheduler.schedule(ms, () => {
      if (settled) return;
      settled = true;
      resolve({ ok: false, error: { kind: 'timeout', afterMs: ms } });
    });
    work.then(
      (r) => {
        if (settled) return;
        settled = true;
        cancel();
        resolve(r);
      },
      (e: unknown) => {
        if (settled) return;
        settled = true;
        cancel();
        // A source that throws has a bug; report it as malformed rather than crash the poller.
        resolve({ ok: false, error: { kind: 'malformed', detail: `source failed: ${String(e)}` } });
      },
    );
  });
}

/**
 * Runs the sources in order and returns the first success. When every source fails, the
 * first error that is not `unconfigured` wins (it says the most), else `unconfigured`.
 */
export async function runChain(
  provider: Provider,
  scheduler: Scheduler,
  timeoutMs: number = DEFAULT_FETCH_TIMEOUT_MS,
): Promise<ChainOutcome> {
  const errors: ProviderError[] = [];
  for (const source of provider.sources) {
    const r = await withTimeout(source.fetch(), timeoutMs, scheduler);
    if (r.ok) {
      const first = errors.find((e) => e.kind !== 'unconfigured') ?? null;
      return { ok: true, data: r.value, fallbackFrom: first };
    }
    errors.push(r.error);
  }
  const error =
    errors.find((e) => e.kind !== 'unconfigured') ??
    errors[0] ?? { kind: 'unconfigured', what: provider.id };
  return { ok: false, error };
}
