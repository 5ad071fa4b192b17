// Automatic updates from GitHub Releases through electron-updater: a check at start and then daily,
// the download in the background, and a question before restarting ('Later' installs on quit).
// What is allowed and why lives in core/update-policy.ts; this file only runs it.
import { app, dialog } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scheduler } from '../core/ports';
import {
  decideUpdates,
  decisionLine,
  RESTART_BUTTONS,
  restartChoice,
  UPDATE_CHECK_INTERVAL_MS,
  updateLogLine,
  type InstallFacts,
} from '../core/update-policy';
import type { AppServices } from '../app/services';

/** The part of electron-updater's autoUpdater that Quotabar uses; tests pass a fake. */
export interface UpdaterPort {
  /** Asks the feed for a newer release; a newer one downloads in the background. May reject. */
  check(): Promise<void>;
  onDownloaded(fn: (version: string) => void): void;
  onError(fn: (e: unknown) => void): void;
  /** Quits and installs the downloaded update now. */
  quitAndInstall(): void;
}

export interface AutoUpdateDeps {
  services: Pick<AppServices, 'settings' | 'onSettings'>;
  clock: Scheduler;
  platform: string;
  env: NodeJS.ProcessEnv;
  /** Defaults to `app.isPackaged`. */
  isPackaged?: boolean;
  /** Defaults to `process.resourcesPath`. */
  resourcesPath?: string;
  readPackageType?: (resourcesPath: string) => string | null;
  /** Defaults to electron-updater, loaded only when updates are really on. */
  loadUpdater?: (log: (line: string) => void) => Promise<UpdaterPort>;
  log?: (line: string) => void;
}

export interface AutoUpdateHandle {
  /** Settles when the check started at setup (if any) has finished. */
  ready: Promise<void>;
  dispose(): void;
}

export function setupAutoUpdate(deps: AutoUpdateDeps): AutoUpdateHandle {
  const log = deps.log ?? ((line: string) => console.log(`quotabar: updates: ${line}`));
  const resourcesPath = deps.resourcesPath ?? process.resourcesPath ?? '';
  const packageType = (deps.readPackageType ?? readPackageType)(resourcesPath);
  const facts: InstallFacts = {
    isPackaged: deps.isPackaged ?? app.isPackaged,
    platform: deps.platform,
    packageType,
    appImage: deps.env.APPIMAGE || null,
  };
  const load = deps.loadUpdater ?? loadElectronUpdater;

  let lastError = '';
  const logError = (what: string, e: unknown) => {
    const message = updateLogLine(e);
    // electron-updater both emits 'error' and rejects for one failed check: log it once.
    if (message !== lastError) log(`${what}: ${message}`);
    lastError = message;
  };

  const asked = new Set<string>();
  const ask = async (version: string) => {
    if (asked.has(version)) return;
    asked.add(version);
    try {
      const { response } = await dialog.showMessageBox({
        type: 'info',
        title: 'Quotabar update',
        message: `Quotabar ${version} has been downloaded.`,
        detail: 'Restart now to install it, or choose Later and it installs the next time Quotabar quits.',
        buttons: [...RESTART_BUTTONS],
        defaultId: 0,
        cancelId: 1,
      });
      if (restartChoice(response) === 'restart') {
        log(`restarting to install ${version}`);
        updater?.then((u) => u.quitAndInstall()).catch((e) => logError('install failed', e));
      } else {
        log(`${version} will be installed when Quotabar quits`);
      }
    } catch (e) {
      logError('could not ask about the update', e);
    }
  };

  let updater: Promise<UpdaterPort> | null = null;
  const port = () =>
    (updater ??= load(log).then(
      (u) => {
        u.onDownloaded((version) => void ask(version));
        u.onError((e) => logError('update failed', e));
        return u;
      },
      (e: unknown) => {
        updater = null; // the next check tries loading again
        throw e;
      },
    ));

  let inFlight: Promise<void> | null = null;
  const check = (): Promise<void> =>
    (inFlight ??= port()
      .then((u) => u.check())
      .then(() => {
        lastError = '';
      })
      // A failed check (offline, feed down) waits for the next one; it never ends the app.
      .catch((e: unknown) => logError('update check failed', e))
      .finally(() => {
        inFlight = null;
      }));

  let cancelTimer: (() => void) | null = null;
  const schedule = () => {
    cancelTimer = deps.clock.schedule(UPDATE_CHECK_INTERVAL_MS, () => {
      cancelTimer = null;
      void check();
      schedule();
    });
  };

  let on = false;
  const apply = (autoUpdate: boolean): Promise<void> => {
    const decision = decideUpdates(facts, { autoUpdate });
    if (decision.check === on) return Promise.resolve();
    on = decision.check;
    log(decisionLine(decision, packageType));
    if (!on) {
      cancelTimer?.();
      cancelTimer = null;
      return Promise.resolve();
    }
    schedule();
    return check();
  };

  const initial = decideUpdates(facts, deps.services.settings());
  // Say why updates are off at start too, so "why did it not update?" has an answer in the log.
  if (!initial.check) log(decisionLine(initial, packageType));
  const ready = apply(deps.services.settings().autoUpdate);
  const off = deps.services.onSettings((v) => void apply(v.settings.autoUpdate));
  return {
    ready,
    dispose() {
      off();
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

/** electron-builder writes `package-type` (deb, rpm, …) next to app.asar for system packages only. */
export function readPackageType(resourcesPath: string): string | null {
  if (!resourcesPath) return null;
  try {
    return readFileSync(join(resourcesPath, 'package-type'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

async function loadElectronUpdater(log: (line: string) => void): Promise<UpdaterPort> {
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.autoDownload = true;
  // 'Later' relies on this: the downloaded update replaces the app when it quits.
  autoUpdater.autoInstallOnAppQuit = true;
  const say = (m: unknown) => log(updateLogLine(m));
  autoUpdater.logger = { info: say, warn: say, error: say, debug: () => undefined };
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      // Download failures are also emitted as 'error'; this keeps them from being unhandled rejections.
      result?.downloadPromise?.catch(() => undefined);
    },
    onDownloaded: (fn) => void autoUpdater.on('update-downloaded', (info) => fn(info.version)),
    onError: (fn) => void autoUpdater.on('error', (e) => fn(e)),
    quitAndInstall: () => autoUpdater.quitAndInstall(),
  };
}
