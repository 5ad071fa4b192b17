// The popover's sparklines: asked from main when the popover opens and whenever a new reading arrives.
import { create } from 'zustand';
import { accountKey } from '../../core/accounts';
import type { PollerView } from '../../core/model';
import type { QuotabarBridge, Sparkline } from '../../app/contract';
import { useView } from './view';

interface SparklineState {
  /** By sparkKey(provider, account, window). */
  lines: Record<string, Sparkline>;
}

export const useSparklines = create<SparklineState>(() => ({ lines: {} }));

export const sparkKey = (providerId: string, accountLabel: string | null, windowId: string): string =>
  `${accountKey(providerId, accountLabel)}\u0000${windowId}`;

/** The lines by key; a failed call keeps the lines already shown (they are history, not live numbers). */
export async function loadSparklines(bridge: QuotabarBridge): Promise<void> {
  try {
    const lines = await bridge.invoke('history:sparklines', null);
    useSparklines.setState({ lines: Object.fromEntries(lines.map((l) => [sparkKey(l.providerId, l.accountLabel, l.windowId), l])) });
  } catch {
    // The meters stand without their lines; the next reading asks again.
  }
}

/** The newest reading's time in a view: the lines change only when it does. */
export function newestReading(v: PollerView | null): number | null {
  const times = (v?.snapshots ?? []).map((s) => s.fetchedAt).filter((t): t is number => t !== null);
  return times.length ? Math.max(...times) : null;
}

/** Loads the lines now and after every new reading; returns the unsubscribe function. */
export function followSparklines(bridge: QuotabarBridge): () => void {
  let seen = newestReading(useView.getState().view);
  void loadSparklines(bridge);
  return useView.subscribe((s) => {
    const newest = newestReading(s.view);
    if (newest === seen) return;
    seen = newest;
    void loadSparklines(bridge);
  });
}
