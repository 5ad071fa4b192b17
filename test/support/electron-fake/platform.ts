// Which OS the electron fake pretends to run on (part of the electron fake). Events and members
// that Electron has only on some platforms exist only there, so a test cannot prove behaviour
// that the real platform would never trigger.

export const fakePlatform = { current: 'linux' as NodeJS.Platform };

/** Events Electron documents for some platforms only (electron.d.ts `@platform`). */
const ONLY_ON: Record<string, Record<string, readonly NodeJS.Platform[]>> = {
  Tray: {
    'right-click': ['darwin', 'win32'],
    'double-click': ['darwin', 'win32'],
    'middle-click': ['win32'],
    'mouse-down': ['darwin'],
    'mouse-up': ['darwin'],
    'balloon-show': ['win32'],
    'balloon-click': ['win32'],
  },
  powerMonitor: {
    'lock-screen': ['darwin', 'win32'],
    'unlock-screen': ['darwin', 'win32'],
    'user-did-become-active': ['darwin'],
    'user-did-resign-active': ['darwin'],
  },
};

/** Throws when `source` never emits `event` on the fake's platform. */
export function assertEmittable(source: keyof typeof ONLY_ON, event: string | symbol): void {
  const platforms = typeof event === 'string' ? ONLY_ON[source]![event] : undefined;
  if (platforms && !platforms.includes(fakePlatform.current)) {
    throw new Error(`${source} never emits '${String(event)}' on ${fakePlatform.current} (only on ${platforms.join(', ')})`);
  }
}
