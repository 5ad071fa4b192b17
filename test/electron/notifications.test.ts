import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
vi.mock('electron', () => import('../support/electron-fake'));
import { Notification, resetElectronFake } from '../support/electron-fake';
import { setupNotifications } from '../../electron/notifications';
import { HOUR, MINUTE } from '../../core/time';
import { CANARY_KEY, codexUsage, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
beforeEach(() => resetElectronFake());
afterEach(async () => {
  await h?.dispose();
  h = null;
});

/** Codex's 5-hour window follows `steps` (used %, resets at) one poll at a time. */
async function codexGoes(steps: Array<(now: number) => [number, number]>, settingsFile?: unknown) {
  h = await makeHarness({
    codex: true,
    ...(settingsFile ? { settingsFile } : {}),
    script: (http, clock) =>
      http.on(
        '/wham/usage',
        ...steps.map((s) => () => {
          const [used, resetsAt] = s(clock.now());
          return { status: 200, body: codexUsage(used, resetsAt) };
        }),
      ),
  });
  setupNotifications({ services: h.services, onClick: () => undefined });
  h.services.start();
  await h.clock.advance(0);
  for (let i = 1; i < steps.length; i++) await h.clock.advance(2 * MINUTE);
}

describe('notifications, end to end', () => {
  it('fire once at 80 % and once at 95 % as the 5-hour window fills, however often it is polled', async () => {
    const t0 = Date.UTC(2026, 8, 20, 12) + 3 * HOUR;
    await codexGoes([
      () => [50, t0],
      () => [81, t0],
      () => [84, t0],
      () => [96, t0],
      () => [97, t0],
      () => [99, t0],
    ]);
    expect(Notification.shown.map((n) => n.title)).toEqual([
      expect.stringMatching(/^Codex: 5-hour.* at 81 % used$/),
      expect.stringMatching(/^Codex: 5-hour.* at 96 % used$/),
    ]);
    expect(Notification.shown[1]!.body).toMatch(/alert at 95 %/);
  });

  it('fire again in the next window once the old one has reset', async () => {
    await codexGoes([
      (now) => [90, now + 3 * MINUTE],
      (now) => [90, now + MINUTE],
      (now) => [2, now + 5 * HOUR],
      (now) => [85, now + 5 * HOUR],
    ]);
    expect(Notification.shown.map((n) => n.body.slice(0, 20))).toEqual(['90 % used (alert at ', '85 % used (alert at ']);
  });

  it('stay quiet while the provider fails and its last numbers are shown as stale', async () => {
    h = await makeHarness({
      codex: true,
      script: (http, clock) => http.on('/wham/usage', { status: 200, body: codexUsage(90, clock.now() + HOUR) }, { status: 503, body: '' }),
    });
    setupNotifications({ services: h.services, onClick: () => undefined });
    h.services.start();
    await h.clock.advance(30 * MINUTE);
    expect(Notification.shown).toHaveLength(1);
  });

  it('warn once when OpenRouter credit drops below the dollar line from settings', async () => {
    const key = (remaining: number) => {
      const body = fixture('openrouter/key-capped-weekly.json') as { data: Record<string, unknown> };
      body.data.limit_remaining = remaining;
      return { status: 200, body };
    };
    h = await makeHarness({
      key: CANARY_KEY,
      settingsFile: { lowBalanceUsd: 5, thresholds: [100] },
      script: (http) => http.on('/key', key(9), key(4.5), key(4)),
    });
    setupNotifications({ services: h.services, onClick: () => undefined });
    h.services.start();
    await h.clock.advance(10 * MINUTE);
    expect(Notification.shown).toEqual([{ title: 'OpenRouter credit is low', body: '$4.50 left (alert below $5.00)' }]);
    expect(JSON.stringify(Notification.shown)).not.toContain(CANARY_KEY);
  });

  it('announce resets only when the setting asks for it', async () => {
    await codexGoes(
      [(now) => [90, now + MINUTE], (now) => [3, now + 5 * HOUR]],
      { resetNotice: true },
    );
    expect(Notification.shown.map((n) => n.title)).toEqual([
      expect.stringMatching(/at 90 % used/),
      expect.stringMatching(/has reset$/),
    ]);
  });

  it('open the popover when clicked, and replace an older one about the same window', async () => {
    const { electronNotifier } = await import('../../electron/notifications');
    let opened = 0;
    const n = electronNotifier(() => void opened++);
    n.notify({ id: 'codex/session/threshold', title: '80', body: '' });
    n.notify({ id: 'codex/session/threshold', title: '95', body: '' });
    n.notify({ id: 'openrouter/credits/low_balance', title: 'low', body: '' });
    const [first, second, third] = Notification.instances;
    expect([first!.closed, second!.closed, third!.closed]).toEqual([true, false, false]);
    second!.emit('click');
    expect(opened).toBe(1);
  });

  it('delivers nothing (and does not crash) where the desktop has no notifications', async () => {
    Notification.supported = false;
    await codexGoes([() => [99, Date.UTC(2026, 8, 20, 15)]]);
    expect(Notification.shown).toEqual([]);
  });
});
