import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, resetElectronFake } from '../support/electron-fake';
import { setupLoginItem } from '../../electron/login-item';
import { autostartFile, launchCommand } from '../../adapters/linux-autostart';
import { makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
let home = '';
beforeEach(async () => {
  resetElectronFake();
  home = await mkdtemp(join(tmpdir(), 'quotabar-home-'));
});
afterEach(async () => {
  await h?.dispose();
  h = null;
  await rm(home, { recursive: true, force: true });
});

describe('start at login', () => {
  it('follows the setting through the OS login item on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32']) {
      h = await makeHarness();
      app.loginItem = { openAtLogin: false };
      const login = setupLoginItem({ services: h.services, platform, env: {}, homedir: home, execPath: '/x' });
      await login.ready;
      await h.services.updateSettings({ startAtLogin: true });
      expect(app.loginItem.openAtLogin).toBe(true);
      await h.services.updateSettings({ startAtLogin: false });
      expect(app.loginItem.openAtLogin).toBe(false);
      login.dispose();
      await h.dispose();
      h = null;
    }
  });

  it('brings the OS in line with the saved setting at start', async () => {
    h = await makeHarness({ settingsFile: { startAtLogin: true } });
    await setupLoginItem({ services: h.services, platform: 'darwin', env: {}, homedir: home, execPath: '/x' }).ready;
    expect(app.loginItem.openAtLogin).toBe(true);
  });

  it('writes and removes an XDG autostart entry on Linux, launching the AppImage itself', async () => {
    h = await makeHarness();
    const env = { APPIMAGE: '/home/dev/Apps/Quotabar 1.0.AppImage' };
    const login = setupLoginItem({ services: h.services, platform: 'linux', env, homedir: home, execPath: '/tmp/.mount_x/quotabar' });
    await login.ready;
    const file = autostartFile({ env, homedir: home });
    expect(file).toBe(join(home, '.config', 'autostart', 'quotabar.desktop'));
    await h.services.updateSettings({ startAtLogin: true });
    await vi.waitFor(async () => expect(await readFile(file, 'utf8')).toContain('Exec="/home/dev/Apps/Quotabar 1.0.AppImage"'));
    await h.services.updateSettings({ startAtLogin: false });
    await vi.waitFor(async () => expect(await readFile(file, 'utf8').catch(() => 'gone')).toBe('gone'));
  });

  it('quotes the launch command so odd characters in the path cannot run anything else', () => {
    expect(launchCommand({}, '/opt/a"b$(rm -rf ~)/quotabar')).toBe('"/opt/a\\"b\\$(rm -rf ~)/quotabar"');
  });
});
