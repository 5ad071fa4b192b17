// The renderer's only way out: `window.quotabar`, put there by Electron's preload script or, in the
// browser preview, by the host's injected WebSocket bridge (preview/ws-bridge-client.ts). Never raw IPC.
import type { QuotabarBridge } from '../app/contract';

declare global {
  interface Window {
    quotabar?: QuotabarBridge;
  }
}

/** The bridge, or null when the page was opened outside Quotabar (the UI says so). */
export function getBridge(): QuotabarBridge | null {
  return typeof window !== 'undefined' && window.quotabar ? window.quotabar : null;
}

/**
 * Shown when the page has no bridge: opened outside Quotabar, or a preview link without its
 * #token (the page bridge then leaves `window.quotabar` unset rather than knock on a locked door).
 */
export const NO_BRIDGE_TEXT =
  'This window needs its Quotabar link: open the popover link that `npm run app` printed in the terminal (it carries the access token).';

/** A short message for a failed call, without echoing anything the main process said. */
export function callFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // The call may or may not have been carried out: only the missing answer is certain.
  return /closed|connect|disconnected/i.test(text)
    ? 'Lost the connection to Quotabar before it answered. Try again once it is back.'
    : 'Quotabar could not do that. Try again.';
}

/**
 * Follows a value the main process pushes: subscribes, then asks once for the current value. A pushed
 * value is newer than the answer may be, so the answer is dropped once a push has arrived.
 */
export function followPushed<T>(
  subscribe: (fn: (value: T) => void) => () => void,
  ask: () => Promise<T>,
  onValue: (value: T) => void,
  onFailure: (message: string) => void,
): () => void {
  let pushed = false;
  const off = subscribe((value) => {
    pushed = true;
    onValue(value);
  });
  ask().then(
    (value) => !pushed && onValue(value),
    (e: unknown) => onFailure(callFailure(e)),
  );
  return off;
}
