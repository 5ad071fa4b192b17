// Start at login follows the setting: the OS login item on macOS and Windows, an XDG autostart
// entry on Linux. Applied at start and whenever the setting changes, never from anywhere else.
import { app } from 'electron';
import type { AppServices } from '../app/services';
import { isLinuxAutostartEnabled, setLinuxAutostart } from '../adapters/linux-autostart';

export interface LoginItemDeps {
  services: Pick<AppServices, 'settings' | 'onSettings'>;
  platform: string;
  env: NodeJS.ProcessEnv;
  homedir: string;
  execPath: string;
}

export function setupLoginItem(deps: LoginItemDeps): { ready: Promise<void>; dispose(): void } {
  const place = { env: deps.env, homedir: deps.homedir };
  const osState = async (): Promise<boolean> =>
    deps.platform === 'linux' ? isLinuxAutostartEnabled(place) : app.getLoginItemSettings().openAtLogin;
  const apply = async (enabled: boolean): Promise<void> => {
    if (deps.platform === 'linux') {
      await setLinuxAutostart(place, deps.execPath, enabled);
      return;
    }
    if (deps.platform === 'darwin' || deps.platform === 'win32') app.setLoginItemSettings({ openAtLogin: enabled });
  };
  let wanted = deps.services.settings().startAtLogin;
  // Only touch the OS when it disagrees with the setting.
  const ready = osState().then((actual) => (actual === wanted ? undefined : apply(wanted)));
  const off = deps.services.onSettings((v) => {
    if (v.settings.startAtLogin === wanted) return;
    wanted = v.settings.startAtLogin;
    void apply(wanted);
  });
  return { ready, dispose: off };
}
