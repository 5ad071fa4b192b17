import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { Menu, nativeTheme, Notification, resetElectronFake, Tray, type FakeImage } from '../support/electron-fake';
import { OVERFLOW_NOTICE, setupTray, WINDOWS_TRAY_GUID, type TrayHandle } from '../../electron/tray';
import { HOUR, MINUTE } from '../../core/time';
import { decodePng, pixel } from '../support/png';
import { CANARY_KEY, codexUsage, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
let handle: TrayHandle | null = null;
beforeEach(() => resetElectronFake());
afterEach(stop);

function fakeWindows() {
  const calls: string[] = [];
  return {
    calls,
    togglePopover: (b: unknown) => void calls.push(`toggle ${JSON.stringify(b)}`),
    showPopover: (b: unknown) => void calls.push(`show ${JSON.stringify(b)}`),
    openSettings: () => void calls.push('settings'),
    openHistory: () => void calls.push('history'),
    openCost: () => void calls.push('cost'),
    trayPressed: () => void calls.push('pressed'),
  };
}

async function start(platform: NodeJS.Platform, opts: Parameters<typeof makeHarness>[0] = {}, packaged = false) {
  resetElectronFake({ platform });
  h = await makeHarness(opts);
  const windows = fakeWindows();
  let quits = 0;
  handle = setupTray({ services: h.services, windows, platform, clock: h.clock, packaged, quit: () => void quits++ });
  const tray = Tray.instances[0]!;
  return { tray, windows, quits: () => quits };
}

async function stop() {
  handle?.destroy();
  handle = null;
  // Settings writes run one at a time: this one ends after any the tray started (the Windows notice).
  await h?.services.updateSettings({}).catch(() => undefined);
  await h?.dispose();
  h = null;
}

const labels = (items: Array<{ label?: string; type?: string }>) => items.filter((i) => i.type !== 'separator').map((i) => i.label);
const ACTIONS = ['Open Quotabar', 'Refresh', 'History…', 'Cost…', 'Settings…', 'Start at login', 'Quit'];

// Codex at `used` % of its 5-hour window; OpenRouter's capped key at 38 %.
const scripted = (used: number) => (http: Harness['http'], clock: Harness['clock']) => {
  http.on('/wham/usage', { status: 200, body: codexUsage(used, clock.now() + 2 * HOUR + 5 * MINUTE) });
  http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') });
};

describe('tray menu', () => {
  for (const platform of ['darwin', 'win32'] as const) {
    it(`opens on right click and leaves the left click to the popover (${platform})`, async () => {
      const { tray } = await start(platform);
      expect(tray.contextMenu).toBeNull(); // a context menu would steal the left click
      tray.emit('right-click');
      expect(labels(tray.poppedUp[0]!.items)).toEqual(ACTIONS);
    });
  }

  it('is the tray menu itself on Linux, where right-click does not exist and a click may never arrive', async () => {
    const { tray, windows } = await start('linux');
    expect(tray.listenerCount('right-click')).toBe(0);
    expect(labels(tray.contextMenu!.items)).toEqual(ACTIONS);
    tray.contextMenu!.click('Open Quotabar');
    expect(windows.calls).toEqual(['show null']);
  });

  it('starts with one row of numbers per provider, which opens the popover', async () => {
    const { tray, windows } = await start('linux', { key: CANARY_KEY, codex: true, script: scripted(82) });
    h!.services.start();
    await h!.clock.advance(0);
    const rows = labels(tray.contextMenu!.items).slice(0, -ACTIONS.length);
    expect(rows).toEqual(['OpenRouter Weekly limit 38 % used · resets in 12 h', 'Codex 5-hour 82 % used · resets in 2 h 5 min']);
    tray.contextMenu!.click(rows[0]!);
    expect(windows.calls).toEqual(['show null']);
  });

  it('is rebuilt only when its words change, not on every view', async () => {
    const { tray } = await start('linux', { codex: true, script: scripted(82) });
    h!.services.start();
    await h!.clock.advance(0);
    const built = Menu.built;
    const sets = tray.contextMenuSets;
    await h!.services.refresh(null); // same numbers, same minute
    await h!.clock.advance(0);
    expect([Menu.built, tray.contextMenuSets]).toEqual([built, sets]);
    await h!.clock.advance(MINUTE); // the countdown moves on
    expect([Menu.built, tray.contextMenuSets]).toEqual([built + 1, sets + 1]);
    expect(labels(tray.contextMenu!.items)[0]).toMatch(/resets in 2 h 4 min$/);
  });

  it('refreshes every provider from Refresh', async () => {
    const { tray } = await start('linux', { key: CANARY_KEY, script: scripted(10) });
    tray.contextMenu!.click('Refresh');
    await h!.clock.advance(0);
    expect(h!.http.count('/key')).toBe(1);
  });

  it('opens history and settings, and quits, from the menu', async () => {
    const { tray, windows, quits } = await start('linux');
    tray.contextMenu!.click('History…');
    tray.contextMenu!.click('Settings…');
    tray.contextMenu!.click('Quit');
    expect(windows.calls).toEqual(['history', 'settings']);
    expect(quits()).toBe(1);
  });

  it('turns Start at login on and shows it ticked', async () => {
    const { tray } = await start('linux');
    expect(tray.contextMenu!.items.find((i) => i.label === 'Start at login')?.checked).toBe(false);
    tray.contextMenu!.click('Start at login');
    // The setting is saved to a real file first.
    await vi.waitFor(() => expect(h!.services.settings().startAtLogin).toBe(true));
    expect(tray.contextMenu!.items.find((i) => i.label === 'Start at login')?.checked).toBe(true);
  });
});

describe('tray click', () => {
  const icon = { x: 1800, y: 1050, width: 24, height: 24 };
  const none = { x: 0, y: 0, width: 0, height: 0 };

  it('anchors the popover to the bounds the click reports', async () => {
    const { tray, windows } = await start('darwin');
    tray.emit('click', {}, { x: 1500, y: 0, width: 22, height: 24 });
    expect(windows.calls).toEqual(['toggle {"x":1500,"y":0,"width":22,"height":24}']);
  });

  it("falls back to the tray's own bounds, then to the cursor (no anchor), on Windows", async () => {
    const { tray, windows } = await start('win32');
    Tray.bounds = icon;
    tray.emit('click', {}, none);
    Tray.bounds = none;
    tray.emit('click', {}, none);
    expect(windows.calls).toEqual([`toggle ${JSON.stringify(icon)}`, 'toggle null']);
    expect(handle!.bounds()).toEqual(icon); // remembered for notifications and second instances
  });

  it('passes no anchor on Linux, where the panel reports no bounds', async () => {
    const { tray, windows } = await start('linux');
    tray.emit('click', {}, none);
    expect(windows.calls).toEqual(['toggle null']);
  });

  it('reports the mouse-down to the popover on macOS, which alone has that event', async () => {
    const { tray, windows } = await start('darwin');
    tray.emit('mouse-down', {}, { x: 1510, y: 10 });
    expect(windows.calls).toEqual(['pressed']);
  });
});

describe('on Windows', () => {
  it('keeps one constant tray GUID in packaged builds, so a pinned icon stays pinned after updates', async () => {
    const { tray } = await start('win32', {}, true);
    expect(tray.guid).toBe(WINDOWS_TRAY_GUID);
    await stop();
    // Unpackaged (npm start) runs from another executable path, which the GUID would be tied to.
    expect((await start('win32', {}, false)).tray.guid).toBeNull();
  });

  it('says once, on the first run, that the icon may be in the hidden icons area', async () => {
    await start('win32');
    expect(Notification.shown).toEqual([OVERFLOW_NOTICE]);
    await vi.waitFor(() => expect(h!.services.settings().trayOverflowNoticeShown).toBe(true));
    handle!.destroy();
    handle = setupTray({ services: h!.services, windows: fakeWindows(), platform: 'win32', clock: h!.clock, packaged: false, quit: () => undefined });
    expect(Notification.shown).toHaveLength(1);
  });

  it('does not mark the notice as shown where notifications are unavailable', async () => {
    resetElectronFake({ platform: 'win32' });
    Notification.supported = false;
    h = await makeHarness();
    handle = setupTray({ services: h.services, windows: fakeWindows(), platform: 'win32', clock: h.clock, packaged: false, quit: () => undefined });
    await h.clock.advance(0);
    expect(h.services.settings().trayOverflowNoticeShown).toBe(false);
  });

  it('shows no such notice on macOS or Linux', async () => {
    for (const platform of ['darwin', 'linux'] as const) {
      await start(platform);
      expect(Notification.shown).toEqual([]);
      await stop();
    }
  });
});

describe('tray icon', () => {
  const rep = (tray: Tray, scale = 2) => decodePng((tray.image as FakeImage).reps.find((r) => r.scaleFactor === scale)!.buffer);

  it('shows the tightest window across providers, and names it in the tooltip', async () => {
    const { tray } = await start('win32', { key: CANARY_KEY, codex: true, script: scripted(82) });
    h!.services.start();
    await h!.clock.advance(0);
    expect(handle!.model()).toMatchObject({ percent: 82, level: 'warning', status: 'ok' });
    expect(tray.tooltip).toMatch(/^Codex 5-hour.*: 82 % used, resets in 2 h 5 min$/);
    // Every size of the Windows .ico (16–64 px), so no DPI setting shows a scaled, blurry meter.
    expect((tray.image as FakeImage).reps.map((r) => decodePng(r.buffer).width)).toEqual([16, 24, 32, 48, 64]);
  });

  it('keeps the countdown in the tooltip current without fetching again', async () => {
    const { tray } = await start('win32', { codex: true, script: scripted(82) });
    h!.services.start();
    await h!.clock.advance(0);
    const asked = h!.http.requests.length;
    const image = tray.image;
    await h!.clock.advance(MINUTE);
    expect(tray.tooltip).toMatch(/resets in 2 h 4 min$/);
    expect(h!.http.requests.length).toBe(asked);
    expect(tray.image).toBe(image);
  });

  it('looks stale, then failed, when the provider stops answering, keeping the last level', async () => {
    const { tray } = await start('linux', {
      codex: true,
      script: (http, clock) =>
        http.on('/wham/usage', { status: 200, body: codexUsage(82, clock.now() + 2 * HOUR) }, { status: 503, body: '' }),
    });
    h!.services.start();
    await h!.clock.advance(0);
    const ok = rep(tray).rgba.join();
    await h!.services.refresh('codex');
    expect(handle!.model()).toMatchObject({ status: 'stale', percent: 82 });
    expect(tray.tooltip).toMatch(/Codex: updated/);
    const stale = rep(tray).rgba.join();
    await h!.services.refresh('codex');
    expect(handle!.model()).toMatchObject({ status: 'error', percent: 82 });
    expect(tray.tooltip).toMatch(/Codex: The provider answered with an error \(HTTP 503\)/);
    expect(new Set([ok, stale, rep(tray).rgba.join()]).size).toBe(3);
  });

  it('says nothing is set up when no provider has credentials', async () => {
    const { tray } = await start('linux');
    h!.services.start();
    await h!.clock.advance(0);
    expect(handle!.model().status).toBe('empty');
    expect(tray.tooltip).toMatch(/nothing set up yet/);
  });

  it('is a template image on macOS, drawn for 1×, 1.5× and 2× screens', async () => {
    const { tray } = await start('darwin', { codex: true, script: scripted(40) });
    h!.services.start();
    await h!.clock.advance(0);
    expect((tray.image as FakeImage).isTemplateImage()).toBe(true);
    expect((tray.image as FakeImage).reps.map((r) => r.scaleFactor)).toEqual([1, 1.5, 2]);
  });

  it('follows the system between light and dark elsewhere', async () => {
    const { tray } = await start('win32');
    const outline = () => pixel(rep(tray), 8, 16)[0];
    expect(outline()).toBeLessThan(60);
    nativeTheme.setDark(true);
    expect(outline()).toBeGreaterThan(200);
    expect((tray.image as FakeImage).isTemplateImage()).toBe(false);
  });
});
