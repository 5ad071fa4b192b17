// A recognisable fake OpenRouter management key goes through the Settings window's handlers as a user
// would send it (test, a refusal, save, the team view's polls, remove), against a hostile provider that
// echoes it back in every answer. Then we look for it everywhere it must not be.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { createAppServices } from '../../app/services';
import { createInvokeHandlers } from '../../app/handlers';
import { fixture } from '../core/providers/load-fixture';
import { RecordingNotifier } from '../support/app-harness';
import { capturingOutput } from '../support/capture-output';
import { FakeClock } from '../support/fake-clock';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server';

const CANARY = 'sk-or-v1-MGMTCANARY-5b1d4068a7f3c9e2b5d1a4068f7a3c9e2b5d1a407f3a9c2e5b1d40';
const KEY = `sk-or-v1-${'0a1b'.repeat(16)}`;
/** Any text holding this word leaked (part of) the management key. */
const MARK = 'MGMTCANARY';
const capped = fixture<{ data: Record<string, unknown> }>('openrouter', 'key-capped-weekly').data;

let refuse = false;
let provider: LoopbackServer;
let other: LoopbackServer;
let home: string;
const seen: Array<{ where: string; text: string }> = [];
const record = (where: string, v: unknown) => seen.push({ where, text: typeof v === 'string' ? v : JSON.stringify(v) });
const captured: string[] = [];

// A hostile OpenRouter: /keys echoes the bearer token as each key's name and label, and in its 403.
async function startProvider(): Promise<LoopbackServer> {
  return startLoopbackServer((req) => {
    const auth = String(req.headers.authorization);
    const path = req.path.split('?')[0]!;
    if (path.endsWith('/key')) return auth === `Bearer ${KEY}` ? { body: { data: capped } } : { status: 401, body: { error: { code: 401, message: `Invalid key: ${auth}` } } };
    if (path.endsWith('/keys')) {
      if (refuse || auth !== `Bearer ${CANARY}`) return { status: 403, body: { error: { code: 403, message: `Only management keys: ${auth}` } } };
      return { body: { data: [{ hash: 'h1', name: `CI ${auth}`, label: auth, disabled: false, limit: 10, limit_remaining: 4, limit_reset: 'monthly', usage: 6 }] } };
    }
    return { status: 404, body: { error: { code: 404, message: `no route for ${auth}` } } };
  });
}

async function journey(): Promise<void> {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    QUOTABAR_OPENROUTER_URL: `${provider.url}/api/v1`,
    // Every other provider lives on "another host": it must never see the management key.
    QUOTABAR_CODEX_URL: `${other.url}/backend-api`,
    QUOTABAR_CLAUDE_URL: other.url,
    QUOTABAR_TIMEOUT_MS: '3000',
  };
  const clock = new FakeClock(Date.now());
  const secrets = new MemorySecretStore({ initial: { openrouter: KEY } });
  const services = await createAppServices({ env, platform: 'linux', homedir: home, secrets, clock, notifier: new RecordingNotifier(), history: null });
  services.onView((v) => record('pushed view', v));
  services.onSettings((v) => record('pushed settings', v));
  const handlers = createInvokeHandlers(services, { openSettings() {}, openHistory() {}, openCost() {}, hidePopover() {}, fitPopover() {}, openExternal() {}, quit() {} });
  record('key:test', await handlers['key:test']({ providerId: 'openrouter', key: CANARY, slot: 'management' }));
  refuse = true;
  const refused = await handlers['key:save']({ providerId: 'openrouter', key: CANARY, slot: 'management' });
  expect(refused.ok).toBe(false);
  record('key:save refused', refused);
  refuse = false;
  const saved = await handlers['key:save']({ providerId: 'openrouter', key: CANARY, slot: 'management' });
  expect(saved).toMatchObject({ ok: true, keys: 1 });
  record('key:save', saved);
  record('refresh', await handlers.refresh({ providerId: null }));
  record('settings:get', await handlers['settings:get'](null));
  refuse = true;
  record('refresh refused', await handlers.refresh({ providerId: 'openrouter' }));
  record('view:get', await handlers['view:get'](null));
  record('key:remove', await handlers['key:remove']({ providerId: 'openrouter', slot: 'management' }));
  services.stop();
}

beforeAll(async () => {
  provider = await startProvider();
  other = await startLoopbackServer(() => ({ status: 404, body: { error: 'not here' } }));
  home = await mkdtemp(join(tmpdir(), 'quotabar-mgmt-canary-'));
  await capturingOutput(captured, journey);
}, 60_000);

afterAll(async () => {
  await provider?.close();
  await other?.close();
  await rm(home, { recursive: true, force: true });
});

describe('a canary OpenRouter management key set from Settings', () => {
  it('reached the provider’s /keys, and only /keys, so the journey really carried it', () => {
    const carried = provider.requests.filter((r) => r.headers.authorization === `Bearer ${CANARY}`);
    expect(carried.length).toBeGreaterThanOrEqual(4);
    expect(carried.every((r) => r.path.split('?')[0]!.endsWith('/api/v1/keys'))).toBe(true);
  });

  it('appears in no handler answer, pushed view or settings event, even echoed back by the provider', () => {
    expect(seen.filter((s) => s.text.includes(MARK)).map((s) => s.where)).toEqual([]);
    // The team view was really shown (its row is there, without the echoed name and label).
    expect(seen.some((s) => s.where === 'refresh' && s.text.includes('"team:h1"'))).toBe(true);
  });

  it('caused no console output and no direct writes to stdout or stderr', () => {
    expect(captured.filter((c) => c.includes(MARK))).toEqual([]);
  });

  it('never reached another host', () => {
    expect(other.requests.filter((r) => JSON.stringify(r).includes(MARK))).toEqual([]);
  });
});
