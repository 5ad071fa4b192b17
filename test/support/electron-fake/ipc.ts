// IPC on both sides plus contextBridge (part of the electron fake).
import { EventEmitter } from 'node:events';
import type { WebContents } from './web';

export interface IpcEvent {
  sender: WebContents;
  senderFrame: { url: string } | null;
}

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];

class FakeIpcMain {
  handlers = new Map<string, InvokeListener>();
  handle(channel: string, fn: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** As if `sender` (at frame URL `frameUrl`) invoked `channel`: resolves or rejects like ipcRenderer.invoke. */
  async invoke(channel: string, sender: WebContents, payload: unknown, frameUrl: string | null = sender.getURL()): Promise<unknown> {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`No handler registered for '${channel}'`);
    // The shell reads only these two fields of the event (ipc.ts checks the sender and its frame).
    const event: IpcEvent = { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } };
    return fn(event as unknown as Electron.IpcMainInvokeEvent, payload);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoked: Array<{ channel: string; payload: unknown }> = [];
  reply: (channel: string, payload: unknown) => unknown = () => null;
  async invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invoked.push({ channel, payload });
    return this.reply(channel, payload);
  }
  /** As if main sent `payload` on `channel` (listeners get an event object first, as in Electron). */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, { sender: 'ipc-event-object' }, payload);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed[key] = api;
  },
};
