// "Share usage with local tools": starts, restarts or stops the local API when the settings change.
// Changes run one at a time, so a quick off-on never leaves two servers or none.
import type { LocalApiStatus } from '../../core/local-api';
import type { Clock } from '../../core/ports';
import type { Settings } from '../../core/settings';
import type { LoopbackApiServer } from '../../adapters/loopback-api-server';
import { startLocalApi, statusOf, type LimitsSource } from './server';

export interface LocalApiShare {
  /** Serves, re-serves on a new port or origin, or stops, as these settings say; resolves when done. */
  apply(s: Pick<Settings, 'shareLocalApi' | 'localApiPort' | 'localApiOrigin'>): Promise<void>;
  status(): LocalApiStatus;
  close(): Promise<void>;
}

export function createLocalApiShare(opts: { source: LimitsSource; clock: Clock }): LocalApiShare {
  let server: LoopbackApiServer | null = null;
  let status: LocalApiStatus = { state: 'off' };
  let wanted = '';
  let queue: Promise<void> = Promise.resolve();

  const change = async (s: Pick<Settings, 'shareLocalApi' | 'localApiPort' | 'localApiOrigin'> | null) => {
    const want = s?.shareLocalApi ? JSON.stringify([s.localApiPort, s.localApiOrigin]) : '';
    // Same settings: keep the server; a port that was taken is tried again (its holder may be gone).
    if (want === wanted && status.state !== 'unavailable') return;
    wanted = want;
    const old = server;
    server = null;
    await old?.close();
    status = { state: 'off' };
    if (!s || want === '') return;
    const r = await startLocalApi({ source: opts.source, clock: opts.clock, port: s.localApiPort, allowedOrigin: s.localApiOrigin });
    if (r.ok) server = r.value;
    status = statusOf(r);
  };
  const run = (s: Parameters<typeof change>[0]) => (queue = queue.then(() => change(s)));

  return {
    apply: (s) => run(s),
    status: () => status,
    close: () => run(null),
  };
}
