// The one typed IPC contract between the main process (or the preview host) and the renderer.
// Type-only apart from the channel lists and their guards: safe to import from main, preload, preview and
// renderer. Request types are inferred from the valibot schemas in schemas.ts (imported as types only,
// so neither the preload nor the renderer bundles valibot).
import type { InferOutput } from 'valibot';
import type { ProviderError } from '../core/errors';
import type { PollerView } from '../core/model';
import type { CredentialStatus } from '../core/credentials';
import type { LocalApiStatus } from '../core/local-api';
import type { Settings } from '../core/settings';
import type { Sparkline } from '../core/sparkline';
import type { RequestSchemas } from './schemas';
import type { CostDayView, CostExport, CostPage, CostRow, CostSummaryView } from './cost-view';
import type { StatusLineResult, StatusLineView } from './status-line-service';

export type { CostDayView, CostExport, CostPage, CostRow, CostSummaryView };

export type { StatusLineResult, StatusLineView };

export type { PollerView };

export type { CredentialStatus };

export type { Sparkline };

export interface SettingsView {
  settings: Settings;
  credentials: CredentialStatus[];
  platform: 'darwin' | 'win32' | 'linux' | (string & {});
  demo: boolean;
  /** Demo mode only: per key provider id, the key the local demo server accepts (worthless elsewhere), so Save can be tried. */
  demoKeys?: Partial<Record<string, string>>;
  /** Whether "Share usage with local tools" is serving (absent where no shell serves it). */
  localApi?: LocalApiStatus;
  /** One per key provider that takes a management key: where it is set, as a masked label (never the key). */
  managementKeys?: ManagementKeyStatus[];
  /** Provider ids whose opt-in the environment turns on (descriptor `credentials.optIn.env` = 1): the setting cannot turn those off. */
  optInFromEnv?: string[];
}

/** Which of a key provider's keys a key call means: absent, its API key; 'management', its management key. */
export type KeySlot = 'management';

/** Where a provider's management key is set: its environment variable (which wins), the keychain, or nowhere. */
export interface ManagementKeyStatus {
  providerId: string;
  origin: 'env' | 'keychain' | null;
  /** The masked key (as the key form masks it); null when not set. */
  label: string | null;
  /** Set when the keychain could not be read. */
  error: ProviderError | null;
}

export type KeyCheck =
  /** `keys`: for a management key, how many keys of the account it lists. */
  | { ok: true; label: string | null; keys?: number }
  | { ok: false; error: ProviderError | { kind: 'invalid_format'; detail: string } };

/** The History window's ranges: the last 24 hours, 7 days, 30 days, or everything stored. */
export type HistoryRange = '24h' | '7d' | '30d' | 'all';

/** One window's stored readings in a range, with statistics over all of them (the points may be thinned). */
export interface HistoryWindowView {
  providerId: string;
  accountLabel: string | null;
  windowId: string;
  /** "5-hour" when a current snapshot names the window; null otherwise (the id is shown). */
  label: string | null;
  /** How many readings the range holds. */
  samples: number;
  min: number | null;
  max: number | null;
  average: number | null;
  /** Oldest first, used % at each time. */
  points: Array<{ at: number; usedPercent: number }>;
}

export interface HistoryPage {
  range: HistoryRange;
  /** The time the range was measured back from (epoch ms). */
  now: number;
  demo: boolean;
  windows: HistoryWindowView[];
  /** Why there is no history to show (not kept in this session, database unreadable); null normally. */
  problem: string | null;
}

/** An export as a file the renderer offers to save; the text is what `quotabar history --csv|--json` prints. */
export type HistoryExport = { ok: true; fileName: string; text: string; samples: number } | { ok: false; problem: string };

/** What an account change or test came to, in words for the settings window (never a key). */
export type AccountResult = { ok: boolean; message: string };

/** What each renderer → main call answers. */
interface InvokeResponses {
  'view:get': PollerView;
  'refresh': PollerView;
  'settings:get': SettingsView;
  'settings:update': SettingsView;
  /** Validates a key (or, with `slot: 'management'`, a management key) against the provider without storing it. */
  'key:test': KeyCheck;
  /** Validates, then stores in the keychain, then refreshes the provider (a management key: its team view). */
  'key:save': KeyCheck;
  'key:remove': SettingsView;
  /** Labelled accounts (app/account-manager.ts); the new list arrives as a 'settings' event. */
  'account:add': AccountResult;
  'account:test': AccountResult;
  'account:update': AccountResult;
  'account:move': AccountResult;
  'account:remove': AccountResult;
  'window:open-settings': null;
  'window:open-history': null;
  /** Stored readings per window over a range, with min, max and average. */
  'history:query': HistoryPage;
  'history:export': HistoryExport;
  /** Each on-screen window's stored readings over its current period (the popover's sparklines). */
  'history:sparklines': Sparkline[];
  /** Today's and the last 30 days' cost per log source (the popover's line under each provider that keeps logs). */
  'cost:summary': CostSummaryView;
  /** The Cost window: the last 30 days by day, model and project. */
  'cost:page': CostPage;
  /** Those days as `quotabar cost --json` prints them, or as CSV. */
  'cost:export': CostExport;
  'window:open-cost': null;
  /** Whether the coding tool runs Quotabar's status line (app/status-line-service.ts). */
  'statusline:get': StatusLineView;
  /** Installs or uninstalls it exactly as `quotabar statusline install|uninstall` does. */
  'statusline:set': StatusLineResult;
  'window:hide-popover': null;
  /** The popover's content height in CSS px: the window grows or shrinks to fit, within the screen. */
  'window:fit-popover': null;
  /** Opens an https link (e.g. an account-verification page) in the system browser. */
  'link:open': null;
  'app:quit': null;
}

/** Request/response pairs for renderer → main calls; each request is what its schema lets through. */
export type InvokeMap = {
  [C in keyof InvokeResponses]: { req: InferOutput<RequestSchemas[C]>; res: InvokeResponses[C] };
};

// Compile-time only: every schema has a channel, and a settings patch can carry exactly the settings.
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SettingsPatch = InvokeMap['settings:update']['req'];
export type ContractChecks = [
  Assert<Same<keyof RequestSchemas, keyof InvokeResponses>>,
  Assert<Same<keyof SettingsPatch, keyof Settings>>,
  Assert<SettingsPatch extends Partial<Settings> ? true : false>,
];

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
  'account:add',
  'account:test',
  'account:update',
  'account:move',
  'account:remove',
  'window:open-settings',
  'window:open-history',
  'history:query',
  'history:export',
  'history:sparklines',
  'cost:summary',
  'cost:page',
  'cost:export',
  'window:open-cost',
  'statusline:get',
  'statusline:set',
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
