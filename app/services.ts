// The app's services in plain Node: settings, keychain, providers, poller and alerts, wired once.
// Electron's main process and the browser preview host both run exactly this; neither adds logic.
import { NO_ACTIVITY, type ActivitySignals } from '../core/cadence';
import { createPoller, type Poller } from '../core/poller';
import { sparklinesFor } from './sparklines';
import { createCostService } from './cost-service';
import { createStatusLineService } from './status-line-service';
import type { Notifier } from '../core/ports';
import type { Provider } from '../core/provider';
import type { Settings } from '../core/settings';
import { accountKey, enabledAccountsOf, type AccountSetting } from '../core/accounts';
import {
  buildAccount,
  buildAllProviders,
  buildProvider,
  credentialStatuses,
  defaultSecretStore,
  providerHttp,
  resolveConfig,
  withOptIn,
  type AppConfig,
  type ComposeDeps,
} from '../adapters/compose';
import { MemorySecretStore } from '../adapters/memory-secret-store';
import { NodeFileSource } from '../adapters/node-file-source';
import { settingsPath as defaultSettingsPath } from '../adapters/app-paths';
import { SystemClock } from '../adapters/system-clock';
import { adapterOf } from '../adapters/providers/registry';
import { KEY_PROVIDERS } from '../core/providers/registry';
import { demoEnv, demoKeys, demoSecrets, type DemoEndpoints } from '../demo/env';
import type { CredentialStatus, ManagementKeyStatus, SettingsView } from './contract';
import { applySettingsPatch } from './validate';
import { createKeyManagers } from './key-manager';
import { createAccountManager } from './account-manager';
import { serialQueue } from './serial';
import { alertJudge } from './alert-judge';
import { fileSettings, memorySettings, type SettingsPersistence } from '../adapters/settings-persistence';
import { defaultHistory, historyRecorder } from './history-recorder';
import { demoHistory, historyExport, historyPage, type HistoryContext } from './history-view';
import { createLocalApiShare } from './local-api/share';

export type { DemoEndpoints };
import type { AppServices, AppServicesOptions } from './services-api';

export type { AppServices, AppServicesOptions };

