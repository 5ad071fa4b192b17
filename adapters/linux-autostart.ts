// Start at login on Linux, where Electron has no login-item API: an XDG autostart entry
// (~/.config/autostart/quotabar.desktop). Plain Node, so it is tested against a temporary home.
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { posix } from 'node:path';

export interface AutostartPlace {
  env: NodeJS.ProcessEnv;
  homedir: string;
}

/** Where the desktop entry goes: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function autostartFile(p: AutostartPlace): string {
  const xdg = p.env.XDG_CONFIG_HOME?.trim();
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(p.homedir, '.config');
  return posix.join(base, 'autostart', 'quotabar.desktop');
}

/** The command to start: the AppImage itself when running from one (its mount path changes per run). */
export function launchCommand(env: NodeJS.ProcessEnv, execPath: string): string {
  const target = env.APPIMAGE?.trim() || execPath;
  // Desktop-entry Exec quoting: wrap in double quotes, escape ", `, $ and \.
  return `"${target.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function desktopEntry(exec: string): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Quotabar', 'Comment=AI quota in your tray', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/** Writes or removes the entry. Resolves to false when the file system refused. */
export async function setLinuxAutostart(p: AutostartPlace, execPath: string, enabled: boolean): Promise<boolean> {
  const file = autostartFile(p);
  try {
    if (!enabled) {
      await rm(file, { force: true });
      return true;
    }
    await mkdir(posix.dirname(file), { recursive: true });
    await writeFile(file, desktopEntry(launchCommand(p.env, execPath)), { mode: 0o644 });
    return true;
  } catch {
    return false;
  }
}

export async function isLinuxAutostartEnabled(p: AutostartPlace): Promise<boolean> {
  return readFile(autostartFile(p), 'utf8').then(
    (t) => t.includes('Name=Quotabar'),
    () => false,
  );
}
