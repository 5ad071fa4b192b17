// The windows: the popover anchored to the tray icon, and the settings and history windows. All are
// created hardened (security.ts) and load only our own app:// pages. On a Wayland session, where
// no app can place its windows, the popover is an ordinary window in the middle of the screen.
import { BrowserWindow, nativeTheme, screen, type Rectangle, type WebContents } from 'electron';
import type { Clock, Scheduler } from '../core/ports';
import { MINUTE } from '../core/time';
import { pageUrl, type Page } from '../app/pages';
import { centredIn, isWaylandSession, popoverPosition } from '../app/popover-position';
import { hardenContents, hardenedWebPreferences } from './security';
import type { AppServices } from '../app/services';

export const POPOVER_SIZE = { width: 380, height: 560 } as const;
/** Space kept free between a full-height popover and the edges of the work area. */
const POPOVER_SCREEN_MARGIN = 24;
/** Opening the popover refreshes providers whose data is older than this. */
export const POPOVER_REFRESH_AGE_MS = 30_000;
// A click on the tray icon blurs (hides) the open popover just before the click arrives: that
// click must close it, not reopen it. Windows and Linux send no mouse-down, so go by time there.
const BLUR_CLICK_WINDOW_MS = 300;
/** macOS: a blur this close before the mouse-down on the icon was caused by that press. */
const PRESS_BLUR_EPSILON_MS = 50;
/** A popover hidden this long is destroyed (its renderer's memory freed) and rebuilt on the next open. */
export const POPOVER_IDLE_DESTROY_MS = 5 * MINUTE;

export interface WindowDeps {
  services: AppServices;
  platform: string;
  /** dist-electron/preload.cjs */
  preloadPath: string;
  clock: Clock & Scheduler;
  /** For detecting a Wayland session (XDG_SESSION_TYPE, WAYLAND_DISPLAY, --ozone-platform). */
  env?: Record<string, string | undefined>;
  argv?: readonly string[];
  /** Default POPOVER_IDLE_DESTROY_MS. */
  popoverIdleDestroyMs?: number;
}

export interface WindowManager {
  /** Shows the popover at the tray icon (`anchor` = tray bounds; null or empty on Linux), or hides it. */
  togglePopover(anchor: Rectangle | null): void;
  showPopover(anchor: Rectangle | null): void;
  hidePopover(): void;
  /** macOS: the mouse-down on the tray icon; the click that follows closes the popover if it was open. */
  trayPressed(): void;
  /** Sizes the popover to its content, never taller than the work area allows; keeps it anchored. */
  fitPopover(contentHeight: number): void;
  openSettings(): void;
  /** Opens (or brings forward) the History window with its charts and exports. */
  openHistory(): void;
  /** Opens (or brings forward) the Cost window: the agents' logs by day, model and project. */
  openCost(): void;
  /** True for the web contents of a window we created and have not closed. */
  isOurs(contents: WebContents): boolean;
  /** Web contents of every open window, for pushing events. */
  contents(): WebContents[];
  closeAll(): void;
}

