// The tray icon: a meter of the tightest window redrawn on every poller view, a tooltip naming it,
// a click that toggles the popover, and a menu whose first rows are the numbers themselves.
import { Menu, Tray, nativeImage, nativeTheme, type NativeImage, type Rectangle } from 'electron';
import type { Clock, Scheduler } from '../core/ports';
import { MINUTE } from '../core/time';
import { showNotice } from './notifications';
import type { AppServices } from '../app/services';
import { meterPng, type MeterLook, type MeterStyle } from '../app/tray-icon';
import { menuRows, trayModel, type TrayModel } from '../app/tray-model';

export interface TrayDeps {
  services: AppServices;
  windows: {
    togglePopover(anchor: Rectangle | null): void;
    showPopover(anchor: Rectangle | null): void;
    openSettings(): void;
    openHistory(): void;
    openCost(): void;
    /** macOS: the press that starts a click on the icon (decides whether that click closes the popover). */
    trayPressed(): void;
  };
  platform: string;
  clock: Clock & Scheduler;
  /** Packaged builds only: Windows ties a tray GUID to the executable's path or signature. */
  packaged: boolean;
  quit(): void;
}

export interface TrayHandle {
  tray: Tray;
  /** What the icon shows right now. */
  model(): TrayModel;
  bounds(): Rectangle | null;
  destroy(): void;
}

/**
 * Windows remembers where the user put a tray icon (shown, or in the overflow) by this GUID, so it
 * must never change: a new one would put the icon back in the overflow after an update.
 */
export const WINDOWS_TRAY_GUID = '6f1e4c2a-8b3d-4e5f-9a7c-2d1b0e3f4a5c';

export const OVERFLOW_NOTICE = {
  title: 'Quotabar is running',
  body: 'Its icon may be in the hidden icons area: click the ^ arrow in the taskbar, then drag the icon onto the taskbar to keep it in view.',
} as const;

/** Logical size of a tray icon; bitmaps are drawn for each HiDPI scale the panel may use. */
const ICON_SIZE = 16;
/** Windows gets the notification-area sizes of resources/icon.ico (16–64 px), so no scaling blurs the meter. */
const SCALES: Record<string, number[]> = { win32: [1, 1.5, 2, 3, 4] };
const DEFAULT_SCALES = [1, 1.5, 2];

/** The meter as a multi-resolution image: a template on macOS, theme-matched elsewhere. */
export function trayImage(model: TrayModel, style: MeterStyle, platform = ''): NativeImage {
  const look: MeterLook = { percent: model.percent, level: model.level, status: model.status, style };
  const img = nativeImage.createEmpty();
  for (const scaleFactor of SCALES[platform] ?? DEFAULT_SCALES) {
    img.addRepresentation({ scaleFactor, buffer: meterPng(look, Math.round(ICON_SIZE * scaleFactor)) });
  }
  if (style === 'template') img.setTemplateImage(true);
  return img;
}

const known = (b: Rectangle | null | undefined): b is Rectangle => !!b && b.width > 0 && b.height > 0;

