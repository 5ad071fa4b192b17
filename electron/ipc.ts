// The only module that touches ipcMain. Typed wrappers over the contract; every call is checked
// for its sender (one of our windows, showing one of our pages) before its payload is looked at.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isAppUrl } from '../app/pages';
import {
  INVOKE_CHANNELS,
  type EventChannel,
  type EventMap,
  type InvokeChannel,
  type InvokeHandlers,
  type InvokeMap,
} from '../app/contract';
import { wireChannel } from '../app/wire';
import type { AppServices } from '../app/services';
import { forwardEvents } from '../app/handlers';

export interface IpcDeps {
  services: AppServices;
  handlers: InvokeHandlers;
  windows: { isOurs(contents: WebContents): boolean; contents(): WebContents[] };
}

export interface IpcHandle {
  send<E extends EventChannel>(event: E, payload: EventMap[E]): void;
  dispose(): void;
}

/** A refused sender. The message says which channel; nothing about the payload. */
export class ForeignSenderError extends Error {
  constructor(channel: InvokeChannel) {
    super(`refused ${channel}: the sender is not a Quotabar window`);
    this.name = 'ForeignSenderError';
  }
}

type Trust = (event: IpcMainInvokeEvent) => boolean;

/** Registers one typed handler; the payload reaches `fn` only from a trusted sender. */
export function handle<C extends InvokeChannel>(
  channel: C,
  fn: (req: InvokeMap[C]['req']) => Promise<InvokeMap[C]['res']>,
  trusted: Trust,
): void {
  ipcMain.handle(wireChannel(channel), async (event, payload: unknown) => {
    if (!trusted(event)) throw new ForeignSenderError(channel);
    // The handler validates the payload itself (services/handlers.ts): both transports share the check.
    return fn(payload as InvokeMap[C]['req']);
  });
}

/** Pushes an event to every open window of ours. */
export function send<E extends EventChannel>(targets: WebContents[], event: E, payload: EventMap[E]): void {
  for (const wc of targets) if (!wc.isDestroyed()) wc.send(wireChannel(event), payload);
}

export function setupIpc(deps: IpcDeps): IpcHandle {
  const trusted: Trust = (event) =>
    deps.windows.isOurs(event.sender) && event.senderFrame !== null && isAppUrl(event.senderFrame.url);
  for (const channel of INVOKE_CHANNELS) {
    handle(channel, deps.handlers[channel] as (req: unknown) => Promise<never>, trusted);
  }
  const push = <E extends EventChannel>(event: E, payload: EventMap[E]) => send(deps.windows.contents(), event, payload);
  const unsubscribe = forwardEvents(deps.services, push);
  return {
    send: push,
    dispose() {
      unsubscribe();
      for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(wireChannel(channel));
    },
  };
}