/** Loads settings, resolves config and builds providers and the poller (not started). */
export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const demo = opts.demo ?? null;
  const env = demo ? demoEnv(opts.env, demo) : opts.env;
  const envConfig: AppConfig = resolveConfig(env, opts.platform, opts.homedir);
  // The environment's opt-ins plus the settings' (reading a vendor tool's sign-in); set once settings are loaded.
  let config: AppConfig = envConfig;
  const clock = opts.clock ?? new SystemClock();
  const files = opts.files ?? new NodeFileSource();
  const secrets = opts.secrets ?? (demo ? new MemorySecretStore({ initial: demoSecrets(demo) }) : defaultSecretStore(opts.platform));
  const deps: ComposeDeps = { secrets, files, clock, ...(opts.httpFor ? { httpFor: opts.httpFor } : {}) };
  const httpFor = (u: string) => providerHttp(config, deps, u);
  const store: SettingsPersistence =
    opts.settingsPath !== undefined
      ? fileSettings(opts.settingsPath)
      : demo
        ? memorySettings()
        : fileSettings(defaultSettingsPath(opts.env, opts.platform, opts.homedir));

  let settings = (await store.load()).settings;
  config = withOptIn(envConfig, settings.credentialOptIn);
  let notifier: Notifier | null = opts.notifier ?? null;
  const settingsListeners = new Set<(v: SettingsView) => void>();

  let providers: Provider[] = buildAllProviders(config, deps, undefined, settings.accounts);
  // Which settings each labelled account was built from: an unchanged account keeps its instance
  // (and so its data and backoff) when the list changes.
  const builtFrom = new Map<Provider, string>();
  for (const p of providers) {
    const a = settings.accounts.find((x) => x.providerId === p.id && x.label === p.accountLabel);
    if (a) builtFrom.set(p, JSON.stringify(a));
  }
  const rebuildAccounts = (accounts: readonly AccountSetting[]) => {
    const byKey = new Map(providers.filter((p) => p.accountLabel).map((p) => [accountKey(p.id, p.accountLabel ?? null), p]));
    providers = providers
      .filter((p) => !p.accountLabel)
      .flatMap((implicit) => [
        implicit,
        ...enabledAccountsOf(accounts, implicit.id).map((a) => {
          const old = byKey.get(accountKey(a.providerId, a.label));
          if (old && builtFrom.get(old) === JSON.stringify(a)) return old;
          const p = buildAccount(a, config, deps);
          builtFrom.set(p, JSON.stringify(a));
          return p;
        }),
      ]);
    poller.setProviders(providers);
  };
  let signals: ActivitySignals = NO_ACTIVITY;
  const poller: Poller = createPoller({
    providers,
    clock,
    scheduler: clock,
    intervalMs: settings.refreshIntervalSec * 1000,
    timeoutMs: config.timeoutMs,
    cadence: { mode: settings.pollingMode, thresholds: settings.thresholds, signals },
  });

  // Demo mode keeps the demo's own polls in a throw-away file, so the History window has real readings.
  const demoStore = opts.history === undefined && demo ? demoHistory(clock) : null;
  const history = opts.history !== undefined ? opts.history : demoStore ? demoStore.store : defaultHistory(opts, clock);
  // Alerts are judged on every emission; the rules themselves skip data they have already seen.
  poller.subscribe(guarded('alerts', alertJudge({ clock, settings: () => settings, notifier: () => notifier, history, report: (m) => console.error(m) })));

  const recorder = history ? historyRecorder(history) : null;
  if (recorder) poller.subscribe((v) => recorder.listen(v));

  // Credential statuses read the keychains (on macOS a vendor tool's item too): read when the settings
  // window asks or the key changed, not again on every settings change (a tray menu toggle).
  let credentials: Promise<CredentialStatus[]> | null = null;
  // Management keys are read with the credentials (same moments, same keychain).
  let managementKeys: Promise<ManagementKeyStatus[]> = Promise.resolve([]);
  const readCredentials = (): Promise<CredentialStatus[]> => {
    const read = credentialStatuses(config, deps);
    read.catch(() => (credentials === read ? (credentials = null) : undefined));
    managementKeys = keys.managementStatuses();
    managementKeys.catch(() => undefined);
    return (credentials = read);
  };

  const share = opts.shareLocalApi === false ? null : createLocalApiShare({ source: poller, clock });

  const viewOf = async (creds: Promise<CredentialStatus[]>): Promise<SettingsView> => ({
    settings,
    ...(share ? { localApi: share.status() } : {}),
    credentials: await creds,
    managementKeys: await managementKeys,
    optInFromEnv: Object.keys(envConfig.optIn ?? {}).filter((id) => envConfig.optIn?.[id] === true),
    platform: opts.platform,
    demo: demo !== null,
    ...(demo ? { demoKeys: demoKeys(demo) } : {}),
  });
  const settingsView = () => viewOf(readCredentials());

  const publishSettings = async (creds: Promise<CredentialStatus[]>): Promise<SettingsView> => {
    const v = await viewOf(creds);
    for (const fn of settingsListeners) fn(v);
    return v;
  };

  // Updates run one at a time: two quick changes must not both start from the same old settings.
  const serial = serialQueue();
  const applyUpdate = async (patch: Partial<Settings>): Promise<SettingsView> => {
    // Accounts may have been added or removed with `quotabar account` since the app read the file:
    // a change made here must not write them away, so the file's list is the base.
    const base = patch.accounts ? settings : { ...settings, accounts: (await store.load()).settings.accounts };
    const next = applySettingsPatch(base, patch);
    const saved = await store.save(next);
    if (!saved.ok) throw new Error(`Settings could not be saved (${saved.error.code}).`);
    const intervalChanged = next.refreshIntervalSec !== settings.refreshIntervalSec;
    const accountsChanged = JSON.stringify(next.accounts) !== JSON.stringify(settings.accounts);
    const optInChanged = JSON.stringify(next.credentialOptIn) !== JSON.stringify(settings.credentialOptIn);
    settings = next;
    if (intervalChanged) poller.setIntervalMs(next.refreshIntervalSec * 1000);
    poller.setCadence({ mode: next.pollingMode, thresholds: next.thresholds });
    if (optInChanged) {
      // Every account of the provider gets (or loses) the opt-in source; where credentials come from changes too.
      config = withOptIn(envConfig, next.credentialOptIn);
      builtFrom.clear();
      providers = buildAllProviders(config, deps, undefined, next.accounts);
      for (const p of providers) {
        const a = next.accounts.find((x) => x.providerId === p.id && x.label === p.accountLabel);
        if (a) builtFrom.set(p, JSON.stringify(a));
      }
      poller.setProviders(providers);
      credentials = null;
    } else if (accountsChanged) rebuildAccounts(next.accounts);
    await share?.apply(next);
    return publishSettings(credentials ?? readCredentials());
  };

  // A changed key gets a new provider: its old data and backoff must not carry over.
  const replaceKeyed = (providerId: string) => {
    providers = providers.map((p) => (p.id === providerId && !p.accountLabel ? buildProvider(p.id, config, deps) : p));
    poller.setProviders(providers);
  };
  const keys = createKeyManagers({
    providers: KEY_PROVIDERS.map((d) => adapterOf(d.id)),
    baseUrlOf: (id) => config.urls[id] ?? adapterOf(id).descriptor.defaultBaseUrl,
    httpFor,
    secrets,
    onChange: replaceKeyed,
    managementEnvOf: (id) => config.credentials[id]?.managementKey ?? null,
  });

  // Account changes start from the file's list (the CLI may have changed it) and run in the settings queue.
  const accounts = createAccountManager({
    config,
    compose: deps,
    secrets,
    files,
    scheduler: clock,
    httpFor,
    demo: demo !== null,
    current: async () => (await store.load()).settings.accounts,
    save: async (list) => void (await serial(() => applyUpdate({ accounts: list }))),
  });

  const historyContext = (): HistoryContext => ({
    store: history,
    now: clock.now(),
    // Only the throw-away demo store is "demo data"; a store a caller handed in holds what it holds.
    demo: demoStore !== null,
    labelOf: (providerId, accountLabel, windowId) =>
      poller
        .view()
        .snapshots.find((s) => s.providerId === providerId && s.accountLabel === accountLabel)
        ?.windows.find((w) => w.id === windowId)?.label ?? null,
  });

  return {
    demo: demo !== null,
    platform: opts.platform,
    start() {
      poller.start();
      // Settings hear where the API serves (or why it cannot) once it has tried.
      if (share && settings.shareLocalApi) void share.apply(settings).then(() => publishSettings(credentials ?? readCredentials()));
    },
    stop() {
      poller.stop();
      void share?.close();
      // Closing checkpoints the WAL into the file; a write still under way reopens it.
      void recorder?.idle().then(() => (demoStore ? demoStore.dispose() : history?.close()));
    },
    historyIdle: async () => recorder?.idle(),
    pause: () => poller.pause(),
    resume: () => poller.resume(),
    view: () => poller.view(),
    async refresh(providerId) {
      await poller.refreshNow(providerId);
      return poller.view();
    },
    refreshIfOlderThan: (ms) => poller.refreshIfOlderThan(ms),
    noteActivity(patch) {
      signals = { ...signals, ...patch };
      poller.setCadence({ signals });
    },
    settings: () => settings,
    settingsView,
    updateSettings: (patch) => serial(() => applyUpdate(patch)),
    testKey: (providerId, key, slot) => keys.test(providerId, key, slot),
    async saveKey(providerId, key, slot) {
      const r = await keys.save(providerId, key, slot);
      if (r.ok) await publishSettings(readCredentials());
      return r;
    },
    async removeKey(providerId, slot) {
      await keys.remove(providerId, slot);
      return publishSettings(readCredentials());
    },
    accounts,
    onView: (fn) => poller.subscribe(guarded('view listener', fn)),
    onSettings(fn) {
      const g = guarded('settings listener', fn);
      settingsListeners.add(g);
      return () => settingsListeners.delete(g);
    },
    setNotifier(n) {
      notifier = n;
    },
    history: (req) => historyPage(historyContext(), req),
    exportHistory: (req) => historyExport(historyContext(), req),
    sparklines: () => sparklinesFor(history, poller.view().snapshots, clock.now()),
    cost: createCostService({ env, homedir: opts.homedir, platform: opts.platform, clock, worker: opts.costWorker ?? null, useCache: demo === null }),
    statusLine: createStatusLineService({ env, homedir: opts.homedir, cli: opts.statusLineCli ?? null }),
  };
}

// A listener that throws (a closed window, a notification daemon gone) must not stop the poller
// or the other listeners. Only the error's own message is logged; views never are.
function guarded<T>(what: string, fn: (v: T) => void): (v: T) => void {
  return (v) => {
    try {
      fn(v);
    } catch (e) {
      console.error(`quotabar: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
