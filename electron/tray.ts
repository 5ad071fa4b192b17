// The tray icon: a meter of the tightest window redrawn on every poller view, a tooltip naming it,
// a click that toggles the popover, and the context menu (Refresh, Settings…, Start at login, Quit).
import { Menu, Tray, nativeImage, nativeTheme, type NativeImage, type Rectangle } from 'electron';
import type { Clock, Scheduler } from '../core/ports';
import { MINUTE } from '../core/time';
import type { AppServices } from './services/app-services';
import { meterPng, type MeterLook, type MeterStyle } from './tray-icon';
import { trayModel, type TrayModel } from './tray-model';

export interface TrayDeps {
  services: AppServices;
  windows: { togglePopover(anchor: Rectangle | null): void; showPopover(anchor: Rectangle | null): void; openSettings(): void };
  platform: string;
  clock: Clock & Scheduler;
  quit(): void;
}

export interface TrayHandle {
  tray: Tray;
  /** What the icon shows right now. */
  model(): TrayModel;
  bounds(): Rectangle | null;
  destroy(): void;
}

/** Logical size of a tray icon; 1×, 1.5× and 2× bitmaps are drawn for HiDPI panels. */
const ICON_SIZE = 16;
const SCALES = [1, 1.5, 2];

/** The meter as a multi-resolution image: a template on macOS, theme-matched elsewhere. */
export function trayImage(model: TrayModel, style: MeterStyle): NativeImage {
  const look: MeterLook = { percent: model.percent, level: model.level, status: model.status, style };
  const img = nativeImage.createEmpty();
  for (const scaleFactor of SCALES) img.addRepresentation({ scaleFactor, buffer: meterPng(look, Math.round(ICON_SIZE * scaleFactor)) });
  if (style === 'template') img.setTemplateImage(true);
  return img;
}

export function setupTray(deps: TrayDeps): TrayHandle {
  const { services, windows, platform } = deps;
  const style = (): MeterStyle => (platform === 'darwin' ? 'template' : nativeTheme.shouldUseDarkColors ? 'dark' : 'light');
  let current = trayModel(services.view(), services.settings().thresholds, deps.clock.now());
  // The image is drawn (three PNGs) only when the meter's look changed, not on every view or minute.
  const lookOf = (m: TrayModel) => `${m.percent}|${m.level}|${m.status}|${style()}`;
  let drawn = lookOf(current);
  const tray = new Tray(trayImage(current, style()));
  const noop = () => undefined;

  const buildMenu = (): Menu =>
    Menu.buildFromTemplate([
      // Linux panels often send no click at all: the menu is the only sure way in.
      ...(platform === 'linux'
        ? [{ label: 'Open Quotabar', click: () => windows.showPopover(null) }, { type: 'separator' as const }]
        : []),
      { label: 'Refresh', click: () => void services.refresh(null).catch(noop) },
      { label: 'Settings…', click: () => windows.openSettings() },
      {
        label: 'Start at login',
        type: 'checkbox',
        checked: services.settings().startAtLogin,
        // On failure the settings event never comes: put the checkbox back as it was.
        click: (item) => void services.updateSettings({ startAtLogin: item.checked }).catch(() => setMenu()),
      },
      { type: 'separator' },
      { label: 'Quit', click: () => deps.quit() },
    ]);

  let menu = buildMenu();
  const setMenu = () => {
    menu = buildMenu();
    // Elsewhere a context menu would hijack the left click that opens the popover.
    if (platform === 'linux') tray.setContextMenu(menu);
  };
  setMenu();

  const redraw = () => {
    if (tray.isDestroyed()) return;
    current = trayModel(services.view(), services.settings().thresholds, deps.clock.now());
    const look = lookOf(current);
    if (look !== drawn) tray.setImage(trayImage(current, style()));
    drawn = look;
    tray.setToolTip(current.tooltip);
  };
  tray.setToolTip(current.tooltip);

  let lastBounds: Rectangle | null = null;
  if (platform === 'darwin') tray.setIgnoreDoubleClickEvents(true);
  tray.on('click', (_event, bounds) => {
    lastBounds = bounds;
    windows.togglePopover(bounds);
  });
  tray.on('right-click', () => tray.popUpContextMenu(menu));

  const offView = services.onView(redraw);
  const offSettings = services.onSettings(() => {
    setMenu();
    redraw();
  });
  nativeTheme.on('updated', redraw);
  // The tooltip's "resets in …" is redrawn each minute without a fetch.
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
      const b = tray.getBounds();
      return b.width > 0 && b.height > 0 ? b : lastBounds;
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
