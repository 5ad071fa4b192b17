// What the user sees outside windows: Tray, Menu, nativeImage, Notification, nativeTheme, shell
// (part of the electron fake).
import { EventEmitter } from 'node:events';
import { assertEmittable } from './platform';
import type { Rect } from './web';

export interface FakeImage {
  reps: Array<{ scaleFactor: number; buffer: Buffer }>;
  template: boolean;
  setTemplateImage(v: boolean): void;
  isTemplateImage(): boolean;
  addRepresentation(o: { scaleFactor?: number; buffer?: Buffer }): void;
  toPNG(): Buffer;
  isEmpty(): boolean;
}

function makeImage(reps: FakeImage['reps'] = []): FakeImage {
  return {
    reps,
    template: false,
    setTemplateImage(v) {
      this.template = v;
    },
    isTemplateImage() {
      return this.template;
    },
    addRepresentation(o) {
      if (o.buffer) this.reps.push({ scaleFactor: o.scaleFactor ?? 1, buffer: o.buffer });
    },
    toPNG() {
      return this.reps[0]?.buffer ?? Buffer.alloc(0);
    },
    isEmpty() {
      return this.reps.length === 0;
    },
  };
}

export const nativeImage = {
  createFromBuffer: (buffer: Buffer, opts: { scaleFactor?: number } = {}) => makeImage([{ scaleFactor: opts.scaleFactor ?? 1, buffer }]),
  createEmpty: () => makeImage(),
};

export interface FakeMenuItem {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  role?: string;
  click?: (item: FakeMenuItem, win?: unknown, event?: unknown) => void;
}

export class Menu {
  /** How many menus the shell has built since the last reset. */
  static built = 0;
  constructor(readonly items: FakeMenuItem[]) {}
  static buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): Electron.Menu {
    Menu.built++;
    return new Menu(template.map((t) => ({ ...(t as FakeMenuItem) }))) as unknown as Electron.Menu;
  }
  /** Clicks the item with this label, as a user would. */
  click(label: string): void {
    const item = this.items.find((i) => i.label === label);
    if (!item) throw new Error(`no menu item "${label}"`);
    if (item.type === 'checkbox') item.checked = !item.checked;
    item.click?.(item, undefined, {});
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  /** What the next tray's getBounds() answers (Linux often gives all zeros). */
  static bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };
  image: FakeImage | string;
  readonly guid: string | null;
  tooltip = '';
  title = '';
  contextMenu: Menu | null = null;
  /** How many times the shell called setContextMenu. */
  contextMenuSets = 0;
  poppedUp: Menu[] = [];
  destroyed = false;
  constructor(image: Electron.NativeImage | string, guid?: string) {
    super();
    this.image = image as unknown as FakeImage | string;
    this.guid = guid ?? null;
    Tray.instances.push(this);
  }
  /** Refuses events that Electron never emits for a tray on the fake's platform (e.g. right-click on Linux). */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    assertEmittable('Tray', event);
    return super.emit(event, ...args);
  }
  setImage(image: Electron.NativeImage | string): void {
    this.image = image as unknown as FakeImage | string;
  }
  setToolTip(t: string): void {
    this.tooltip = t;
  }
  setTitle(t: string): void {
    this.title = t;
  }
  setContextMenu(m: Electron.Menu | null): void {
    this.contextMenuSets++;
    this.contextMenu = m as unknown as Menu | null;
  }
  popUpContextMenu(m?: Electron.Menu): void {
    const menu = (m as unknown as Menu | undefined) ?? this.contextMenu;
    if (menu) this.poppedUp.push(menu);
  }
  setIgnoreDoubleClickEvents(): void {}
  getBounds(): Rect {
    return { ...Tray.bounds };
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class Notification extends EventEmitter {
  static shown: Array<{ title: string; body: string }> = [];
  static instances: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  closed = false;
  constructor(readonly options: { title?: string; body?: string } = {}) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    Notification.shown.push({ title: this.options.title ?? '', body: this.options.body ?? '' });
  }
  close(): void {
    this.closed = true;
    this.emit('close');
  }
}

class FakeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  themeSource = 'system';
  /** As if the OS switched between light and dark. */
  setDark(dark: boolean): void {
    this.shouldUseDarkColors = dark;
    this.emit('updated');
  }
}
export const nativeTheme = new FakeTheme();

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};
