import { afterEach, describe, it, expect } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeHandlers } from '../../app/contract';
import { createInvokeHandlers, type WindowActions } from '../../app/handlers';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

function recordingActions() {
  const calls: string[] = [];
  const actions: WindowActions = {
    openSettings: () => calls.push('openSettings'),
    openHistory: () => calls.push('openHistory'),
    openCost: () => calls.push('openCost'),
    hidePopover: () => calls.push('hidePopover'),
    fitPopover: (height) => calls.push(`fitPopover:${height}`),
    openExternal: (url) => calls.push(`openExternal ${url}`),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

async function setup(): Promise<{ handlers: InvokeHandlers; calls: string[] }> {
  h = await makeHarness({
    key: CANARY_KEY,
    script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }),
  });
  const { calls, actions } = recordingActions();
  return { handlers: createInvokeHandlers(h.services, actions), calls };
}

// Calls a handler with a payload of any shape, as a hostile renderer could.
const call = (handlers: InvokeHandlers, channel: InvokeChannel, payload: unknown) =>
  (handlers[channel] as (req: unknown) => Promise<unknown>)(payload);

describe('invoke handlers', () => {
  it('never return the stored key, whatever the renderer asks', async () => {
    const { handlers } = await setup();
    h!.services.start();
    await h!.clock.advance(0);
    const pushed: unknown[] = [];
    h!.services.onView((v) => pushed.push(v));
    h!.services.onSettings((v) => pushed.push(v));
    const answers: unknown[] = [
      await handlers['view:get'](null),
      await handlers.refresh({ providerId: null }),
      await handlers['settings:get'](null),
      await handlers['settings:update']({ refreshIntervalSec: 300 }),
      await handlers['key:test']({ providerId: 'openrouter', key: CANARY_KEY }),
      await handlers['key:save']({ providerId: 'openrouter', key: CANARY_KEY }),
      await handlers['key:remove']({ providerId: 'openrouter' }),
    ];
    const everything = JSON.stringify([answers, pushed]);
    expect(everything).toContain('sk-or-v1-');
    expect(everything).not.toContain(CANARY_KEY);
    expect(everything).not.toContain(CANARY_KEY.slice(9, 30));
  });

  it('refuse a payload that is not an object on every channel that takes one', async () => {
    const { handlers } = await setup();
    for (const channel of ['refresh', 'settings:update', 'key:test', 'key:save', 'key:remove', 'link:open'] as const) {
      for (const bad of ['x', 42, [1], true]) {
        await expect(call(handlers, channel, bad), `${channel} ${JSON.stringify(bad)}`).rejects.toThrow(/invalid payload/);
      }
    }
  });

  it('refuse a payload on channels that take none', async () => {
    const { handlers, calls } = await setup();
    const noInput = INVOKE_CHANNELS.filter((c) => ['view:get', 'settings:get', 'window:open-settings', 'window:hide-popover', 'app:quit'].includes(c));
    for (const channel of noInput) await expect(call(handlers, channel, { sneaky: 1 })).rejects.toThrow(/invalid payload/);
    expect(calls).toEqual([]);
  });

  it('refuse a key longer than 512 characters without sending it anywhere', async () => {
    const { handlers } = await setup();
    await expect(call(handlers, 'key:save', { providerId: 'openrouter', key: `sk-or-v1-${'a'.repeat(600)}` })).rejects.toThrow(/too long/);
    expect(h!.http.requests).toEqual([]);
  });

  it('answer a key with spaces or control characters with a format error and send nothing', async () => {
    const { handlers } = await setup();
    for (const key of ['sk-or-v1-abc def0123456789', 'sk-or-v1-abc\u0000def0123456789', ' sk-or-v1-abcdef0123456789\n']) {
      expect(await handlers['key:test']({ providerId: 'openrouter', key })).toMatchObject({ ok: false, error: { kind: 'invalid_format' } });
    }
    expect(h!.http.requests).toEqual([]);
  });

  it('refuse keys for providers whose credentials Quotabar does not store', async () => {
    const { handlers } = await setup();
    await expect(call(handlers, 'key:save', { providerId: 'codex', key: CANARY_KEY })).rejects.toThrow(/invalid payload/);
    await expect(call(handlers, 'key:remove', { providerId: 'claude' })).rejects.toThrow(/invalid payload/);
    await expect(call(handlers, 'key:test', { providerId: 'openrouter', key: 42 })).rejects.toThrow(/invalid payload/);
  });

  it('open only https links, in the system browser', async () => {
    const { handlers, calls } = await setup();
    for (const url of ['http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'not a url']) {
      await expect(call(handlers, 'link:open', { url })).rejects.toThrow(/only https/);
    }
    await handlers['link:open']({ url: 'https://openrouter.ai/settings/keys' });
    expect(calls).toEqual(['openExternal https://openrouter.ai/settings/keys']);
  });

  it('refuse unknown settings and bring out-of-range values back into range', async () => {
    const { handlers } = await setup();
    await expect(call(handlers, 'settings:update', { refreshIntervalSec: 60, __proto__x: 1 })).rejects.toThrow(/unknown setting/);
    const v = await handlers['settings:update']({ refreshIntervalSec: 1, thresholds: [120, 50, 50, 'x'] as unknown as number[] });
    expect(v.settings).toMatchObject({ refreshIntervalSec: 30, thresholds: [50] });
  });

  it('refuse a refresh for a malformed provider id', async () => {
    const { handlers } = await setup();
    await expect(call(handlers, 'refresh', { providerId: '../../etc' })).rejects.toThrow(/invalid payload/);
  });

  it('pass window commands to the shell', async () => {
    const { handlers, calls } = await setup();
    await handlers['window:open-settings'](null);
    await handlers['window:open-history'](null);
    await handlers['window:hide-popover'](undefined as unknown as null);
    await handlers['app:quit'](null);
    expect(calls).toEqual(['openSettings', 'openHistory', 'hidePopover', 'quit']);
  });

  it('resize the popover only to a plausible whole number of pixels', async () => {
    const { handlers, calls } = await setup();
    await handlers['window:fit-popover']({ height: 512.4 });
    expect(calls).toEqual(['fitPopover:513']);
    for (const bad of [{ height: 'tall' }, { height: -1 }, { height: Infinity }, { height: 1e9 }, null]) {
      await expect(call(handlers, 'window:fit-popover', bad)).rejects.toThrow(/invalid payload/);
    }
    expect(calls).toHaveLength(1);
  });

  it('have a handler for every channel in the contract', async () => {
    const { handlers } = await setup();
    expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});
