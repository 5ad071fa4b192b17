// The main process only wires: one module per concern, in the order Electron needs them.
// `run` takes its environment as arguments so tests can drive it with the electron fake.
import { app, shell } from 'electron';
import { join } from 'node:path';
import { SystemClock } from '../adapters/system-clock';
import type { Clock, Scheduler } from '../core/ports';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { setupIpc } from './ipc';
import { setupLoginItem } from './login-item';
import { setupNotifications } from './notifications';
import { setupPowerEvents } from './power';
import { setupSecurity } from './security';
import { createAppServices, type AppServices, type AppServicesOptions, type DemoEndpoints } from '../app/services';
import { createInvokeHandlers } from '../app/handlers';
import { checkoutCli } from '../app/status-line-service';
import { setupTray, type TrayHandle } from './tray';
import { setupAutoUpdate } from './updater';
import { setupWindows, type WindowManager } from './windows';

export const APP_ID = 'dev.quotabar.app';

export interface RunOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  platform: string;
  homedir: string;
  execPath: string;
  clock?: Clock & Scheduler;
  createServices?: (opts: AppServicesOptions) => Promise<AppServices>;
  startDemo?: () => Promise<DemoEndpoints & { close(): Promise<void> }>;
}

export interface Shell {
  services: AppServices;
  windows: WindowManager;
  tray: TrayHandle;
}

/** Starts the tray app; resolves to null when another instance already runs (that one is shown instead). */
export async function run(opts: RunOptions): Promise<Shell | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  registerAppScheme();
  await app.whenReady();
  app.dock?.hide();
  if (opts.platform === 'win32') app.setAppUserModelId(APP_ID);

  const clock = opts.clock ?? new SystemClock();
  const demo = opts.argv.includes('--demo') ? await (opts.startDemo ?? defaultDemo)() : null;
  const services = await (opts.createServices ?? createAppServices)({
    env: opts.env,
    platform: opts.platform,
    homedir: opts.homedir,
    costWorker: { file: join(app.getAppPath(), 'dist-electron', 'cost-worker.cjs') },
    // A checkout's CLI, run by the node that npm ran `npm run app` with; the packaged app ships no CLI.
    statusLineCli: app.isPackaged ? null : checkoutCli(app.getAppPath(), opts.env.npm_node_execpath),
    ...(demo ? { demo } : {}),
  });

  setupSecurity();
  serveRenderer(join(app.getAppPath(), 'dist-renderer'));
  const windows = setupWindows({
    services,
    platform: opts.platform,
    preloadPath: join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
    clock,
    env: opts.env,
    argv: opts.argv,
  });
  const quit = () => app.quit();
  const handlers = createInvokeHandlers(services, {
    openSettings: () => windows.openSettings(),
    openHistory: () => windows.openHistory(),
    openCost: () => windows.openCost(),
    hidePopover: () => windows.hidePopover(),
    fitPopover: (height) => windows.fitPopover(height),
    openExternal: (url) => void shell.openExternal(url),
    quit,
  });
  const ipc = setupIpc({ services, handlers, windows });
  const tray = setupTray({ services, windows, platform: opts.platform, clock, packaged: app.isPackaged, quit });
  setupNotifications({ services, onClick: () => windows.showPopover(tray.bounds()) });
  const power = setupPowerEvents({ services, clock, platform: opts.platform });
  // A demo run must not change the user's real start-at-login (its settings live in memory only).
  const login = demo
    ? { dispose: () => undefined }
    : setupLoginItem({ services, platform: opts.platform, env: opts.env, homedir: opts.homedir, execPath: opts.execPath });
  const updates = setupAutoUpdate({ services, clock, platform: opts.platform, env: opts.env });

  app.on('second-instance', () => windows.showPopover(tray.bounds()));
  // A tray app lives on with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => {
    services.stop();
    power.dispose();
    login.dispose();
    updates.dispose();
    ipc.dispose();
    tray.destroy();
    void demo?.close();
  });

  services.start();
  return { services, windows, tray };
}

async function defaultDemo() {
  const { startDemoServer } = await import('../demo/server');
  return startDemoServer();
}
