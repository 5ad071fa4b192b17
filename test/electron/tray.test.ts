import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { nativeTheme, resetElectronFake, Tray, type FakeImage } from '../support/electron-fake';
import { setupTray, type TrayHandle } from '../../electron/tray';
import { HOUR, MINUTE } from '../../core/time';
import { decodePng, pixel } from '../support/png';
import { CANARY_KEY, codexUsage, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
let handle: TrayHandle | null = null;
beforeEach(() => resetElectronFake());
afterEach(async () => {
  handle?.destroy();
  handle = null;
  await h?.dispose();
  h = null;
});

function fakeWindows() {
  const calls: string[] = [];
  return {
    calls,
    togglePopover: (b: unknown) => void calls.push(`toggle ${JSON.stringify(b)}`),
    showPopover: (b: unknown) => void calls.push(`show ${JSON.stringify(b)}`),
    openSettings: () => void calls.push('settings'),
  };
}

async function start(platform: string, opts: Parameters<typeof makeHarness>[0] = {}) {
  h = await makeHarness(opts);
  const windows = fakeWindows();
  let quits = 0;
  handle = setupTray({ services: h.services, windows, platform, clock: h.clock, quit: () => void quits++ });
  const tray = Tray.instances[0]!;
  return { tray, windows, quits: () => quits };
}

const labels = (items: Array<{ label?: string; type?: string }>) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

// Codex at `used` % of its 5-hour window; OpenRouter's capped key at 38 %.
const scripted = (used: number) => (http: Harness['http'], clock: Harness['clock']) => {
  http.on('/wham/usage', { status: 200, body: codexUsage(used, clock.now() + 2 * HOUR + 5 * MINUTE) });
  http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') });
};

describe('tray menu', () => {
  it('offers Refresh, Settings…, Start at login and Quit on right click (macOS and Windows)', async () => {
    for (const platform of ['darwin', 'win32']) {
      resetElectronFake();
      const { tray } = await start(platform);
      expect(tray.contextMenu).toBeNull(); // a context menu would steal the left click
      tray.emit('right-click');
      expect(labels(tray.poppedUp[0]!.items)).toEqual(['Refresh', 'Settings…', 'Start at login', 'Quit']);
      handle!.destroy();
      handle = null;
      await h!.dispose();
      h = null;
    }
  });

  it('also offers Open Quotabar on Linux, where a click on the icon may never arrive', async () => {
    const { tray } = await start('linux');
    expect(labels(tray.contextMenu!.items)).toEqual(['Open Quotabar', 'Refresh', 'Settings…', 'Start at login', 'Quit']);
    tray.contextMenu!.click('Open Quotabar');
  });

  it('refreshes every provider from Refresh', async () => {
    const { tray } = await start('linux', { key: CANARY_KEY, script: scripted(10) });
    tray.contextMenu!.click('Refresh');
    await h!.clock.advance(0);
    expect(h!.http.count('/key')).toBe(1);
  });

  it('opens settings, and quits, from the menu', async () => {
    const { tray, windows, quits } = await start('linux');
    tray.contextMenu!.click('Settings…');
    tray.contextMenu!.click('Quit');
    expect(windows.calls).toEqual(['settings']);
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

  it('toggles the popover at the icon on a left click', async () => {
    const { tray, windows } = await start('darwin');
    tray.emit('click', {}, { x: 1500, y: 0, width: 22, height: 24 });
    expect(windows.calls).toEqual(['toggle {"x":1500,"y":0,"width":22,"height":24}']);
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
    expect((tray.image as FakeImage).reps.map((r) => r.scaleFactor)).toEqual([1, 1.5, 2]);
    expect(rep(tray).width).toBe(32);
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

  it('is a template image on macOS', async () => {
    const { tray } = await start('darwin', { codex: true, script: scripted(40) });
    h!.services.start();
    await h!.clock.advance(0);
    expect((tray.image as FakeImage).isTemplateImage()).toBe(true);
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
