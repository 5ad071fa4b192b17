// The one typed IPC contract between the main process (or the preview host) and the renderer.
// Type-only apart from the channel lists and their guards: safe to import from main, preload, preview and renderer.
import type { ProviderError } from '../core/errors';
import type { PollerView, ProviderId } from '../core/model';
import type { Settings } from '../core/settings';
import type { KeyProviderId } from '../core/providers/registry';

export type { PollerView };

/** Where a credential was found; the secret itself never crosses IPC. */
export interface CredentialStatus {
  providerId: ProviderId;
  configured: boolean;
  /** 'env' (an environment variable), 'keychain', 'file', 'macos-keychain', or null. */
  origin: 'env' | 'keychain' | 'file' | 'macos-keychain' | null;
  /** A masked label such as `sk-or-v1-…e41`, or a file path for file-based credentials. */
  label: string | null;
  /** Set when the credential store could not be read. */
  error: ProviderError | null;
}

export interface SettingsView {
  settings: Settings;
  credentials: CredentialStatus[];
  platform: 'darwin' | 'win32' | 'linux' | (string & {});
  demo: boolean;
  /** Demo mode only: the key the local demo server accepts (worthless elsewhere), so Save can be tried. */
  demoKey?: string;
}

export type KeyCheck =
  | { ok: true; label: string | null }
  | { ok: false; error: ProviderError | { kind: 'invalid_format'; detail: string } };

/** Request/response pairs for renderer → main calls. */
export interface InvokeMap {
  'view:get': { req: null; res: PollerView };
  'refresh': { req: { providerId: ProviderId | null }; res: PollerView };
  'settings:get': { req: null; res: SettingsView };
  'settings:update': { req: Partial<Settings>; res: SettingsView };
  /** Validates a key against the provider without storing it. */
  'key:test': { req: { providerId: KeyProviderId; key: string }; res: KeyCheck };
  /** Validates, then stores in the keychain, then refreshes the provider. */
  'key:save': { req: { providerId: KeyProviderId; key: string }; res: KeyCheck };
  'key:remove': { req: { providerId: KeyProviderId }; res: SettingsView };
  'window:open-settings': { req: null; res: null };
  'window:hide-popover': { req: null; res: null };
  /** The popover's content height in CSS px: the window grows or shrinks to fit, within the screen. */
  'window:fit-popover': { req: { height: number }; res: null };
  /** Opens an https link (e.g. an account-verification page) in the system browser. */
  'link:open': { req: { url: string }; res: null };
  'app:quit': { req: null; res: null };
}

/** Events main → renderer. */
export interface EventMap {
  'view': PollerView;
  'settings': SettingsView;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'view:get',
  'refresh',
  'settings:get',
  'settings:update',
  'key:test',
  'key:save',
  'key:remove',
  'window:open-settings',
  'window:hide-popover',
  'window:fit-popover',
  'link:open',
  'app:quit',
] as const;

export const EVENT_CHANNELS: readonly EventChannel[] = ['view', 'settings'] as const;

/** True for a channel name a renderer may invoke (anything else arriving over a transport is refused). */
export const isInvokeChannel = (c: unknown): c is InvokeChannel => (INVOKE_CHANNELS as readonly unknown[]).includes(c);
export const isEventChannel = (c: unknown): c is EventChannel => (EVENT_CHANNELS as readonly unknown[]).includes(c);

/** The API the preload script (or the preview's WebSocket bridge) exposes as `window.quotabar`. */
export interface QuotabarBridge {
  invoke<C extends InvokeChannel>(channel: C, req: InvokeMap[C]['req']): Promise<InvokeMap[C]['res']>;
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Handlers the main process (or preview host) implements, one per invoke channel. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (req: InvokeMap[C]['req']) => Promise<InvokeMap[C]['res']>;
};
