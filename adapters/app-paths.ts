// Where Quotabar and the CLIs it reads keep their files. Pure functions of their arguments,
// so every platform's answer is testable on any platform.
import { posix, win32 } from 'node:path';

export type Env = Record<string, string | undefined>;

/** The settings file: per-user config dir of the platform, `Quotabar`/`quotabar` folder. */
export function settingsPath(env: Env, platform: NodeJS.Platform | string, homedir: string): string {
  if (platform === 'win32') {
    const appData = nonEmpty(env.APPDATA) ?? win32.join(homedir, 'AppData', 'Roaming');
    return win32.join(appData, 'Quotabar', 'settings.json');
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', 'Quotabar', 'settings.json');
  // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.config');
  return posix.join(base, 'quotabar', 'settings.json');
}

/** A vendor tool's folder: its override variable when set (the descriptor's `credentials.dir.env`), else `~/<defaultName>`. */
export function toolDir(env: Env, homedir: string, dir: { env: string; defaultName: string }): string {
  return nonEmpty(env[dir.env]) ?? joinFor(homedir, dir.defaultName);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

// A Windows home (C:\Users\x) gets backslashes; anything else forward slashes.
function joinFor(home: string, name: string): string {
  return /^[A-Za-z]:[\\/]|^\\\\/.test(home) ? win32.join(home, name) : posix.join(home, name);
}

/**
 * Where Quotabar keeps its own data (the history database): `$QUOTABAR_DATA_DIR` when set (tests,
 * portable setups), else `$XDG_DATA_HOME/quotabar` or `~/.local/share/quotabar` on Linux,
 * `~/Library/Application Support/Quotabar` on macOS, `%LOCALAPPDATA%\Quotabar` on Windows.
 */
export function dataDir(env: Env, platform: NodeJS.Platform | string, homedir: string): string {
  const own = nonEmpty(env.QUOTABAR_DATA_DIR);
  if (own) return own;
  if (platform === 'win32') {
    const local = nonEmpty(env.LOCALAPPDATA) ?? win32.join(homedir, 'AppData', 'Local');
    return win32.join(local, 'Quotabar');
  }
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', 'Quotabar');
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homedir, '.local', 'share');
  return posix.join(base, 'quotabar');
}
