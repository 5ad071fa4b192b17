// The popover near the left edge of a display: an icon or cursor there must not push the popover
// off the work area to the left (where it would be cut off, or land on the neighbouring display).
import { describe, expect, it } from 'vitest';
import { popoverPosition, POPOVER_GAP, type Rect } from '../../app/popover-position';

const size = { width: 380, height: 560 };

function expectInside(at: { x: number; y: number }, wa: Rect): void {
  expect(at.x).toBeGreaterThanOrEqual(wa.x);
  expect(at.x + size.width).toBeLessThanOrEqual(wa.x + wa.width);
  expect(at.y).toBeGreaterThanOrEqual(wa.y);
  expect(at.y + size.height).toBeLessThanOrEqual(wa.y + wa.height);
}

describe('popover position at the left edge', () => {
  it('starts at the work area’s left edge for a macOS menu-bar icon in the far-left corner', () => {
    const bounds = { x: 0, y: 0, width: 1440, height: 900 };
    const workArea = { x: 0, y: 25, width: 1440, height: 875 };
    const at = popoverPosition({ platform: 'darwin', trayBounds: { x: 4, y: 0, width: 22, height: 24 }, size, display: { bounds, workArea }, cursor: null });
    expect(at.x).toBe(0);
    expect(at.y).toBe(25 + POPOVER_GAP);
    expectInside(at, workArea);
  });

  it('stays on a secondary display to the right when its icon sits at that display’s left edge', () => {
    const bounds = { x: 1920, y: 0, width: 1920, height: 1080 };
    const workArea = { x: 1920, y: 0, width: 1920, height: 1040 };
    const at = popoverPosition({ platform: 'win32', trayBounds: { x: 1930, y: 1045, width: 24, height: 30 }, size, display: { bounds, workArea }, cursor: null });
    expect(at.x).toBe(1920);
    expectInside(at, workArea);
  });

  it('opens fully on screen from a Linux click near the left edge', () => {
    const bounds = { x: 0, y: 0, width: 1920, height: 1080 };
    const workArea = { x: 0, y: 28, width: 1920, height: 1052 };
    const at = popoverPosition({ platform: 'linux', trayBounds: { x: 0, y: 0, width: 0, height: 0 }, size, display: { bounds, workArea }, cursor: { x: 12, y: 10 } });
    expect(at.x).toBe(0);
    expectInside(at, workArea);
  });
});
