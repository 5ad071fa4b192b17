// The renderer's only way out: `window.quotabar`, put there by Electron's preload script or, in the
// browser preview, by the host's injected WebSocket bridge (see ws-bridge.ts). Never raw IPC.
import type { QuotabarBridge } from '../electron/ipc-contract';

declare global {
  interface Window {
    quotabar?: QuotabarBridge;
  }
}

/** The bridge, or null when the page was opened outside Quotabar (the UI says so). */
export function getBridge(): QuotabarBridge | null {
  return typeof window !== 'undefined' && window.quotabar ? window.quotabar : null;
}

/** A short message for a failed call, without echoing anything the main process said. */
export function callFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return /closed|connect|disconnected/i.test(text)
    ? 'Lost the connection to Quotabar. Reopen this window.'
    : 'Quotabar could not do that. Try again.';
}