export function setupWindows(deps: WindowDeps): WindowManager {
  let popover: BrowserWindow | null = null;
  let settings: BrowserWindow | null = null;
  let history: BrowserWindow | null = null;
  let cost: BrowserWindow | null = null;
  let hiddenByBlurAt = -Infinity;
  let pressWillClose: boolean | null = null;
  let cancelIdle = () => {};
  const idleMs = deps.popoverIdleDestroyMs ?? POPOVER_IDLE_DESTROY_MS;
  const windowMode = isWaylandSession({ platform: deps.platform, env: deps.env ?? {}, argv: deps.argv ?? [] });
  let centred: BrowserWindow | null = null;
  let lastAnchor: Rectangle | null = null;
  let wantedHeight: number = POPOVER_SIZE.height;
  const alive = (w: BrowserWindow | null): BrowserWindow | null => (w && !w.isDestroyed() ? w : null);
  const background = () => (nativeTheme.shouldUseDarkColors ? '#1c1c1e' : '#f6f6f6');

  const create = (page: Page, options: Electron.BrowserWindowConstructorOptions): BrowserWindow => {
    const win = new BrowserWindow({
      ...options,
      show: false,
      backgroundColor: background(),
      webPreferences: hardenedWebPreferences(deps.preloadPath),
    });
    hardenContents(win.webContents);
    void win.loadURL(pageUrl(page));
    return win;
  };

  /** Hides the popover and frees it after `idleMs` unless it is shown again first. */
  const hide = (win: BrowserWindow) => {
    if (win.isVisible()) win.hide();
    cancelIdle();
    cancelIdle = deps.clock.schedule(idleMs, () => {
      if (!win.isDestroyed() && !win.isVisible()) win.destroy();
    });
  };

  const getPopover = (): BrowserWindow => {
    const existing = alive(popover);
    if (existing) return existing;
    const win = windowMode
      ? // Wayland: a plain decorated window the compositor places and the user can move and close.
        create('popover', { ...POPOVER_SIZE, frame: true, resizable: true, fullscreenable: false, title: 'Quotabar' })
      : create('popover', {
          ...POPOVER_SIZE,
          frame: false,
          resizable: false,
          movable: false,
          minimizable: false,
          maximizable: false,
          fullscreenable: false,
          alwaysOnTop: true,
          skipTaskbar: true,
          hasShadow: true,
          title: 'Quotabar',
          // A non-activating panel floats over full-screen apps on macOS.
          ...(deps.platform === 'darwin' ? { type: 'panel' } : {}),
        });
    // Above full-screen apps too, on every Space, as menu-bar popovers are.
    if (deps.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    win.on('blur', () => {
      // An ordinary window stays open when the user works elsewhere.
      if (windowMode || !win.isVisible()) return;
      hiddenByBlurAt = deps.clock.now();
      hide(win);
    });
    win.on('closed', () => {
      if (popover === win) popover = null;
    });
    popover = win;
    return win;
  };

  /** Fits the popover's height to its content within the display, then anchors it to the tray. */
  const place = (win: BrowserWindow, anchor: Rectangle | null) => {
    if (windowMode) {
      // Placed once, in the middle of the main screen where the compositor honours it (never 0,0);
      // after that the window is the user's to move and size.
      if (centred === win) return;
      centred = win;
      const area = screen.getPrimaryDisplay().workArea;
      const size = { width: (win.getSize() as [number, number])[0], height: popoverHeight(wantedHeight, area.height) };
      win.setSize(size.width, size.height);
      const at = centredIn(area, size);
      win.setPosition(at.x, at.y);
      return;
    }
    const tray = anchor ?? { x: 0, y: 0, width: 0, height: 0 };
    const cursor = screen.getCursorScreenPoint();
    const known = tray.width > 0 && tray.height > 0;
    const display = known ? screen.getDisplayMatching(tray) : screen.getDisplayNearestPoint(cursor);
    const width = (win.getSize() as [number, number])[0];
    const height = popoverHeight(wantedHeight, display.workArea.height);
    win.setSize(width, height);
    const at = popoverPosition({ platform: deps.platform, trayBounds: tray, size: { width, height }, display, cursor });
    win.setPosition(at.x, at.y);
  };

  const showPopover = (anchor: Rectangle | null) => {
    cancelIdle();
    const win = getPopover();
    lastAnchor = anchor;
    place(win, anchor);
    win.show();
    win.focus();
    deps.services.noteActivity({ lookedAt: deps.clock.now() });
    deps.services.refreshIfOlderThan(POPOVER_REFRESH_AGE_MS).catch(() => undefined);
  };

  const hidePopover = () => {
    const win = alive(popover);
    if (win?.isVisible()) hide(win);
  };

  /** Brings an open ordinary window forward, or creates it and shows it once its page has painted. */
  const openOrdinary = (current: BrowserWindow | null, page: Page, options: Electron.BrowserWindowConstructorOptions, forget: (w: BrowserWindow) => void): BrowserWindow => {
    hidePopover();
    const existing = alive(current);
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const win = create(page, { autoHideMenuBar: true, fullscreenable: false, ...options });
    win.removeMenu();
    win.once('ready-to-show', () => {
      win.show();
      win.focus();
    });
    win.on('closed', () => forget(win));
    return win;
  };

  const openSettings = () => {
    settings = openOrdinary(settings, 'settings', { width: 560, height: 680, minWidth: 440, minHeight: 480, title: 'Quotabar Settings' }, (w) => {
      if (settings === w) settings = null;
    });
  };

  const openHistory = () => {
    history = openOrdinary(history, 'history', { width: 760, height: 720, minWidth: 480, minHeight: 400, title: 'Quotabar History' }, (w) => {
      if (history === w) history = null;
    });
  };

  const openCost = () => {
    cost = openOrdinary(cost, 'cost', { width: 760, height: 720, minWidth: 480, minHeight: 400, title: 'Quotabar Cost' }, (w) => {
      if (cost === w) cost = null;
    });
  };

  const open = () => [alive(popover), alive(settings), alive(history), alive(cost)].filter((w): w is BrowserWindow => w !== null);

  return {
    togglePopover(anchor) {
      const win = alive(popover);
      const willClose = pressWillClose;
      pressWillClose = null;
      if (willClose !== null) {
        // macOS decided at mouse-down: however long the button was held, the blur it caused is this click.
        if (!willClose) showPopover(anchor);
        else if (win?.isVisible()) hide(win);
        return;
      }
      if (win?.isVisible()) return hide(win);
      if (deps.clock.now() - hiddenByBlurAt < BLUR_CLICK_WINDOW_MS) return;
      showPopover(anchor);
    },
    trayPressed() {
      const open = alive(popover)?.isVisible() === true;
      pressWillClose = open || deps.clock.now() - hiddenByBlurAt <= PRESS_BLUR_EPSILON_MS;
    },
    showPopover,
    hidePopover,
    fitPopover(contentHeight) {
      wantedHeight = contentHeight;
      const win = alive(popover);
      if (win?.isVisible()) place(win, lastAnchor);
    },
    openSettings,
    openHistory,
    openCost,
    isOurs: (contents) => open().some((w) => w.webContents === contents && !contents.isDestroyed()),
    contents: () => open().map((w) => w.webContents),
    closeAll() {
      cancelIdle();
      for (const w of open()) w.destroy();
    },
  };
}

/** The popover's height for a content height: at least 160 px, and leaving a margin on the work area. */
export function popoverHeight(contentHeight: number, workAreaHeight: number): number {
  const max = Math.max(160, workAreaHeight - 2 * POPOVER_SCREEN_MARGIN);
  return Math.round(Math.min(max, Math.max(160, contentHeight)));
}
