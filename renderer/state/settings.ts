// The settings store: settings and credential status, pushed by the main process on every change.
// It never holds a stored key: credentials carry masked labels only.
import { create } from 'zustand';
import type { Settings } from '../../core/settings';
import type { QuotabarBridge, SettingsView } from '../../app/contract';
import { callFailure, followPushed } from '../bridge';

interface SettingsState {
  view: SettingsView | null;
  failure: string | null;
}

export const useSettings = create<SettingsState>(() => ({ view: null, failure: null }));

/** Subscribes to settings events and asks for the current settings; returns an unsubscribe function. */
export function connectSettings(bridge: QuotabarBridge): () => void {
  return followPushed(
    (fn) => bridge.on('settings', fn),
    () => bridge.invoke('settings:get', null),
    (view) => useSettings.setState({ view, failure: null }),
    (failure) => useSettings.setState({ failure }),
  );
}

/** Asks for the current settings again (after the connection came back: pushes may have been missed). */
export async function reloadSettings(bridge: QuotabarBridge): Promise<void> {
  try {
    useSettings.setState({ view: await bridge.invoke('settings:get', null), failure: null });
  } catch {
    // The heartbeat reports a lost connection; nothing to add here.
  }
}

/** Saves a patch; resolves to an error message, or null on success. */
export async function updateSettings(bridge: QuotabarBridge, patch: Partial<Settings>): Promise<string | null> {
  try {
    const view = await bridge.invoke('settings:update', patch);
    useSettings.setState({ view, failure: null });
    return null;
  } catch (e) {
    return callFailure(e);
  }
}
