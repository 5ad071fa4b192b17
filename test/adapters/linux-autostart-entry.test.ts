// The XDG autostart entry a Linux desktop reads at login: its exact lines, the quoting of the
// command, its file mode, and what counts as "enabled" when the file is someone else's.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartFile, desktopEntry, isLinuxAutostartEnabled, launchCommand, setLinuxAutostart } from '../../adapters/linux-autostart';

let home = '';
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'quotabar-autostart-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the desktop entry', () => {
  it('is a visible, enabled application entry that starts Quotabar without a terminal', () => {
    expect(desktopEntry('"/usr/bin/quotabar"')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Quotabar',
        'Comment=AI quota in your tray',
        'Exec="/usr/bin/quotabar"',
        'X-GNOME-Autostart-enabled=true',
        'Terminal=false',
        '',
      ].join('\n'),
    );
  });

  it('quotes the command and escapes the characters the Exec key treats specially', () => {
    expect(launchCommand({}, '/opt/My "Q" $HOME `x` \\ app')).toBe('"/opt/My \\"Q\\" \\$HOME \\`x\\` \\\\ app"');
  });

  it('ignores an APPIMAGE or XDG_CONFIG_HOME that is only spaces', () => {
    expect(launchCommand({ APPIMAGE: '   ' }, '/usr/bin/quotabar')).toBe('"/usr/bin/quotabar"');
    expect(launchCommand({ APPIMAGE: ' /apps/Q.AppImage ' }, '/usr/bin/quotabar')).toBe('"/apps/Q.AppImage"');
    expect(autostartFile({ env: { XDG_CONFIG_HOME: ' /cfg ' }, homedir: '/h' })).toBe('/cfg/autostart/quotabar.desktop');
    expect(autostartFile({ env: { XDG_CONFIG_HOME: '  ' }, homedir: '/h' })).toBe('/h/.config/autostart/quotabar.desktop');
  });

  it('is written readable by everyone and writable only by its owner', async () => {
    const place = { env: {}, homedir: home };
    expect(await setLinuxAutostart(place, '/usr/bin/quotabar', true)).toBe(true);
    expect((await stat(autostartFile(place))).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('is not "enabled" when the file at its place is not a Quotabar entry', async () => {
    const place = { env: {}, homedir: home };
    await mkdir(join(home, '.config', 'autostart'), { recursive: true });
    await writeFile(autostartFile(place), '[Desktop Entry]\nName=Other\n');
    expect(await isLinuxAutostartEnabled(place)).toBe(false);
  });

  it('removing an entry that is not there succeeds', async () => {
    expect(await setLinuxAutostart({ env: {}, homedir: home }, '/usr/bin/quotabar', false)).toBe(true);
  });
});
