import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { app, BrowserWindow, resetElectronFake, screen, session, WebContents } from '../support/electron-fake';
import { setupWindows, type WindowManager } from '../../electron/windows';
import { setupSecurity } from '../../electron/security';
import { CONTENT_SECURITY_POLICY } from '../../app/csp';
import { isAppUrl } from '../../app/pages';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
beforeEach(() => resetElectronFake());
afterEach(async () => {
  await h?.dispose();
  h = null;
});

async function start(platform: NodeJS.Platform = 'linux', env: Record<string, string> = {}, argv: string[] = []): Promise<WindowManager> {
  resetElectronFake({ platform });
  h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }) });
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 }, scaleFactor: 1 }];
  screen.cursor = { x: 1850, y: 10 };
  return setupWindows({ services: h.services, platform, preloadPath: '/app/dist-electron/preload.cjs', clock: h.clock, env, argv });
}

const popover = () => BrowserWindow.instances.find((w) => w.loadedUrl?.endsWith('/popover.html'))!;
const settingsWindows = () => BrowserWindow.instances.filter((w) => w.loadedUrl?.endsWith('/settings.html'));

describe('every window', () => {
  it('is created hardened, loads only our own page, and cannot navigate or open windows', async () => {
    const windows = await start();
    windows.showPopover(null);
    windows.openSettings();
    expect(BrowserWindow.instances).toHaveLength(2);
    for (const w of BrowserWindow.instances) {
      expect(w.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        preload: '/app/dist-electron/preload.cjs',
      });
      expect(isAppUrl(w.loadedUrl)).toBe(true);
      for (const url of ['https://evil.example/', 'file:///etc/passwd', w.loadedUrl!]) {
        expect(w.webContents.tryNavigate(url), url).toBe(true);
        expect(w.webContents.tryNavigate(url, 'will-redirect')).toBe(true);
        expect(w.webContents.tryOpenWindow(url)).toBe('deny');
      }
    }
  });

  it('blocks navigation and window.open in any web contents the app ever creates', () => {
    setupSecurity();
    const stray = new WebContents();
    app.emit('web-contents-created', {}, stray);
    expect(stray.tryNavigate('https://evil.example/')).toBe(true);
    expect(stray.tryOpenWindow('https://evil.example/')).toBe('deny');
  });

  it('refuses every permission a page might ask for and adds the CSP to every response', () => {
    setupSecurity();
    const s = session.defaultSession;
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) s.permissionRequestHandler!({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(s.permissionCheckHandler!({}, 'media')).toBe(false);
    let headers: Record<string, string[]> | undefined;
    s.headersListener!({ url: 'app://quotabar/popover.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('runs under a CSP that allows no remote content, no inline script and no connections', () => {
    const rules = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((r) => r.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(rules['default-src']).toEqual(["'none'"]);
    expect(rules['script-src']).toEqual(["'self'"]);
    expect(rules['connect-src']).toEqual(["'none'"]);
    expect(rules['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*/);
  });
});

describe('popover', () => {
  it('is frameless, always on top and kept out of the taskbar', async () => {
    const windows = await start();
    windows.showPopover(null);
    expect(popover().options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false });
  });

  it('opens next to the icon, hides when it loses focus, and a click on the icon closes it (Windows)', async () => {
    const windows = await start('win32');
    const icon = { x: 1500, y: 0, width: 24, height: 24 };
    windows.togglePopover(icon);
    const win = popover();
    expect(win.isVisible()).toBe(true);
    expect(win.getPosition()[1]).toBe(38); // below a taskbar at the top, inside the work area
    windows.togglePopover(icon);
    expect(win.isVisible()).toBe(false);
    windows.togglePopover(icon);
    win.blur();
    expect(win.isVisible()).toBe(false);
    // The click that caused the blur arrives right after it: the popover stays closed.
    windows.togglePopover(icon);
    expect(win.isVisible()).toBe(false);
    await h!.clock.advance(1000);
    windows.togglePopover(icon);
    expect(win.isVisible()).toBe(true);
  });

  it('opens near the cursor on Linux, where the tray has no bounds', async () => {
    const windows = await start('linux');
    windows.togglePopover({ x: 0, y: 0, width: 0, height: 0 });
    expect(popover().getPosition()).toEqual([1920 - 380, 32]);
  });

  it('fits its content: shorter for one provider, taller for three, never past the screen', async () => {
    const windows = await start('win32');
    const icon = { x: 1800, y: 1050, width: 24, height: 24 }; // in the taskbar at the bottom
    windows.fitPopover(300);
    windows.togglePopover(icon);
    const win = popover();
    expect(win.getSize()).toEqual([380, 300]);
    const bottom = () => win.getPosition()[1] + win.getSize()[1];
    expect(bottom()).toBeLessThanOrEqual(32 + 1048); // above the taskbar
    windows.fitPopover(720);
    expect(win.getSize()).toEqual([380, 720]);
    expect(bottom()).toBeLessThanOrEqual(32 + 1048); // grew upwards, still anchored above the taskbar
    windows.fitPopover(5000);
    expect(win.getSize()[1]).toBe(1048 - 48);
    expect(win.getPosition()[1]).toBeGreaterThanOrEqual(32);
  });

  it('refreshes providers whose data is older than 30 seconds when it opens', async () => {
    const windows = await start();
    h!.services.start();
    await h!.clock.advance(0);
    expect(h!.http.count('/key')).toBe(1);
    await h!.clock.advance(20_000);
    windows.showPopover(null);
    await h!.clock.advance(0);
    expect(h!.http.count('/key')).toBe(1);
    windows.hidePopover();
    await h!.clock.advance(11_000);
    windows.showPopover(null);
    await h!.clock.advance(0);
    expect(h!.http.count('/key')).toBe(2);
  });
});

describe('settings window', () => {
  it('opens once: asking again brings the same window forward, closing lets a new one open', async () => {
    const windows = await start();
    windows.showPopover(null);
    windows.openSettings();
    await Promise.resolve();
    windows.openSettings();
    expect(settingsWindows()).toHaveLength(1);
    expect(settingsWindows()[0]!.isVisible()).toBe(true);
    expect(popover().isVisible()).toBe(false);
    settingsWindows()[0]!.close();
    windows.openSettings();
    expect(settingsWindows()).toHaveLength(2);
  });

  it('counts as ours for IPC only while it is open', async () => {
    const windows = await start();
    windows.openSettings();
    const win = settingsWindows()[0]!;
    expect(windows.isOurs(win.webContents as never)).toBe(true);
    win.close();
    expect(windows.isOurs(win.webContents as never)).toBe(false);
    expect(windows.isOurs(new WebContents() as never)).toBe(false);
  });
});