export function setupTray(deps: TrayDeps): TrayHandle {
  const { services, windows, platform } = deps;
  const style = (): MeterStyle => (platform === 'darwin' ? 'template' : nativeTheme.shouldUseDarkColors ? 'dark' : 'light');
  const modelNow = () => {
    const { thresholds, lowBalanceUsd, trayPin } = services.settings();
    return trayModel(services.view(), thresholds, deps.clock.now(), lowBalanceUsd, trayPin);
  };
  let current = modelNow();
  // The image is drawn only when the meter's look changed, not on every view or minute.
  const lookOf = (m: TrayModel) => `${m.percent}|${m.level}|${m.status}|${style()}`;
  let drawn = lookOf(current);
  const image = trayImage(current, style(), platform);
  const tray = platform === 'win32' && deps.packaged ? new Tray(image, WINDOWS_TRAY_GUID) : new Tray(image);
  const noop = () => undefined;
  const getBounds = (): Rectangle | null => (platform === 'linux' ? null : tray.getBounds()); // darwin and win32 only

  const template = (): Electron.MenuItemConstructorOptions[] => {
    const rows = menuRows(services.view(), deps.clock.now());
    return [
      ...rows.map((label) => ({ label, click: () => windows.showPopover(getBounds()) })),
      ...(rows.length ? [{ type: 'separator' as const }] : []),
      { label: 'Open Quotabar', click: () => windows.showPopover(getBounds()) },
      { label: 'Refresh', click: () => void services.refresh(null).catch(noop) },
      { label: 'History…', click: () => windows.openHistory() },
      { label: 'Cost…', click: () => windows.openCost() },
      { label: 'Settings…', click: () => windows.openSettings() },
      {
        label: 'Start at login',
        type: 'checkbox',
        checked: services.settings().startAtLogin,
        // On failure the settings event never comes: put the checkbox back as it was.
        click: (item) => void services.updateSettings({ startAtLogin: item.checked }).catch(() => setMenu(true)),
      },
      { type: 'separator' },
      { label: 'Quit', click: () => deps.quit() },
    ];
  };

  let menu: Menu | null = null;
  let menuText = '';
  /** Rebuilds the menu only when its words or ticks changed: some Linux panels flicker on every set. */
  const setMenu = (force = false) => {
    const t = template();
    const text = JSON.stringify(t.map((i) => [i.label, i.type, i.checked]));
    if (menu && text === menuText && !force) return;
    menuText = text;
    menu = Menu.buildFromTemplate(t);
    // StatusNotifier hosts (GNOME, KDE) may send no click and show nothing without a menu. On macOS
    // and Windows a context menu would take over the click that opens the popover.
    if (platform === 'linux') tray.setContextMenu(menu);
  };
  setMenu();

  const redraw = () => {
    if (tray.isDestroyed()) return;
    current = modelNow();
    const look = lookOf(current);
    if (look !== drawn) tray.setImage(trayImage(current, style(), platform));
    drawn = look;
    tray.setToolTip(current.tooltip);
    setMenu();
  };
  tray.setToolTip(current.tooltip);

  let lastBounds: Rectangle | null = null;
  if (platform === 'darwin') {
    tray.setIgnoreDoubleClickEvents(true);
    tray.on('mouse-down', () => windows.trayPressed());
  }
  // Where the icon is: the click's own bounds, else the tray's, else null (the popover then goes by the cursor).
  tray.on('click', (_event, bounds) => {
    const anchor = known(bounds) ? bounds : getBounds();
    lastBounds = known(anchor) ? anchor : lastBounds;
    windows.togglePopover(known(anchor) ? anchor : null);
  });
  if (platform === 'darwin' || platform === 'win32') tray.on('right-click', () => menu && tray.popUpContextMenu(menu));

  // Windows hides new tray icons in the overflow flyout: say so once, the first time the app runs.
  if (platform === 'win32' && !services.settings().trayOverflowNoticeShown && showNotice(OVERFLOW_NOTICE)) {
    services.updateSettings({ trayOverflowNoticeShown: true }).catch(noop);
  }

  const offView = services.onView(redraw);
  const offSettings = services.onSettings(redraw);
  nativeTheme.on('updated', redraw);
  // The tooltip's and the menu's "resets in …" are redrawn each minute without a fetch.
  let cancelTick = () => {};
  const tick = () => {
    redraw();
    cancelTick = deps.clock.schedule(MINUTE, tick);
  };
  cancelTick = deps.clock.schedule(MINUTE, tick);

  return {
    tray,
    model: () => current,
    bounds: () => {
      const b = getBounds();
      return known(b) ? b : lastBounds;
    },
    destroy() {
      cancelTick();
      offView();
      offSettings();
      nativeTheme.removeListener('updated', redraw);
      tray.destroy();
    },
  };
}
