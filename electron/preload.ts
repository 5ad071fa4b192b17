// The only module that touches ipcRenderer. Runs sandboxed with context isolation and exposes
// exactly `window.quotabar` (QuotabarBridge): the contract's channels, nothing else, no Electron objects.
import { contextBridge, ipcRenderer } from 'electron';
import { isEventChannel, isInvokeChannel, type QuotabarBridge } from '../app/contract';
import { wireChannel } from '../app/wire';

export const bridge: QuotabarBridge = {
  invoke(channel, req) {
    if (!isInvokeChannel(channel)) return Promise.reject(new Error('unknown channel'));
    return ipcRenderer.invoke(wireChannel(channel), req);
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error('unknown event');
    // The listener gets the payload only: the IPC event object (and its sender) stays here.
    const relay = (_e: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(wireChannel(event), relay);
    return () => {
      ipcRenderer.removeListener(wireChannel(event), relay);
    };
  },
};

contextBridge.exposeInMainWorld('quotabar', bridge);
