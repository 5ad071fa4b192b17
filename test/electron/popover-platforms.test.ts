// The popover per platform: a macOS panel whose tray click is decided on mouse-down, an ordinary
// window on Wayland, and freed memory after it has been hidden a while.
import { afterEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { BrowserWindow, resetElectronFake, screen, Tray } from '../support/electron-fake';
import { POPOVER_IDLE_DESTROY_MS, setupWindows, type WindowManager } from '../../electron/windows';
import { setupTray, type TrayHandle } from '../../electron/tray';
import { MINUTE } from '../../core/time';
import { makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
let tray: TrayHandle | null = null;
afterEach(async () => {
  tray?.destroy();
  tray = null;
  await h?.dispose();
  h = null;
});

async function start(platform: NodeJS.Platform, env: Record<string, string> = {}, argv: string[] = []): Promise<WindowManager> {
  resetElectronFake({ platform });
  h = await makeHarness();
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }];
  screen.cursor = { x: 1850, y: 10 };
  return setupWindows({ services: h.services, platform, preloadPath: '/app/dist-electron/preload.cjs', clock: h.clock, env, argv });
}

const popover = () => BrowserWindow.instances.find((w) => w.loadedUrl?.endsWith('/popover.html'))!;

describe('popover on macOS', () => {
  const icon = { x: 1500, y: 0, width: 24, height: 24 };
  /** The real window manager behind a fake tray, so clicks arrive as Electron delivers them. */
  async function macTray() {
    const windows = await start('darwin');
    tray = setupTray({ services: h!.services, windows, platform: 'darwin', clock: h!.clock, packaged: false, quit: () => undefined });
    const icon_ = Tray.instances[0]!;
    const click = async (holdMs = 0, blurFirst = false) => {
      if (blurFirst && BrowserWindow.instances[0]?.isVisible()) popover().blur();
      icon_.emit('mouse-down', {}, { x: 1510, y: 10 });
      if (!blurFirst && popover()?.isVisible()) popover().blur(); // the press takes focus from the popover
      await h!.clock.advance(holdMs);
      icon_.emit('click', {}, icon);
    };
    return { click };
  }

  it('is a panel, so it shows over full-screen apps, on every Space', async () => {
    const windows = await start('darwin');
    windows.showPopover(icon);
    expect(popover().options.type).toBe('panel');
    expect(popover().onAllWorkspaces).toBe(true);
  });

  it('is an ordinary frameless window elsewhere', async () => {
    const windows = await start('win32');
    windows.showPopover(icon);
    expect(popover().options.type).toBeUndefined();
  });

  it('closes on a click on the icon, however long the button is held, whether the blur comes before or after the press', async () => {
    const { click } = await macTray();
    await click();
    expect(popover().isVisible()).toBe(true);
    await click(1000); // blur after the press, then a slow release
    expect(popover().isVisible()).toBe(false);
    await click();
    expect(popover().isVisible()).toBe(true);
    await click(1000, true); // blur just before the press
    expect(popover().isVisible()).toBe(false);
  });

  it('opens on the next click once it was closed by a click elsewhere', async () => {
    const { click } = await macTray();
    await click();
    popover().blur();
    await h!.clock.advance(2000);
    await click();
    expect(popover().isVisible()).toBe(true);
  });
});

describe('popover on a Wayland session', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };

  it('is an ordinary decorated window in the middle of the main screen, never at 0,0', async () => {
    const windows = await start('linux', wayland);
    windows.togglePopover(null);
    const win = popover();
    expect(win.options).toMatchObject({ frame: true });
    expect(win.options.transparent).not.toBe(true);
    expect(win.options.alwaysOnTop).not.toBe(true);
    const [w, ht] = win.getSize();
    const [x, y] = win.getPosition();
    expect([x + w! / 2, y + ht! / 2]).toEqual([960, 32 + 1048 / 2]);
    // Once open, it is the user's window: reopening or a new content height does not move it.
    win.setPosition(100, 200);
    windows.fitPopover(300);
    windows.togglePopover(null);
    windows.togglePopover(null);
    expect(win.getPosition()).toEqual([100, 200]);
  });

  it('stays open when the user works in another window, and the icon still closes it', async () => {
    const windows = await start('linux', wayland);
    windows.togglePopover(null);
    popover().blur();
    expect(popover().isVisible()).toBe(true);
    windows.togglePopover(null);
    expect(popover().isVisible()).toBe(false);
  });

  it('is anchored as usual when X11 is forced with --ozone-platform=x11', async () => {
    const windows = await start('linux', wayland, ['quotabar', '--ozone-platform=x11']);
    windows.togglePopover(null);
    expect(popover().options).toMatchObject({ frame: false });
    expect(popover().getPosition()).toEqual([1920 - 380, 32]);
  });
});

describe('popover memory', () => {
  it('frees the popover after 5 minutes hidden and loads it afresh on the next open', async () => {
    const windows = await start('win32');
    windows.showPopover(null);
    const first = popover();
    windows.hidePopover();
    await h!.clock.advance(POPOVER_IDLE_DESTROY_MS - 1);
    expect(first.isDestroyed()).toBe(false);
    await h!.clock.advance(1);
    expect(first.isDestroyed()).toBe(true);
    expect(windows.contents()).toEqual([]);
    windows.showPopover(null);
    const second = BrowserWindow.instances.at(-1)!;
    expect(second).not.toBe(first);
    expect(second.loadedUrl).toMatch(/\/popover\.html$/);
    expect(second.isVisible()).toBe(true);
  });

  it('keeps the same window when it is opened again within 5 minutes', async () => {
    const windows = await start('win32');
    windows.showPopover(null);
    const first = popover();
    windows.hidePopover();
    await h!.clock.advance(4 * MINUTE);
    windows.showPopover(null);
    await h!.clock.advance(4 * MINUTE); // the earlier countdown must not fire while it is open
    windows.hidePopover();
    await h!.clock.advance(4 * MINUTE);
    windows.showPopover(null);
    expect(BrowserWindow.instances).toEqual([first]);
    expect(first.isDestroyed()).toBe(false);
  });

  it('waits as long as it is told', async () => {
    await start('win32');
    const windows = setupWindows({ services: h!.services, platform: 'win32', preloadPath: '/p.cjs', clock: h!.clock, popoverIdleDestroyMs: MINUTE });
    windows.showPopover(null);
    windows.hidePopover();
    await h!.clock.advance(MINUTE);
    expect(popover().isDestroyed()).toBe(true);
  });
});
