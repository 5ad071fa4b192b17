// The snapshots store: the poller's view, pushed by the main process on every change.
import { create } from 'zustand';
import type { PollerView, ProviderId } from '../../core/model';
import type { QuotabarBridge } from '../../app/contract';
import { callFailure, followPushed } from '../bridge';

interface ViewState {
  view: PollerView | null;
  /** Why the last call to the main process failed, until the next view arrives. */
  failure: string | null;
}

export const useView = create<ViewState>(() => ({ view: null, failure: null }));

/** Subscribes to view events and asks for the current view; returns an unsubscribe function. */
export function connectView(bridge: QuotabarBridge): () => void {
  return followPushed(
    (fn) => bridge.on('view', fn),
    () => bridge.invoke('view:get', null),
    (view) => useView.setState({ view, failure: null }),
    (failure) => useView.setState({ failure }),
  );
}

/** Asks for the current view again (after the connection came back: pushes may have been missed). */
export async function reloadView(bridge: QuotabarBridge): Promise<void> {
  try {
    useView.setState({ view: await bridge.invoke('view:get', null), failure: null });
  } catch {
    // The heartbeat reports a lost connection; nothing to add here.
  }
}

/** Asks for a refresh; the in-flight state arrives through view events (PollerView.refreshing). */
export async function refresh(bridge: QuotabarBridge, providerId: ProviderId | null = null): Promise<void> {
  try {
    const view = await bridge.invoke('refresh', { providerId });
    useView.setState({ view, failure: null });
  } catch (e) {
    useView.setState({ failure: callFailure(e) });
  }
}

/** The newest reading's time in a view: what depends on readings changes only when it does. */
export function newestReading(v: PollerView | null): number | null {
  const times = (v?.snapshots ?? []).map((s) => s.fetchedAt).filter((t): t is number => t !== null);
  return times.length ? Math.max(...times) : null;
}

/** Calls `load` now and after every new reading (not on every view push); returns the unsubscribe function. */
export function onNewReading(load: () => void): () => void {
  let seen = newestReading(useView.getState().view);
  load();
  return useView.subscribe((s) => {
    const newest = newestReading(s.view);
    if (newest === seen) return;
    seen = newest;
    load();
  });
}
