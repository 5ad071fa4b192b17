// Compile-time check that the electron fake has not drifted from Electron's own typings
// (node_modules/electron/electron.d.ts): for every member the shell uses, the fake must accept
// whatever Electron's callers may pass, and return what they expect. `npm run typecheck` fails
// on the first member that differs. Nothing here runs.
import type * as Fake from './electron-fake';

/** A method as a plain function type, so its parameters are checked contravariantly (not bivariantly). */
type Fn<F> = F extends (...args: infer A) => infer R ? (...args: A) => R : never;
type Ctor<C> = C extends abstract new (...args: infer A) => unknown ? (...args: A) => void : never;
/** Electron's arguments are all accepted by the fake (it may ignore trailing ones, as JS functions do). */
type Accepts<F, R> = [(...args: Parameters<Fn<F>>) => void] extends [(...args: Parameters<Fn<R>>) => void] ? true : false;
/** The fake's return value has the real one's type on every field the two share ("implements Partial<…>"). */
type Returns<F, R> = [ReturnType<Fn<F>>] extends [ReturnType<Fn<R>>]
  ? true
  : ReturnType<Fn<F>> extends object
    ? [ReturnType<Fn<F>>] extends [Pick<ReturnType<Fn<R>>, keyof ReturnType<Fn<F>> & keyof ReturnType<Fn<R>>>]
      ? true
      : false
    : false;
/** Accepts what Electron's callers pass, and returns what they can use. */
type Fits<F, R> = Accepts<F, R> extends true ? Returns<F, R> : false;
type NewAccepts<F, R> = Accepts<Ctor<F>, Ctor<R>>;

/** Fails to compile (at the line of the member) unless the check is `true`. */
type Ok<T extends true> = T;

type FTray = InstanceType<typeof Fake.Tray>;
type FWin = InstanceType<typeof Fake.BrowserWindow>;
type FImage = ReturnType<typeof Fake.nativeImage.createEmpty>;

