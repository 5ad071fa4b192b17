// Windows and what they load: BrowserWindow, WebContents, session, protocol (part of the electron fake).
import { EventEmitter } from 'node:events';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A cancellable event as Electron passes to will-navigate and friends. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  readonly mainFrame = { url: '', routingId: 1 };
  readonly session = session.defaultSession;

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(h: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = h;
  }
  /** As if the page tried to navigate: true when something prevented it. */
  tryNavigate(url: string, event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate' = 'will-navigate'): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
  /** As if the page called window.open: the handler's answer ('deny' when none is set means allowed). */
  tryOpenWindow(url: string): 'allow' | 'deny' {
    const details: Electron.HandlerDetails = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: this.url, policy: 'strict-origin-when-cross-origin' } };
    return this.windowOpenHandler ? this.windowOpenHandler(details).action : 'allow';
  }
  /** As if the page finished loading `url`. */
  load(url: string): void {
    this.url = url;
    this.mainFrame.url = url;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new WebContents();
  readonly options: Record<string, any>;
  loadedUrl: string | null = null;
  visible = false;
  destroyed = false;
  bounds: Rect;
  alwaysOnTop: boolean;
  onAllWorkspaces = false;

  constructor(options: Record<string, any> = {}) {
    super();
    this.options = options;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.alwaysOnTop = options.alwaysOnTop === true;
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.load(url);
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.emit('show');
  }
  showInactive(): void {
    this.show();
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.emit('focus');
  }
  /** As if the window lost focus (a click elsewhere). */
  blur(): void {
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  close(): void {
    const e = new FakeEvent();
    this.emit('close', e);
    if (!e.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  setBounds(b: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...b };
  }
  getSize(): [number, number] {
    return [this.bounds.width, this.bounds.height];
  }
  setSize(width: number, height: number): void {
    this.bounds = { ...this.bounds, width, height };
  }
  setPosition(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y };
  }
  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y];
  }
  setAlwaysOnTop(v: boolean): void {
    this.alwaysOnTop = v;
  }
  setVisibleOnAllWorkspaces(v: boolean): void {
    this.onAllWorkspaces = v;
  }
  setMenuBarVisibility(): void {}
  removeMenu(): void {}
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  cb: (r: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

export const session = {
  defaultSession: {
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null,
    permissionCheckHandler: null as ((wc: unknown, permission: string) => boolean) | null,
    webRequest: {
      onHeadersReceived(fn: HeadersListener) {
        session.defaultSession.headersListener = fn;
      },
    },
    setPermissionRequestHandler(fn: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequestHandler = fn;
    },
    setPermissionCheckHandler(fn: (wc: unknown, permission: string) => boolean) {
      this.permissionCheckHandler = fn;
    },
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (req: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, fn: (req: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, fn);
  },
};
