import { describe, it, expect } from 'vitest';
import { centredIn, isWaylandSession, popoverPosition, POPOVER_GAP, type Rect } from '../../app/popover-position';

const size = { width: 380, height: 560 };
const display = (bounds: Rect, workArea: Rect) => ({ bounds, workArea });
const screen1080: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const none: Rect = { x: 0, y: 0, width: 0, height: 0 };

describe('popover position', () => {
  it('sits centred below the menu-bar icon on macOS', () => {
    const tray = { x: 1500, y: 0, width: 24, height: 24 };
    const at = popoverPosition({ platform: 'darwin', trayBounds: tray, size, display: display(screen1080, { ...screen1080, y: 24, height: 1056 }), cursor: null });
    expect(at).toEqual({ x: 1512 - 190, y: 24 + POPOVER_GAP });
  });

  it('stays on screen below an icon at the far right of the macOS menu bar', () => {
    const tray = { x: 1900, y: 0, width: 20, height: 24 };
    const at = popoverPosition({ platform: 'darwin', trayBounds: tray, size, display: display(screen1080, { ...screen1080, y: 24, height: 1056 }), cursor: null });
    expect(at.x + size.width).toBeLessThanOrEqual(1920);
    expect(at.y).toBe(24 + POPOVER_GAP);
  });

  it('sits just above a bottom taskbar on Windows, inside the work area', () => {
    const tray = { x: 1700, y: 1044, width: 24, height: 32 };
    const wa = { x: 0, y: 0, width: 1920, height: 1040 };
    const at = popoverPosition({ platform: 'win32', trayBounds: tray, size, display: display(screen1080, wa), cursor: null });
    expect(at.y + size.height).toBe(1040 - POPOVER_GAP);
    expect(at.x).toBe(1712 - 190);
  });

  it('opens beside a Windows taskbar docked on the left', () => {
    const tray = { x: 8, y: 900, width: 32, height: 24 };
    const wa = { x: 48, y: 0, width: 1872, height: 1080 };
    const at = popoverPosition({ platform: 'win32', trayBounds: tray, size, display: display(screen1080, wa), cursor: null });
    expect(at.x).toBe(48 + POPOVER_GAP);
    expect(at.y + size.height).toBeLessThanOrEqual(1080);
  });

  it('opens below a Windows taskbar docked at the top', () => {
    const tray = { x: 1700, y: 4, width: 24, height: 32 };
    const wa = { x: 0, y: 40, width: 1920, height: 1040 };
    const at = popoverPosition({ platform: 'win32', trayBounds: tray, size, display: display(screen1080, wa), cursor: null });
    expect(at.y).toBe(40 + POPOVER_GAP);
  });

  it('goes by the icon when an auto-hidden Windows taskbar leaves the work area whole', () => {
    const tray = { x: 1700, y: 1050, width: 24, height: 30 };
    const at = popoverPosition({ platform: 'win32', trayBounds: tray, size, display: display(screen1080, screen1080), cursor: null });
    expect(at.y + size.height).toBeLessThanOrEqual(1050);
  });

  it('opens near the cursor on Linux when the tray cannot say where its icon is', () => {
    const wa = { x: 0, y: 32, width: 1920, height: 1048 };
    const at = popoverPosition({ platform: 'linux', trayBounds: none, size, display: display(screen1080, wa), cursor: { x: 1800, y: 12 } });
    expect(at).toEqual({ x: 1920 - 380, y: 32 });
  });

  it('opens above the cursor on Linux when the panel is at the bottom', () => {
    const wa = { x: 0, y: 0, width: 1920, height: 1040 };
    const at = popoverPosition({ platform: 'linux', trayBounds: none, size, display: display(screen1080, wa), cursor: { x: 900, y: 1060 } });
    // Above the click, and pushed up off the panel into the work area.
    expect(at).toEqual({ x: 900 - 190, y: 1040 - 560 });
  });

  it('falls back to the top-right corner on Linux with neither icon bounds nor a cursor on this display', () => {
    const wa = { x: 1920, y: 27, width: 1280, height: 997 };
    const at = popoverPosition({ platform: 'linux', trayBounds: none, size, display: display({ x: 1920, y: 0, width: 1280, height: 1024 }, wa), cursor: null });
    expect(at).toEqual({ x: 1920 + 1280 - 380 - POPOVER_GAP, y: 27 + POPOVER_GAP });
  });

  it('uses real tray bounds on Linux when the panel provides them', () => {
    const tray = { x: 1800, y: 0, width: 24, height: 24 };
    const wa = { x: 0, y: 28, width: 1920, height: 1052 };
    const at = popoverPosition({ platform: 'linux', trayBounds: tray, size, display: display(screen1080, wa), cursor: { x: 5, y: 500 } });
    expect(at.y).toBe(28 + POPOVER_GAP);
    expect(at.x).toBe(1920 - 380);
  });

  it('never leaves the work area, on a display left of the primary one', () => {
    const b = { x: -1280, y: 0, width: 1280, height: 1024 };
    const wa = { x: -1280, y: 0, width: 1280, height: 984 };
    const at = popoverPosition({ platform: 'win32', trayBounds: { x: -20, y: 990, width: 24, height: 30 }, size, display: display(b, wa), cursor: null });
    expect(at.x).toBeGreaterThanOrEqual(-1280);
    expect(at.x + size.width).toBeLessThanOrEqual(0);
    expect(at.y + size.height).toBeLessThanOrEqual(984);
  });
});

describe('Wayland session', () => {
  const linux = (env: Record<string, string>, argv: string[] = []) => isWaylandSession({ platform: 'linux', env, argv });

  it('is recognised from the session type or the Wayland display', () => {
    expect(linux({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(linux({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(linux({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
  });

  it('does not count when X11 is forced by flag or by environment', () => {
    const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
    expect(linux(wayland, ['quotabar', '--ozone-platform=x11'])).toBe(false);
    expect(linux(wayland, ['quotabar', '--ozone-platform-hint=x11'])).toBe(false);
    expect(linux({ ...wayland, ELECTRON_OZONE_PLATFORM_HINT: 'x11' })).toBe(false);
    expect(linux({ DISPLAY: ':0' }, ['--ozone-platform=wayland'])).toBe(true);
  });

  it('never applies outside Linux', () => {
    expect(isWaylandSession({ platform: 'darwin', env: { WAYLAND_DISPLAY: 'w' }, argv: [] })).toBe(false);
  });

  it('centres a window in the work area, clamped when it is too big', () => {
    const area = { x: 0, y: 32, width: 1920, height: 1048 };
    expect(centredIn(area, size)).toEqual({ x: 770, y: 276 });
    expect(centredIn(area, { width: 380, height: 2000 })).toEqual({ x: 770, y: 32 });
  });
});