export type FakeMatchesElectron = [
  /* new Tray */ Ok<NewAccepts<typeof Fake.Tray, typeof Electron.Tray>>,
  /* Tray.setImage */ Ok<Fits<FTray['setImage'], Electron.Tray['setImage']>>,
  /* Tray.setToolTip */ Ok<Fits<FTray['setToolTip'], Electron.Tray['setToolTip']>>,
  /* Tray.setContextMenu */ Ok<Fits<FTray['setContextMenu'], Electron.Tray['setContextMenu']>>,
  /* Tray.popUpContextMenu */ Ok<Fits<FTray['popUpContextMenu'], Electron.Tray['popUpContextMenu']>>,
  /* Tray.setIgnoreDoubleClickEvents */ Ok<Fits<FTray['setIgnoreDoubleClickEvents'], Electron.Tray['setIgnoreDoubleClickEvents']>>,
  /* Tray.getBounds */ Ok<Fits<FTray['getBounds'], Electron.Tray['getBounds']>>,
  /* Tray.destroy */ Ok<Fits<FTray['destroy'], Electron.Tray['destroy']>>,
  /* Tray.isDestroyed */ Ok<Fits<FTray['isDestroyed'], Electron.Tray['isDestroyed']>>,
  /* Menu.buildFromTemplate */ Ok<Accepts<typeof Fake.Menu.buildFromTemplate, typeof Electron.Menu.buildFromTemplate>>,
  /* nativeImage.createEmpty */ Ok<Accepts<typeof Fake.nativeImage.createEmpty, typeof Electron.nativeImage.createEmpty>>,
  /* nativeImage.createFromBuffer */ Ok<Accepts<typeof Fake.nativeImage.createFromBuffer, typeof Electron.nativeImage.createFromBuffer>>,
  /* NativeImage.addRepresentation */ Ok<Fits<FImage['addRepresentation'], Electron.NativeImage['addRepresentation']>>,
  /* NativeImage.setTemplateImage */ Ok<Fits<FImage['setTemplateImage'], Electron.NativeImage['setTemplateImage']>>,
  /* new BrowserWindow */ Ok<NewAccepts<typeof Fake.BrowserWindow, typeof Electron.BrowserWindow>>,
  /* BrowserWindow.loadURL */ Ok<Fits<FWin['loadURL'], Electron.BrowserWindow['loadURL']>>,
  /* BrowserWindow.show */ Ok<Fits<FWin['show'], Electron.BrowserWindow['show']>>,
  /* BrowserWindow.hide */ Ok<Fits<FWin['hide'], Electron.BrowserWindow['hide']>>,
  /* BrowserWindow.focus */ Ok<Fits<FWin['focus'], Electron.BrowserWindow['focus']>>,
  /* BrowserWindow.isVisible */ Ok<Fits<FWin['isVisible'], Electron.BrowserWindow['isVisible']>>,
  /* BrowserWindow.isDestroyed */ Ok<Fits<FWin['isDestroyed'], Electron.BrowserWindow['isDestroyed']>>,
  /* BrowserWindow.isMinimized */ Ok<Fits<FWin['isMinimized'], Electron.BrowserWindow['isMinimized']>>,
  /* BrowserWindow.restore */ Ok<Fits<FWin['restore'], Electron.BrowserWindow['restore']>>,
  /* BrowserWindow.destroy */ Ok<Fits<FWin['destroy'], Electron.BrowserWindow['destroy']>>,
  /* BrowserWindow.getSize */ Ok<Fits<FWin['getSize'], Electron.BrowserWindow['getSize']>>,
  /* BrowserWindow.setSize */ Ok<Fits<FWin['setSize'], Electron.BrowserWindow['setSize']>>,
  /* BrowserWindow.setPosition */ Ok<Fits<FWin['setPosition'], Electron.BrowserWindow['setPosition']>>,
  /* BrowserWindow.setVisibleOnAllWorkspaces */ Ok<Fits<FWin['setVisibleOnAllWorkspaces'], Electron.BrowserWindow['setVisibleOnAllWorkspaces']>>,
  /* BrowserWindow.removeMenu */ Ok<Fits<FWin['removeMenu'], Electron.BrowserWindow['removeMenu']>>,
  /* screen.getCursorScreenPoint */ Ok<Fits<typeof Fake.screen.getCursorScreenPoint, Electron.Screen['getCursorScreenPoint']>>,
  /* screen.getPrimaryDisplay */ Ok<Fits<typeof Fake.screen.getPrimaryDisplay, Electron.Screen['getPrimaryDisplay']>>,
  /* screen.getDisplayMatching */ Ok<Fits<typeof Fake.screen.getDisplayMatching, Electron.Screen['getDisplayMatching']>>,
  /* screen.getDisplayNearestPoint */ Ok<Fits<typeof Fake.screen.getDisplayNearestPoint, Electron.Screen['getDisplayNearestPoint']>>,
  /* new Notification */ Ok<NewAccepts<typeof Fake.Notification, typeof Electron.Notification>>,
  /* Notification.isSupported */ Ok<Fits<typeof Fake.Notification.isSupported, typeof Electron.Notification.isSupported>>,
  /* Notification.show */ Ok<Fits<InstanceType<typeof Fake.Notification>['show'], Electron.Notification['show']>>,
  /* Notification.close */ Ok<Fits<InstanceType<typeof Fake.Notification>['close'], Electron.Notification['close']>>,
  /* net.isOnline */ Ok<Fits<typeof Fake.net.isOnline, Electron.Net['isOnline']>>,
  /* app.requestSingleInstanceLock */ Ok<Fits<typeof Fake.app.requestSingleInstanceLock, Electron.App['requestSingleInstanceLock']>>,
  /* app.quit */ Ok<Fits<typeof Fake.app.quit, Electron.App['quit']>>,
  /* app.whenReady */ Ok<Fits<typeof Fake.app.whenReady, Electron.App['whenReady']>>,
  /* app.getAppPath */ Ok<Fits<typeof Fake.app.getAppPath, Electron.App['getAppPath']>>,
  /* app.getPath */ Ok<Fits<typeof Fake.app.getPath, Electron.App['getPath']>>,
  /* app.setAppUserModelId */ Ok<Fits<typeof Fake.app.setAppUserModelId, Electron.App['setAppUserModelId']>>,
  /* app.getLoginItemSettings */ Ok<Fits<typeof Fake.app.getLoginItemSettings, Electron.App['getLoginItemSettings']>>,
  /* app.setLoginItemSettings */ Ok<Fits<typeof Fake.app.setLoginItemSettings, Electron.App['setLoginItemSettings']>>,
  /* shell.openExternal */ Ok<Fits<typeof Fake.shell.openExternal, Electron.Shell['openExternal']>>,
  /* ipcMain.handle */ Ok<Fits<typeof Fake.ipcMain.handle, Electron.IpcMain['handle']>>,
  /* ipcMain.removeHandler */ Ok<Fits<typeof Fake.ipcMain.removeHandler, Electron.IpcMain['removeHandler']>>,
  /* ipcRenderer.invoke */ Ok<Fits<typeof Fake.ipcRenderer.invoke, Electron.IpcRenderer['invoke']>>,
  /* contextBridge.exposeInMainWorld */ Ok<Fits<typeof Fake.contextBridge.exposeInMainWorld, Electron.ContextBridge['exposeInMainWorld']>>,
  /* protocol.handle */ Ok<Fits<typeof Fake.protocol.handle, Electron.Protocol['handle']>>,
  /* protocol.registerSchemesAsPrivileged */ Ok<Fits<typeof Fake.protocol.registerSchemesAsPrivileged, Electron.Protocol['registerSchemesAsPrivileged']>>,
  /* WebContents.send */ Ok<Fits<InstanceType<typeof Fake.WebContents>['send'], Electron.WebContents['send']>>,
  /* WebContents.getURL */ Ok<Fits<InstanceType<typeof Fake.WebContents>['getURL'], Electron.WebContents['getURL']>>,
  /* WebContents.setWindowOpenHandler */ Ok<Fits<InstanceType<typeof Fake.WebContents>['setWindowOpenHandler'], Electron.WebContents['setWindowOpenHandler']>>,
];
