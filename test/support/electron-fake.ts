// The one shared fake of the `electron` module. Tests use it with
//   vi.mock('electron', () => import('../support/electron-fake'))
// and import the same file to inspect what the shell did. It records; it decides nothing.
import { BrowserWindow, protocol, session } from './electron-fake/web';
import { Menu, nativeImage, nativeTheme, Notification, shell, Tray } from './electron-fake/shell';
import { contextBridge, ipcMain, ipcRenderer } from './electron-fake/ipc';
import { app, net, powerMonitor, screen } from './electron-fake/system';
import { fakePlatform } from './electron-fake/platform';
import { dialog } from './electron-fake/dialog';

export * from './electron-fake/web';
export * from './electron-fake/shell';
export * from './electron-fake/ipc';
export * from './electron-fake/system';
export { fakePlatform } from './electron-fake/platform';
export * from './electron-fake/dialog';

/** Puts every piece back as a fresh process on `platform` (default linux) would have it. */
export function resetElectronFake(opts: { platform?: NodeJS.Platform } = {}): void {
  fakePlatform.current = opts.platform ?? 'linux';
  BrowserWindow.instances = [];
  Tray.instances = [];
  Tray.bounds = { x: 0, y: 0, width: 0, height: 0 };
  Menu.built = 0;
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
  ipcRenderer.reply = () => null;
  contextBridge.exposed = {};
  Notification.shown = [];
  Notification.instances = [];
  Notification.supported = true;
  powerMonitor.removeAllListeners();
  powerMonitor.onBattery = false;
  screen.displays = [];
  screen.cursor = { x: 0, y: 0 };
  app.removeAllListeners();
  app.lockGranted = true;
  app.quitCalled = false;
  app.loginItem = { openAtLogin: false };
  app.dock =
    fakePlatform.current === 'darwin'
      ? { hidden: false, hide() { this.hidden = true; }, show() { this.hidden = false; } }
      : undefined;
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  session.defaultSession.headersListener = null;
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  shell.opened = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  net.online = true;
  dialog.reset();
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
};
