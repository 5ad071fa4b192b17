// Where the popover goes, as a pure function of the tray icon, the display and the cursor.
// macOS: below the menu-bar icon. Windows: next to the taskbar, wherever it is docked.
// Linux: tray bounds are often all zeros, so near the cursor, or a screen corner as a last resort.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface PopoverPlacement {
  platform: string;
  /** `tray.getBounds()`; all zeros when the platform cannot say. */
  trayBounds: Rect;
  size: { width: number; height: number };
  /** The display nearest the tray icon (or the cursor). */
  display: { bounds: Rect; workArea: Rect };
  cursor: Point | null;
}

/** Gap between the popover and the icon or taskbar. */
export const POPOVER_GAP = 6;

type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Top-left corner of the popover, always inside the display's work area. */
export function popoverPosition(p: PopoverPlacement): Point {
  const { size, display, trayBounds: tray } = p;
  const wa = display.workArea;
  const known = tray.width > 0 && tray.height > 0;
  let x: number;
  let y: number;

  if (known) {
    const edge = p.platform === 'darwin' ? 'top' : taskbarEdge(display, tray);
    const cx = tray.x + tray.width / 2;
    const cy = tray.y + tray.height / 2;
    if (edge === 'top') {
      x = cx - size.width / 2;
      y = Math.max(tray.y + tray.height, wa.y) + POPOVER_GAP;
    } else if (edge === 'bottom') {
      x = cx - size.width / 2;
      y = Math.min(tray.y, wa.y + wa.height) - size.height - POPOVER_GAP;
    } else if (edge === 'left') {
      x = Math.max(tray.x + tray.width, wa.x) + POPOVER_GAP;
      y = cy - size.height / 2;
    } else {
      x = Math.min(tray.x, wa.x + wa.width) - size.width - POPOVER_GAP;
      y = cy - size.height / 2;
    }
  } else if (p.cursor && inside(p.cursor, display.bounds)) {
    // The user just clicked the icon, so the cursor is on it: open towards the screen's middle.
    const below = p.cursor.y < display.bounds.y + display.bounds.height / 2;
    x = p.cursor.x - size.width / 2;
    y = below ? p.cursor.y + POPOVER_GAP : p.cursor.y - size.height - POPOVER_GAP;
  } else {
    // Nothing to anchor to: the top-right corner, where most Linux panels keep their tray.
    x = wa.x + wa.width - size.width - POPOVER_GAP;
    y = wa.y + POPOVER_GAP;
  }
  return clampToArea({ x, y }, size, wa);
}

/**
 * Which edge the taskbar is on: the side where the work area is smaller than the display,
 * else the edge the tray icon is closest to.
 */
export function taskbarEdge(display: { bounds: Rect; workArea: Rect }, tray: Rect): Edge {
  const { bounds: b, workArea: w } = display;
  if (w.y > b.y) return 'top';
  if (w.y + w.height < b.y + b.height) return 'bottom';
  if (w.x > b.x) return 'left';
  if (w.x + w.width < b.x + b.width) return 'right';
  // An auto-hiding taskbar leaves the work area whole: go by where the icon sits.
  const distances: Array<[Edge, number]> = [
    ['top', tray.y - b.y],
    ['bottom', b.y + b.height - (tray.y + tray.height)],
    ['left', tray.x - b.x],
    ['right', b.x + b.width - (tray.x + tray.width)],
  ];
  distances.sort((a, c) => a[1] - c[1]);
  return distances[0]![0];
}

/** Moves a box of `size` at `p` so it lies within `area` (its top-left wins if it cannot fit). */
export function clampToArea(p: Point, size: { width: number; height: number }, area: Rect): Point {
  const x = Math.max(area.x, Math.min(p.x, area.x + area.width - size.width));
  const y = Math.max(area.y, Math.min(p.y, area.y + area.height - size.height));
  return { x: Math.round(x), y: Math.round(y) };
}

/**
 * True on a Linux Wayland session, where the tray cannot say where it is and the app cannot place
 * its windows (Electron 38+ runs natively on Wayland there), unless X11 was forced with
 * --ozone-platform=x11 (or ELECTRON_OZONE_PLATFORM_HINT=x11).
 */
export function isWaylandSession(p: { platform: string; env: Record<string, string | undefined>; argv: readonly string[] }): boolean {
  if (p.platform !== 'linux') return false;
  const flag = (name: string) => p.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  const forced = flag('--ozone-platform') ?? flag('--ozone-platform-hint') ?? p.env.ELECTRON_OZONE_PLATFORM_HINT;
  if (forced === 'x11') return false;
  if (forced === 'wayland') return true;
  return p.env.XDG_SESSION_TYPE === 'wayland' || !!p.env.WAYLAND_DISPLAY;
}

/** Top-left corner that centres a box of `size` in `area`. */
export function centredIn(area: Rect, size: { width: number; height: number }): Point {
  return clampToArea({ x: area.x + (area.width - size.width) / 2, y: area.y + (area.height - size.height) / 2 }, size, area);
}

function inside(p: Point, r: Rect): boolean {
  return p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
}
