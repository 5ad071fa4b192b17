// The connection store: is the process behind the window (Electron's main process, or the preview
// host) still answering? A heartbeat asks it every few seconds; when an answer is missing or fails,
// the window says so, dims its figures, and fails every call still waiting instead of hanging.
// Electron's main process does not go away while its window is open, but the logic is the same.
import { create } from 'zustand';
import type { InvokeChannel, InvokeMap, QuotabarBridge } from '../../app/contract';

interface ConnectionState {
  /** True from a missed heartbeat until the next answer. */
  lost: boolean;
}

export const useConnection = create<ConnectionState>(() => ({ lost: false }));

/** How often the heartbeat asks; a lost host shows within interval + deadline (under 10 s). */
export const HEARTBEAT_MS = 3000;
/**
 * Heartbeat timing from a page URL's #fragment (`heartbeatMs=200`), so the e2e test need not wait
 * seconds; the defaults otherwise. Electron's app:// pages carry no fragment.
 */
export function heartbeatFromUrl(hash: string): { intervalMs: number; deadlineMs: number } {
  const ms = Number(new URLSearchParams(hash.replace(/^#/, '')).get('heartbeatMs'));
  return Number.isInteger(ms) && ms >= 50 && ms <= HEARTBEAT_MS
    ? { intervalMs: ms, deadlineMs: ms * 2 }
    : { intervalMs: HEARTBEAT_MS, deadlineMs: HEARTBEAT_DEADLINE_MS };
}

/** How long one heartbeat may take before the host counts as gone. */
export const HEARTBEAT_DEADLINE_MS = 4000;

/** The popover's banner while the heartbeat gets no answer (its figures are dimmed meanwhile). */
export const LOST_TEXT = 'Lost the connection to Quotabar: these figures are no longer updated. Reconnecting…';
/** The settings window's banner for the same. */
export const LOST_SETTINGS_TEXT = 'Lost the connection to Quotabar: changes cannot be saved until it is back. Reconnecting…';

/** The error a call gets when the host goes away before answering (bridge.ts words it). */
export class ConnectionLostError extends Error {
  constructor() {
    super('disconnected: no answer from Quotabar');
    this.name = 'ConnectionLostError';
  }
}

const waiting = new Set<(e: Error) => void>();

function setLost(lost: boolean): void {
  if (useConnection.getState().lost === lost) return;
  useConnection.setState({ lost });
  if (lost) for (const fail of [...waiting]) fail(new ConnectionLostError());
}

/**
 * Asks `bridge` for the (cheap, in-memory) view every `intervalMs`: the one call every host answers at
 * once, so no extra channel is needed. Returns a stop function.
 */
export function watchConnection(
  bridge: QuotabarBridge,
  opts: { intervalMs?: number; deadlineMs?: number; /** Called when answers come back after a loss (to catch up on missed pushes). */ onBack?: () => void } = {},
): () => void {
  const { intervalMs = HEARTBEAT_MS, deadlineMs = HEARTBEAT_DEADLINE_MS } = opts;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const beat = () => {
    // A hidden window (the popover most of the time) shows no banner: it asks again once shown.
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
      timer = setTimeout(beat, intervalMs);
      return;
    }
    let settled = false;
    const settle = (alive: boolean) => {
      if (settled || stopped) return;
      settled = true;
      if (deadline) clearTimeout(deadline);
      const wasLost = useConnection.getState().lost;
      setLost(!alive);
      if (alive && wasLost) opts.onBack?.();
      timer = setTimeout(beat, intervalMs);
    };
    const deadline: ReturnType<typeof setTimeout> | null = setTimeout(() => settle(false), deadlineMs);
    bridge.invoke('view:get', null).then(
      () => settle(true),
      () => settle(false),
    );
  };
  timer = setTimeout(beat, intervalMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

/**
 * The bridge the views use: a call fails at once while the host is lost, and a call in flight fails
 * when the host is lost, so no button stays on "Saving…" for an answer that will never come.
 */
export function guardBridge(bridge: QuotabarBridge): QuotabarBridge {
  return {
    on: bridge.on,
    invoke<C extends InvokeChannel>(channel: C, req: InvokeMap[C]['req']): Promise<InvokeMap[C]['res']> {
      if (useConnection.getState().lost) return Promise.reject(new ConnectionLostError());
      return new Promise((resolve, reject) => {
        const fail = (e: Error) => {
          waiting.delete(fail);
          reject(e);
        };
        waiting.add(fail);
        bridge.invoke(channel, req).then(
          (res) => {
            waiting.delete(fail);
            resolve(res);
          },
          (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
        );
      });
    },
  };
}
