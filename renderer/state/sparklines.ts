// The popover's sparklines: asked from main when the popover opens and whenever a new reading arrives.
import { create } from 'zustand';
import { accountKey } from '../../core/accounts';
import type { QuotabarBridge, Sparkline } from '../../app/contract';
import { onNewReading } from './view';

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

/** Loads the lines now and after every new reading; returns the unsubscribe function. */
export function followSparklines(bridge: QuotabarBridge): () => void {
  return onNewReading(() => void loadSparklines(bridge));
}
