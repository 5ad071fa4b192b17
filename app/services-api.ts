// What the app's services take and offer (app/services.ts builds them): the one interface both shells,
// the preview host and the tests program against.
import type { ActivitySignals } from '../core/cadence';
import type { PollerView, ProviderId } from '../core/model';
import type { Clock, FileSource, HistoryStore, HttpClient, Notifier, Scheduler, SecretStore } from '../core/ports';
import type { Settings } from '../core/settings';
import type { Sparkline } from '../core/sparkline';
import type { DemoEndpoints } from '../demo/env';
import type { AccountManager } from './account-manager';
import type { HistoryExport, HistoryPage, KeyCheck, KeySlot, SettingsView } from './contract';
import type { CostService } from './cost-service';
import type { CostWorkerSpec } from './cost-runner';
import type { HistoryRequest } from './history-view';
import type { StatusLineService } from './status-line-service';

export interface AppServicesOptions {
  env: NodeJS.ProcessEnv;
  platform: string;
  homedir: string;
  /** Defaults to the platform's config dir; in demo mode settings stay in memory unless this is given. */
  settingsPath?: string;
  /** Defaults to the OS keychain (memory in demo mode). */
  secrets?: SecretStore;
  demo?: DemoEndpoints;
  /** Tests pass a FakeClock. */
  clock?: Clock & Scheduler;
  files?: FileSource;
  /** HTTP client per provider base URL; defaults to undici limited to that origin. */
  httpFor?: (baseUrl: string) => HttpClient;
  /** Where alerts go; can also be set later with `setNotifier` (Electron's needs the app ready). */
  notifier?: Notifier;
  /** Where each successful poll's samples go; defaults to the SQLite file in the data folder, none in demo mode. */
  history?: HistoryStore | null;
  /** Serve the local API when Settings says so (default); `quotabar serve` passes false and serves from its flags. */
  shareLocalApi?: boolean;
  /** Where the cost ledger's worker thread lives; absent: the ledger is read in-process (tests). */
  costWorker?: CostWorkerSpec | null;
  /** The command line of this install's CLI (node and its script) that Settings' status-line button writes; null: there is none. */
  statusLineCli?: readonly string[] | null;
}

export interface AppServices {
  readonly demo: boolean;
  readonly platform: string;
  /** Polls every provider now, then on schedule. */
  start(): void;
  stop(): void;
  /** Resolves when every successful poll so far is in the history store (or failed to get there). */
  historyIdle(): Promise<void>;
  /** While the machine sleeps: no polling. */
  pause(): void;
  /** After wake, unlock or network return: refreshes what is due. */
  resume(): Promise<void>;
  view(): PollerView;
  refresh(providerId: ProviderId | null): Promise<PollerView>;
  refreshIfOlderThan(maxAgeMs: number): Promise<void>;
  /** What the desktop saw (popover opened, battery, screen lock): adaptive polling speeds up or slows down. */
  noteActivity(patch: Partial<ActivitySignals>): void;
  settings(): Settings;
  settingsView(): Promise<SettingsView>;
  /** Validated, saved, then applied live (interval, thresholds, login item via `onSettings`). */
  updateSettings(patch: Partial<Settings>): Promise<SettingsView>;
  /** One request to the key provider with a candidate key (`slot` 'management': a management key); nothing is stored. */
  testKey(providerId: string, key: string, slot?: KeySlot): Promise<KeyCheck>;
  /** Validates, stores in the keychain, then polls the key's provider with it. */
  saveKey(providerId: string, key: string, slot?: KeySlot): Promise<KeyCheck>;
  removeKey(providerId: string, slot?: KeySlot): Promise<SettingsView>;
  /** Labelled accounts from the settings window: add, test, enable/disable/relabel, reorder, remove. */
  readonly accounts: AccountManager;
  onView(fn: (v: PollerView) => void): () => void;
  onSettings(fn: (v: SettingsView) => void): () => void;
  setNotifier(n: Notifier): void;
  /** The History window's readings per window over a range (app/history-view.ts). */
  history(req: HistoryRequest): Promise<HistoryPage>;
  /** The same readings as `quotabar history --csv|--json` prints them. */
  exportHistory(req: HistoryRequest & { format: 'csv' | 'json' }): Promise<HistoryExport>;
  /** The popover's sparklines: each window's readings over its current period (app/sparklines.ts). */
  sparklines(): Promise<Sparkline[]>;
  /** Tokens and dollars from the agents' logs (app/cost-service.ts). */
  readonly cost: CostService;
  /** Settings' status-line button (app/status-line-service.ts); in demo mode it edits the demo's folder. */
  readonly statusLine: StatusLineService;
}
