import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { app, BrowserWindow, ipcMain, protocol, resetElectronFake, screen, Tray } from '../support/electron-fake';
import { run } from '../../electron/main';
import type { AppServicesOptions } from '../../app/services';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
beforeEach(() => {
  resetElectronFake({ platform: 'darwin' });
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
});
afterEach(async () => {
  await h?.dispose();
  h = null;
});

async function launch(argv: string[] = ['quotabar'], platform = 'darwin', env: Record<string, string> = {}) {
  h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }) });
  const created: AppServicesOptions[] = [];
  let demoClosed = false;
  const shell = await run({
    argv,
    env,
    platform,
    homedir: '/home/dev',
    execPath: '/opt/quotabar/quotabar',
    clock: h.clock,
    createServices: async (o) => {
      created.push(o);
      return h!.services;
    },
    startDemo: async () => ({
      urls: { openrouter: 'http://127.0.0.1:1/api/v1', codex: 'http://127.0.0.1:1/backend-api', claude: 'http://127.0.0.1:1', copilot: 'http://127.0.0.1:1', gemini: 'http://127.0.0.1:1/gemini' },
      codexHome: '/tmp/demo/codex',
      claudeConfigDir: '/tmp/demo/claude',
      copilotConfigHome: '/tmp/demo/config',
      geminiHome: '/tmp/demo/gemini',
      openrouterKey: 'sk-or-v1-demo',
      close: async () => void (demoClosed = true),
    }),
  });
  await h.clock.advance(0);
  return { shell, created, demoClosed: () => demoClosed };
}

describe('main process wiring', () => {
  it('starts a tray app: no dock icon, one tray icon, IPC and the app protocol ready, polling started', async () => {
    const { shell } = await launch();
    expect(shell).not.toBeNull();
    expect(app.dock?.hidden).toBe(true);
    expect(Tray.instances).toHaveLength(1);
    expect(ipcMain.handlers.size).toBeGreaterThan(0);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(h!.http.count('/key')).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0); // nothing opens until the icon is clicked
  });

  it('leaves at once when another instance holds the lock, and that instance shows its popover', async () => {
    app.lockGranted = false;
    h = await makeHarness();
    const shell = await run({ argv: [], env: {}, platform: 'linux', homedir: '/h', execPath: '/x', clock: h.clock, createServices: async () => h!.services });
    expect(shell).toBeNull();
    expect(app.quitCalled).toBe(true);
    expect(Tray.instances).toHaveLength(0);

    resetElectronFake({ platform: 'darwin' });
    screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
    await h.dispose();
    await launch();
    app.emit('second-instance');
    expect(BrowserWindow.instances[0]?.isVisible()).toBe(true);
  });

  it('on a Wayland session, opens the popover as an ordinary window unless X11 is forced', async () => {
    resetElectronFake({ platform: 'linux' });
    screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }];
    const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
    await launch(['quotabar'], 'linux', wayland);
    app.emit('second-instance');
    expect(BrowserWindow.instances[0]?.options.frame).toBe(true);

    resetElectronFake({ platform: 'linux' });
    screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }];
    await h!.dispose();
    await launch(['quotabar', '--ozone-platform=x11'], 'linux', wayland);
    app.emit('second-instance');
    expect(BrowserWindow.instances[0]?.options.frame).toBe(false);
  });

  it('keeps running when every window is closed', async () => {
    await launch();
    expect(app.listenerCount('window-all-closed')).toBe(1);
  });

  it('with --demo, starts the demo server and points the services at it; quitting closes it', async () => {
    const { created, demoClosed } = await launch(['quotabar', '--demo']);
    expect(created[0]?.demo).toMatchObject({ openrouterKey: 'sk-or-v1-demo', codexHome: '/tmp/demo/codex' });
    app.quit();
    expect(demoClosed()).toBe(true);
  });

  it('without --demo, uses the real environment', async () => {
    const { created } = await launch();
    expect(created[0]).toEqual({
      env: {},
      platform: 'darwin',
      homedir: '/home/dev',
      costWorker: { file: expect.stringMatching(/dist-electron[\\/]cost-worker\.cjs$/) },
      // Not run through npm (no npm_node_execpath): no node to write into the tool's settings.
      statusLineCli: null,
    });
  });

  it('stops polling on quit', async () => {
    await launch();
    app.quit();
    const asked = h!.http.count('/key');
    await h!.clock.advance(60 * 60_000);
    expect(h!.http.count('/key')).toBe(asked);
  });
});
