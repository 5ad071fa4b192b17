import { afterEach, describe, it, expect, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { MINUTE } from '../../core/time';
import { PROVIDER_IDS } from '../../core/providers/registry';
import { createAppServices } from '../../app/services';
import { FakeClock } from '../support/fake-clock';
import { MemoryFiles } from '../support/memory-files';
import { ScriptedHttp } from '../support/scripted-http';
import { CANARY_KEY, fixture, makeHarness, type Harness } from '../support/app-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.dispose();
  h = null;
});

const capped = { status: 200, body: fixture('openrouter/key-capped-weekly.json') };
const unauthorized = { status: 401, body: fixture('openrouter/error-401.json') };

const openrouter = (hh: Harness) => hh.services.view().snapshots.find((s) => s.providerId === 'openrouter');

describe('app services', () => {
  it('poll every provider at start and show a capped OpenRouter key as a meter', async () => {
    h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', capped) });
    h.services.start();
    await h.clock.advance(0);
    expect(h.services.view().snapshots.map((s) => s.providerId)).toEqual(PROVIDER_IDS);
    expect(openrouter(h)).toMatchObject({ status: 'ok', windows: [{ kind: 'credits', limit: 20, remaining: 12.37 }] });
  });

  it('apply a new fixed refresh interval to the running poller without a restart', async () => {
    h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', capped) });
    h.services.start();
    await h.clock.advance(0);
    expect(h.http.count('/key')).toBe(1);
    await h.services.updateSettings({ pollingMode: 'fixed', refreshIntervalSec: 600 });
    await h.clock.advance(9 * MINUTE);
    expect(h.http.count('/key')).toBe(1);
    await h.clock.advance(1 * MINUTE);
    expect(h.http.count('/key')).toBe(2);
    await h.services.updateSettings({ refreshIntervalSec: 60 });
    await h.clock.advance(1 * MINUTE);
    expect(h.http.count('/key')).toBe(3);
  });

  it('stop asking OpenRouter and empty its card once the key is removed', async () => {
    h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', capped) });
    h.services.start();
    await h.clock.advance(0);
    const view = await h.services.removeKey('openrouter');
    await h.clock.advance(0);
    expect(view.credentials.find((c) => c.providerId === 'openrouter')).toMatchObject({ configured: false, label: null });
    expect(openrouter(h)).toMatchObject({ status: 'unconfigured', windows: [] });
    const asked = h.http.count('/key');
    await h.clock.advance(60 * MINUTE);
    expect(h.http.count('/key')).toBe(asked);
    expect(await h.secrets.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('test a key with one GET /key and store nothing', async () => {
    h = await makeHarness({ script: (http) => http.on('/key', capped) });
    const check = await h.services.testKey('openrouter', CANARY_KEY);
    expect(check).toEqual({ ok: true, label: 'sk-or-v1-…123' });
    expect(h.http.requests.map((r) => [r.url, r.headers?.Authorization])).toEqual([
      ['https://openrouter.ai/api/v1/key', `Bearer ${CANARY_KEY}`],
    ]);
    expect(await h.secrets.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('store a key only after /key accepts it, then show the provider at once', async () => {
    h = await makeHarness({ script: (http) => http.on('/key', unauthorized, capped) });
    h.services.start();
    await h.clock.advance(0);
    const refused = await h.services.saveKey('openrouter', CANARY_KEY);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.secrets.get('openrouter')).toEqual({ ok: true, value: null });

    const accepted = await h.services.saveKey('openrouter', CANARY_KEY);
    await h.clock.advance(0);
    expect(accepted.ok).toBe(true);
    expect(await h.secrets.get('openrouter')).toEqual({ ok: true, value: CANARY_KEY });
    expect(openrouter(h)?.status).toBe('ok');
    expect((await h.services.settingsView()).credentials[0]).toMatchObject({ origin: 'keychain', label: 'sk-or-v1-…123' });
  });

  it('refuse a key that is not an OpenRouter key without sending it anywhere', async () => {
    h = await makeHarness({ script: (http) => http.on('/key', capped) });
    const check = await h.services.saveKey('openrouter', 'sk-proj-abcdefabcdefabcdefabcdef');
    expect(check).toMatchObject({ ok: false, error: { kind: 'invalid_format' } });
    expect(h.http.requests).toEqual([]);
  });

  it('tell the settings window about every change', async () => {
    h = await makeHarness();
    const seen: number[] = [];
    h.services.onSettings((v) => seen.push(v.settings.refreshIntervalSec));
    await h.services.updateSettings({ refreshIntervalSec: 300 });
    expect(seen).toEqual([300]);
  });

  it('reads the keychain when the settings window asks, not again on every settings change', async () => {
    h = await makeHarness({ key: CANARY_KEY });
    const spy = vi.spyOn(h.secrets, 'get');
    // Reads of the key this test stores (other key providers' entries are read alongside).
    const get = () => spy.mock.calls.filter(([name]) => name === 'openrouter').length;
    const first = await h.services.settingsView();
    expect(get()).toBe(1);
    const after = await h.services.updateSettings({ startAtLogin: true });
    await h.services.updateSettings({ thresholds: [70, 90] });
    expect(get()).toBe(1);
    expect(after.credentials).toEqual(first.credentials);
    await h.services.removeKey('openrouter');
    await h.services.updateSettings({ startAtLogin: false });
    expect(get()).toBe(2);
  });

  it('save settings to the file, so the next start keeps them', async () => {
    h = await makeHarness();
    await h.services.updateSettings({ thresholds: [70, 90], resetNotice: true });
    const saved = JSON.parse(await readFile(h.settingsPath, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ thresholds: [70, 90], resetNotice: true });
    const dir = join(h.settingsPath, '..');
    const again = await makeHarness({ dir });
    expect(again.services.settings()).toMatchObject({ thresholds: [70, 90], resetNotice: true });
  });

  it('report a settings file it cannot write instead of pretending it saved', async () => {
    h = await makeHarness();
    const services = await createAppServices({
      env: {},
      platform: 'linux',
      homedir: '/home/dev',
      // A path under a regular file can never be created.
      settingsPath: join(h.settingsPath, 'nested', 'settings.json'),
      secrets: new MemorySecretStore(),
      clock: new FakeClock(),
      files: new MemoryFiles(),
      httpFor: () => new ScriptedHttp(),
    });
    await h.services.updateSettings({ refreshIntervalSec: 300 }); // makes settings.json a file
    await expect(services.updateSettings({ refreshIntervalSec: 90 })).rejects.toThrow(/could not be saved/);
    expect(services.settings().refreshIntervalSec).toBe(120);
  });
});

// Demo endpoints that point nowhere (port 9); the demo key the services should send instead of the user's.
const DEMO = {
  urls: { openrouter: 'http://127.0.0.1:9/openrouter', codex: 'http://127.0.0.1:9/codex', claude: 'http://127.0.0.1:9/claude', copilot: 'http://127.0.0.1:9/copilot', gemini: 'http://127.0.0.1:9/gemini' },
  codexHome: '/demo/codex',
  claudeConfigDir: '/demo/claude',
  copilotConfigHome: '/demo/config',
  geminiHome: '/demo/gemini',
  openrouterKey: 'sk-or-v1-demo-key-000000000000000000000',
};

describe('demo mode', () => {
  it('points every provider at the demo server with the demo key, ignoring the real environment key', async () => {
    const http = new ScriptedHttp().on('/key', capped);
    const clock = new FakeClock();
    const services = await createAppServices({
      env: { OPENROUTER_API_KEY: 'sk-or-v1-real-user-key-0000000000000000' },
      platform: 'linux',
      homedir: '/home/dev',
      clock,
      files: new MemoryFiles(),
      httpFor: () => http,
      demo: DEMO,
    });
    services.start();
    await clock.advance(0);
    services.stop();
    expect(http.requests.map((r) => [r.url, r.headers?.Authorization])).toEqual([
      ['http://127.0.0.1:9/openrouter/key', 'Bearer sk-or-v1-demo-key-000000000000000000000'],
    ]);
    expect((await services.settingsView()).demo).toBe(true);
  });
});

describe('demo mode keys', () => {
  const demo = { ...DEMO, openrouterManagementKey: 'sk-or-v1-demo-mgmt-00000000000000000000' };
  const start = () => createAppServices({ env: {}, platform: 'linux', homedir: '/home/dev', clock: new FakeClock(), files: new MemoryFiles(), httpFor: () => new ScriptedHttp(), demo });
  const managementLabel = async (s: Awaited<ReturnType<typeof start>>) => (await s.settingsView()).managementKeys?.find((k) => k.providerId === 'openrouter')?.label ?? null;
  const keyOrigin = async (s: Awaited<ReturnType<typeof start>>) => (await s.settingsView()).credentials.find((c) => c.providerId === 'openrouter');

  it('come back with the next start after being removed, as Settings says when they are removed', async () => {
    const first = await start();
    expect(await managementLabel(first)).not.toBeNull();
    await first.removeKey('openrouter', 'management');
    await first.removeKey('openrouter');
    expect(await managementLabel(first)).toBeNull();
    expect(await keyOrigin(first)).toMatchObject({ configured: false, label: null });

    const next = await start();
    expect(await managementLabel(next)).not.toBeNull();
    expect(await keyOrigin(next)).toMatchObject({ configured: true, origin: 'keychain' });
  });
});

describe('app services under stress', () => {
  it('apply two quick settings changes in order, losing neither', async () => {
    h = await makeHarness();
    await Promise.all([h.services.updateSettings({ refreshIntervalSec: 300 }), h.services.updateSettings({ resetNotice: true })]);
    expect(h.services.settings()).toMatchObject({ refreshIntervalSec: 300, resetNotice: true });
  });

  it('keep polling when a view listener throws', async () => {
    h = await makeHarness({ key: CANARY_KEY, script: (http) => http.on('/key', capped) });
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a) => void errors.push(a));
    h.services.onView(() => {
      throw new Error('window gone');
    });
    h.services.start();
    await h.clock.advance(2 * MINUTE);
    spy.mockRestore();
    expect(h.http.count('/key')).toBe(2);
    expect(String(errors[0])).toMatch(/view listener failed: window gone/);
  });
});
