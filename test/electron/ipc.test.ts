import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { BrowserWindow, ipcMain, resetElectronFake, screen, WebContents } from '../support/electron-fake';
import { setupIpc } from '../../electron/ipc';
import { setupWindows } from '../../electron/windows';
import { INVOKE_CHANNELS } from '../../app/contract';
import { createInvokeHandlers } from '../../app/handlers';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';
import { PROVIDER_IDS } from '../../core/providers/registry';

let h: Harness | null = null;
beforeEach(() => resetElectronFake());
afterEach(async () => {
  await h?.dispose();
  h = null;
});

async function start() {
  h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }) });
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 }];
  const windows = setupWindows({ services: h.services, platform: 'linux', preloadPath: '/p.cjs', clock: h.clock });
  const actions = { calls: [] as string[] };
  const handlers = createInvokeHandlers(h.services, {
    openSettings: () => windows.openSettings(),
    openHistory: () => windows.openHistory(),
    openCost: () => windows.openCost(),
    hidePopover: () => windows.hidePopover(),
    fitPopover: (height) => windows.fitPopover(height),
    openExternal: (u) => actions.calls.push(u),
    quit: () => actions.calls.push('quit'),
  });
  const ipc = setupIpc({ services: h.services, handlers, windows });
  windows.showPopover(null);
  const popover = BrowserWindow.instances[0]!;
  return { windows, ipc, popover, actions };
}

describe('IPC in the main process', () => {
  it('registers one handler per contract channel, under the quotabar: prefix', async () => {
    await start();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(INVOKE_CHANNELS.map((c) => `quotabar:${c}`).sort());
  });

  it('answers our own popover', async () => {
    const { popover } = await start();
    const view = (await ipcMain.invoke('quotabar:view:get', popover.webContents, null)) as { snapshots: unknown[] };
    expect(view.snapshots).toHaveLength(PROVIDER_IDS.length);
  });

  it('refuses a sender that is not one of our windows, before looking at the payload', async () => {
    const { actions } = await start();
    await h!.clock.advance(0);
    const asked = h!.http.requests.length;
    const stranger = new WebContents();
    stranger.load('app://quotabar/popover.html');
    await expect(ipcMain.invoke('quotabar:app:quit', stranger, null)).rejects.toThrow(/not a Quotabar window/);
    await expect(ipcMain.invoke('quotabar:key:save', stranger, { providerId: 'openrouter', key: 'sk-or-v1-stranger-000000000000000000' })).rejects.toThrow(/not a Quotabar window/);
    expect(actions.calls).toEqual([]);
    expect(h!.http.requests.length).toBe(asked);
    expect(await h!.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
  });

  it('refuses our window when the calling frame shows a page that is not ours', async () => {
    const { popover } = await start();
    for (const frame of ['https://evil.example/', 'file:///tmp/x.html', 'app://quotabar.evil/popover.html', null]) {
      await expect(ipcMain.invoke('quotabar:settings:get', popover.webContents, null, frame), String(frame)).rejects.toThrow(/not a Quotabar window/);
    }
  });

  it('refuses a closed window', async () => {
    const { popover } = await start();
    popover.destroy();
    await expect(ipcMain.invoke('quotabar:view:get', popover.webContents, null)).rejects.toThrow(/not a Quotabar window/);
  });

  it('refuses invalid payloads from our own window', async () => {
    const { popover, actions } = await start();
    const wc = popover.webContents;
    await expect(ipcMain.invoke('quotabar:link:open', wc, { url: 'http://example.com' })).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke('quotabar:settings:update', wc, 'refreshIntervalSec=1')).rejects.toThrow(/invalid payload/);
    await expect(ipcMain.invoke('quotabar:key:save', wc, { providerId: 'openrouter', key: 'x'.repeat(513) })).rejects.toThrow(/invalid payload/);
    expect(actions.calls).toEqual([]);
  });

  it('pushes every new view and settings change to our open windows', async () => {
    const { popover } = await start();
    h!.services.start();
    await h!.clock.advance(0);
    await h!.services.updateSettings({ refreshIntervalSec: 300 });
    const channels = popover.webContents.sent.map((m) => m.channel);
    expect(channels).toContain('quotabar:view');
    expect(channels).toContain('quotabar:settings');
    expect(JSON.stringify(popover.webContents.sent)).not.toContain(CANARY_KEY);
  });

  it('stops answering once disposed', async () => {
    const { ipc } = await start();
    ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
