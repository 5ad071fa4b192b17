// The process and the machine: app, screen, powerMonitor, net (part of the electron fake).
import { EventEmitter } from 'node:events';
import { assertEmittable } from './platform';
import { FakeEvent, type Rect } from './web';

class FakePowerMonitor extends EventEmitter {
  /** What isOnBatteryPower() answers; tests flip it. */
  onBattery = false;
  isOnBatteryPower(): boolean {
    return this.onBattery;
  }
  /** Refuses events Electron never emits on the fake's platform (unlock-screen on Linux). */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    assertEmittable('powerMonitor', event);
    return super.emit(event, ...args);
  }
}
export const powerMonitor = new FakePowerMonitor();

export interface Display {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
}

const inside = (p: { x: number; y: number }, r: Rect) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

export const screen = {
  displays: [] as Display[],
  cursor: { x: 0, y: 0 },
  getAllDisplays(): Display[] {
    return this.displays;
  },
  getPrimaryDisplay(): Display {
    return this.displays[0]!;
  },
  getCursorScreenPoint() {
    return { ...this.cursor };
  },
  getDisplayNearestPoint(p: { x: number; y: number }): Display {
    return this.displays.find((d) => inside(p, d.bounds)) ?? this.displays[0]!;
  },
  getDisplayMatching(r: Rect): Display {
    return this.getDisplayNearestPoint({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  },
};

class FakeApp extends EventEmitter {
  lockGranted = true;
  quitCalled = false;
  ready = true;
  loginItem: { openAtLogin?: boolean } = { openAtLogin: false };
  /** macOS only, as in Electron: resetElectronFake({ platform: 'darwin' }) provides it. */
  dock: { hidden: boolean; hide(): void; show(): void } | undefined = undefined;
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  quit(): void {
    this.quitCalled = true;
    this.emit('before-quit', new FakeEvent());
  }
  exit(): void {
    this.quitCalled = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return this.ready;
  }
  getAppPath(): string {
    return '/opt/quotabar/resources/app.asar';
  }
  getPath(name: string): string {
    return `/tmp/quotabar-fake/${name}`;
  }
  setLoginItemSettings(s: { openAtLogin?: boolean }): void {
    this.loginItem = { ...s };
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { openAtLogin: this.loginItem.openAtLogin === true };
  }
  setAppUserModelId(): void {}
}
export const app = new FakeApp();

export const net = {
  online: true,
  isOnline(): boolean {
    return this.online;
  },
};

