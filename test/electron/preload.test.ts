import { beforeAll, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { contextBridge, ipcRenderer, resetElectronFake } from '../support/electron-fake';
import type { QuotabarBridge } from '../../app/contract';

let bridge: QuotabarBridge;
beforeAll(async () => {
  resetElectronFake();
  await import('../../electron/preload');
  bridge = contextBridge.exposed.quotabar as QuotabarBridge;
});

describe('preload bridge', () => {
  it('exposes exactly window.quotabar with invoke and on, and nothing of Electron', () => {
    expect(Object.keys(contextBridge.exposed)).toEqual(['quotabar']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('passes contract calls to main under the quotabar: prefix', async () => {
    ipcRenderer.reply = (channel) => (channel === 'quotabar:view:get' ? { snapshots: [], refreshing: [] } : null);
    await expect(bridge.invoke('view:get', null)).resolves.toEqual({ snapshots: [], refreshing: [] });
    expect(ipcRenderer.invoked.at(-1)).toEqual({ channel: 'quotabar:view:get', payload: null });
  });

  it('refuses channels outside the contract', async () => {
    const before = ipcRenderer.invoked.length;
    await expect(bridge.invoke('shell:exec' as never, null as never)).rejects.toThrow(/unknown channel/);
    expect(() => bridge.on('quotabar:view' as never, () => {})).toThrow(/unknown event/);
    expect(ipcRenderer.invoked.length).toBe(before);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.on('view', (...args: unknown[]) => void got.push(args));
    ipcRenderer.deliver('quotabar:view', { snapshots: [], refreshing: ['codex'] });
    off();
    ipcRenderer.deliver('quotabar:view', { snapshots: [], refreshing: [] });
    expect(got).toEqual([[{ snapshots: [], refreshing: ['codex'] }]]);
  });
});
