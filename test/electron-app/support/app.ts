// Launches the built tray app in a real Electron with --demo, over a demo provider server this
// process owns (so tests can script it and know its key), in a throwaway home on Linux.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../../demo/server';
import { ROOT, sandboxWorks } from './binary';

export interface AppRig {
  app: ElectronApplication;
  demo: DemoServer;
  /** Shows the popover (as a second launch does) and returns its page. */
  popover(): Promise<Page>;
  /** Opens Settings from the popover's gear button and returns its page. */
  settings(): Promise<Page>;
  /** How many BrowserWindows exist in the main process, hidden ones included. */
  windowCount(): Promise<number>;
  close(): Promise<void>;
}

export async function launchApp(binaryPath: string): Promise<AppRig> {
  const demo = await startDemoServer();
  const home = await mkdtemp(join(tmpdir(), 'quotabar-electron-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    // Read by electron/entry.ts with --demo in an unpackaged run: our server instead of its own.
    QUOTABAR_DEMO_ENDPOINTS: JSON.stringify({
      urls: demo.urls,
      codexHome: demo.codexHome,
      claudeConfigDir: demo.claudeConfigDir,
      copilotConfigHome: demo.copilotConfigHome,
      geminiHome: demo.geminiHome,
      openrouterKey: demo.openrouterKey,
      zaiKey: demo.zaiKey,
      minimaxKey: demo.minimaxKey,
    }),
    // On Linux the app's user data, single-instance lock and autostart entry all follow HOME.
    ...(process.platform === 'linux' ? { HOME: home, XDG_CONFIG_HOME: join(home, '.config') } : {}),
  };
  // Set by some editors' terminals: the binary would run as plain Node and never start the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({
    executablePath: binaryPath,
    args: ['.', '--demo'],
    cwd: ROOT,
    env,
    // Playwright adds --no-sandbox on Linux unless told the sandbox works (see sandboxWorks).
    chromiumSandbox: sandboxWorks(binaryPath),
    timeout: 60_000,
  });

  const pageAt = async (file: string): Promise<Page> => {
    const url = `app://quotabar/${file}`;
    for (let i = 0; i < 200; i++) {
      const page = app.windows().find((p) => p.url() === url);
      if (page) {
        await page.waitForLoadState('domcontentloaded');
        return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no window showing ${url}`);
  };

  const popover = async (): Promise<Page> => {
    // The tray icon cannot be clicked from here; a second launch shows the popover the same way.
    await app.evaluate(({ app: electronApp }) => void electronApp.emit('second-instance'));
    return pageAt('popover.html');
  };

  return {
    app,
    demo,
    popover,
    async settings() {
      await (await popover()).getByRole('button', { name: 'Settings' }).click();
      return pageAt('settings.html');
    },
    windowCount: () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
    async close() {
      await app.close().catch(() => undefined);
      await demo.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
