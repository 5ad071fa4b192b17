// The XDG autostart entry against a real temporary home: where it goes, what it launches, and that
// a refusing file system is reported rather than thrown. (The login-item wiring is test/electron.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autostartFile, isLinuxAutostartEnabled, launchCommand, setLinuxAutostart } from '../../adapters/linux-autostart';

let home = '';
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'quotabar-autostart-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('Linux autostart entry', () => {
  it('goes under $XDG_CONFIG_HOME when it is absolute, else under ~/.config', () => {
    expect(autostartFile({ env: { XDG_CONFIG_HOME: '/cfg' }, homedir: home })).toBe('/cfg/autostart/quotabar.desktop');
    expect(autostartFile({ env: { XDG_CONFIG_HOME: 'relative' }, homedir: '/h' })).toBe('/h/.config/autostart/quotabar.desktop');
    expect(autostartFile({ env: {}, homedir: '/h' })).toBe('/h/.config/autostart/quotabar.desktop');
  });

  it('launches the AppImage when running from one, else the executable', () => {
    expect(launchCommand({ APPIMAGE: '/apps/Q.AppImage' }, '/tmp/.mount_x/quotabar')).toBe('"/apps/Q.AppImage"');
    expect(launchCommand({}, '/usr/bin/quotabar')).toBe('"/usr/bin/quotabar"');
  });

  it('writes an entry it then reads as enabled, and removes it again', async () => {
    const place = { env: {}, homedir: home };
    expect(await isLinuxAutostartEnabled(place)).toBe(false);
    expect(await setLinuxAutostart(place, '/usr/bin/quotabar', true)).toBe(true);
    expect(await readFile(autostartFile(place), 'utf8')).toContain('Exec="/usr/bin/quotabar"');
    expect(await isLinuxAutostartEnabled(place)).toBe(true);
    expect(await setLinuxAutostart(place, '/usr/bin/quotabar', false)).toBe(true);
    expect(await isLinuxAutostartEnabled(place)).toBe(false);
  });

  it('answers false instead of throwing when the folder cannot be made', async () => {
    // A file where the config folder should be: mkdir under it fails.
    await writeFile(join(home, '.config'), 'not a folder');
    expect(await setLinuxAutostart({ env: {}, homedir: home }, '/usr/bin/quotabar', true)).toBe(false);
  });
});
