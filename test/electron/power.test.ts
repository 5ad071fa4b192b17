import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { net, powerMonitor, resetElectronFake } from '../support/electron-fake';
import { ONLINE_CHECK_MS, setupPowerEvents } from '../../electron/power';
import { HOUR, MINUTE } from '../../core/time';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
let dispose = () => {};
beforeEach(() => resetElectronFake());
afterEach(async () => {
  dispose();
  await h?.dispose();
  h = null;
});

async function start(platform: NodeJS.Platform = 'linux', onBattery = false) {
  resetElectronFake({ platform });
  powerMonitor.onBattery = onBattery;
  h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', { status: 200, body: fixture('openrouter/key-capped-weekly.json') }) });
  dispose = setupPowerEvents({ services: h.services, clock: h.clock, platform }).dispose;
  h.services.start();
  await h.clock.advance(0);
  return h;
}

describe('power and network events', () => {
  it('poll nothing while the machine sleeps, and refresh at once on wake', async () => {
    const { clock, http } = await start();
    powerMonitor.emit('suspend');
    await clock.advance(3 * HOUR);
    expect(http.count('/key')).toBe(1);
    powerMonitor.emit('resume');
    await clock.advance(0);
    expect(http.count('/key')).toBe(2);
  });

  for (const platform of ['darwin', 'win32'] as const) {
    it(`refresh on unlock when the data is more than a minute old, not on every unlock (${platform})`, async () => {
      const { clock, http, services } = await start(platform);
      await services.updateSettings({ pollingMode: 'fixed', refreshIntervalSec: 3600 });
      powerMonitor.emit('unlock-screen');
      await clock.advance(0);
      expect(http.count('/key')).toBe(1);
      await clock.advance(5 * MINUTE);
      powerMonitor.emit('unlock-screen');
      await clock.advance(0);
      expect(http.count('/key')).toBe(2);
    });
  }

  it('on Linux, where there is no unlock event, refreshes data older than a minute on wake instead', async () => {
    const { clock, http, services } = await start('linux');
    await services.updateSettings({ pollingMode: 'fixed', refreshIntervalSec: 3600 });
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(0);
    expect(() => powerMonitor.emit('unlock-screen')).toThrow(/never emits/);
    await clock.advance(5 * MINUTE);
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    await clock.advance(0);
    expect(http.count('/key')).toBe(2);
  });

  it('refresh when the network comes back', async () => {
    const { clock, http, services } = await start();
    await services.updateSettings({ pollingMode: 'fixed', refreshIntervalSec: 3600 });
    net.online = false;
    await clock.advance(ONLINE_CHECK_MS);
    expect(http.count('/key')).toBe(1);
    net.online = true;
    await clock.advance(ONLINE_CHECK_MS);
    expect(http.count('/key')).toBe(2);
    await clock.advance(ONLINE_CHECK_MS * 3);
    expect(http.count('/key')).toBe(2);
  });

  it('poll every 30 minutes while the screen is locked, and on the ordinary cadence once it is unlocked (adaptive)', async () => {
    const { clock, http } = await start('darwin');
    powerMonitor.emit('lock-screen');
    await clock.advance(HOUR);
    // At 0, 30 and 60 minutes.
    expect(http.count('/key')).toBe(3);
    powerMonitor.emit('unlock-screen');
    await clock.advance(0);
    expect(http.count('/key')).toBe(3); // the data is fresh: no extra request
    // Unchanged for an hour: the quiet cadence (15 minutes), no longer the locked one.
    await clock.advance(15 * MINUTE - 1);
    expect(http.count('/key')).toBe(3);
    await clock.advance(1);
    expect(http.count('/key')).toBe(4);
  });

  it('poll half as often on battery, read on every platform', async () => {
    const onBattery = await start('linux', true);
    await onBattery.clock.advance(14 * MINUTE);
    const batteryCount = onBattery.http.count('/key');
    dispose();
    await h?.dispose();
    const onAc = await start('linux');
    await onAc.clock.advance(14 * MINUTE);
    expect(onAc.http.count('/key')).toBe(8);
    expect(batteryCount).toBe(4);
  });

  it('stop listening once disposed', async () => {
    await start('darwin');
    dispose();
    dispose = () => {};
    expect(powerMonitor.listenerCount('resume')).toBe(0);
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(0);
    expect(powerMonitor.listenerCount('lock-screen')).toBe(0);
    expect(h!.clock.pending).toBeGreaterThan(0); // only the poller's own timer remains
  });
});
