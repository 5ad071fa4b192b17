// The local API over the app's snapshots: the loopback server (adapters/) answering with the
// contract's mapping (routes.ts). The tray app starts it from Settings (share.ts), `quotabar serve` from its flags.
import type { Result } from '../../core/errors';
import { LOCAL_API_MAX_CONNECTIONS, type LocalApiStatus } from '../../core/local-api';
import type { PollerView } from '../../core/model';
import type { Clock } from '../../core/ports';
import { startLoopbackApi, type ListenFailure, type LoopbackApiServer } from '../../adapters/loopback-api-server';
import { FRESH_MS } from './limits';
import { answerGet } from './routes';

/** Where the answers come from: the one poller's view (app/services.ts). */
export interface LimitsSource {
  view(): PollerView;
  refreshIfOlderThan(maxAgeMs: number): Promise<void>;
}

export interface LocalApiOptions {
  source: LimitsSource;
  clock: Clock;
  /** 0 picks a free port (tests). */
  port: number;
  /** The one origin whose pages may read it; null or '' for none. */
  allowedOrigin: string | null;
}

/** Starts serving; the server, or why the port could not be held. */
export function startLocalApi(opts: LocalApiOptions): Promise<Result<LoopbackApiServer, ListenFailure>> {
  return startLoopbackApi({
    port: opts.port,
    allowedOrigin: opts.allowedOrigin || null,
    maxConnections: LOCAL_API_MAX_CONNECTIONS,
    get(path) {
      // A reader asking means the figures matter now: data past the contract's freshness is fetched
      // again in the background (single-flight and backoff as always); this answer is what is known.
      opts.source.refreshIfOlderThan(FRESH_MS).catch(() => undefined);
      return answerGet(path, opts.source.view().snapshots, opts.clock.now());
    },
  });
}

/** A start attempt's outcome as Settings shows it. */
export function statusOf(r: Result<LoopbackApiServer, ListenFailure>): LocalApiStatus {
  if (r.ok) return { state: 'serving', url: r.value.url };
  const f = r.error;
  return f.kind === 'failed' ? { state: 'unavailable', port: f.port, reason: 'failed', code: f.code } : { state: 'unavailable', port: f.port, reason: f.kind };
}
