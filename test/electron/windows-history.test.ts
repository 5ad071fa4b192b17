// The History window in the Electron shell (against the shared electron fake): opened from the
// popover or the tray, one at a time, hardened like the others, and a window IPC answers.
import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { BrowserWindow, resetElectronFake, screen, WebContents } from '../support/electron-fake';
import { setupWindows, type WindowManager } from '../../electron/windows';
import { makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
beforeEach(() => resetElectronFake());
afterEach(async () => {
  await h?.dispose();
  h = null;
});

async function start(): Promise<WindowManager> {
  resetElectronFake({ platform: 'linux' });
  h = await makeHarness();
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }];
  return setupWindows({ services: h.services, platform: 'linux', preloadPath: '/app/dist-electron/preload.cjs', clock: h.clock });
}

const historyWindows = () => BrowserWindow.instances.filter((w) => w.loadedUrl?.endsWith('/history.html'));
const popover = () => BrowserWindow.instances.find((w) => w.loadedUrl?.endsWith('/popover.html'))!;

describe('history window', () => {
  it('loads app://quotabar/history.html hardened, titled, and hides the popover it was opened from', async () => {
    const windows = await start();
    windows.showPopover(null);
    windows.openHistory();
    const [win] = historyWindows();
    expect(win!.loadedUrl).toBe('app://quotabar/history.html');
    expect(win!.options).toMatchObject({ title: 'Quotabar History', webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(popover().isVisible()).toBe(false);
  });

  it('opens once: asking again brings the same window forward, closing lets a new one open', async () => {
    const windows = await start();
    windows.openHistory();
    await Promise.resolve();
    windows.openHistory();
    expect(historyWindows()).toHaveLength(1);
    expect(historyWindows()[0]!.isVisible()).toBe(true);
    historyWindows()[0]!.close();
    windows.openHistory();
    expect(historyWindows()).toHaveLength(2);
  });

  it('counts as ours for IPC and events only while it is open, beside the settings window', async () => {
    const windows = await start();
    windows.openHistory();
    windows.openSettings();
    const win = historyWindows()[0]!;
    expect(windows.isOurs(win.webContents as never)).toBe(true);
    expect(windows.contents()).toHaveLength(2);
    win.close();
    expect(windows.isOurs(win.webContents as never)).toBe(false);
    expect(windows.contents()).toHaveLength(1);
    expect(windows.isOurs(new WebContents() as never)).toBe(false);
  });
});
