// Moonshot through its adapter over real HTTP: credential discovery (MOONSHOT_API_KEY, then the
// keychain), the base URL override and its origin allow-list, and what 200, 401, 429 and a slow answer become.
import { describe, expect, it } from 'vitest';
import { buildProvider, resolveConfig } from '../../../adapters/compose';
import { httpForBase } from '../../../adapters/providers/context';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { adapterOf } from '../../../adapters/providers/registry';
import { SystemClock } from '../../../adapters/system-clock';
import { fixture } from '../../core/providers/load-fixture';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler } from '../../support/loopback-server';
import { MemoryFiles } from '../../support/memory-files';

const ENV_KEY = `sk-${'A'.repeat(48)}`;
const STORED_KEY = `sk-${'B'.repeat(48)}`;
const { serve, client } = httpClientFixture();

async function moonshotAgainst(handler: LoopbackHandler, opts: { env?: Record<string, string>; stored?: string; timeoutMs?: number } = {}) {
  const server = await serve(handler);
  const config = resolveConfig({ QUOTABAR_MOONSHOT_URL: `${server.url}/v1`, ...opts.env }, 'linux', '/home/me');
  const secrets = new MemorySecretStore({ initial: opts.stored ? { moonshot: opts.stored } : {} });
  const deps = {
    secrets,
    files: new MemoryFiles(),
    clock: new SystemClock(),
    httpFor: (base: string) => client([new URL(base).origin], { defaultTimeoutMs: opts.timeoutMs ?? 5_000 }),
  };
  const provider = buildProvider('moonshot', config, deps);
  return { server, fetch: () => provider.sources[0]!.fetch(), status: () => adapterOf('moonshot').credentialStatus(config, deps) };
}

describe('the Moonshot adapter over real HTTP', () => {
  it('reads the balance with MOONSHOT_API_KEY, which wins over the stored key', async () => {
    const { server, fetch, status } = await moonshotAgainst(() => ({ status: 200, body: fixture('moonshot', 'balance-cash-overdrawn') }), {
      env: { MOONSHOT_API_KEY: ENV_KEY },
      stored: STORED_KEY,
    });
    const r = await fetch();
    // A loopback host is not the China platform: dollars.
    expect(r.ok && r.value.windows.map((w) => [w.id, w.remaining, w.unit])).toEqual([['balance', 18.45, 'usd']]);
    expect(r.ok && r.value.notes).toEqual([{ code: 'cash_overdrawn', amount: -1.55, unit: 'usd' }]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/users/me/balance' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ENV_KEY}`);
    expect(await status()).toEqual({ configured: true, origin: 'env', label: 'sk-…AAA', error: null });
  });

  it('uses the stored key when the variable is unset', async () => {
    const { server, fetch, status } = await moonshotAgainst(() => ({ status: 200, body: fixture('moonshot', 'balance') }), { stored: STORED_KEY });
    expect((await fetch()).ok).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${STORED_KEY}`);
    expect(await status()).toEqual({ configured: true, origin: 'keychain', label: 'sk-…BBB', error: null });
  });

  it('says the key was rejected on 401 and on status:false inside a 200', async () => {
    const { fetch } = await moonshotAgainst(() => ({ status: 401, body: fixture('moonshot', 'error-401') }), { stored: STORED_KEY });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } });
    const inside = await moonshotAgainst(() => ({ status: 200, body: fixture('moonshot', 'status-false-auth') }), { stored: STORED_KEY });
    expect(await inside.fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: null, hint: 'check_key' } });
  });

  it('reads 429 as throttling for the Retry-After sent', async () => {
    const { fetch } = await moonshotAgainst(() => ({ status: 429, headers: { 'Retry-After': '12' }, body: fixture('moonshot', 'error-429') }), { stored: STORED_KEY });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 12_000 } });
  });

  it('gives up with a timeout when the answer is slow', async () => {
    const { fetch } = await moonshotAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('moonshot', 'balance') }), { stored: STORED_KEY, timeoutMs: 300 });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });

  it('sends a key only to the configured region: the other region’s host is refused before any connection', async () => {
    const config = resolveConfig({}, 'linux', '/home/me');
    const http = httpForBase(config.urls.moonshot!);
    const r = await http.request({ url: 'https://api.moonshot.cn/v1/users/me/balance', method: 'GET', headers: { Authorization: `Bearer ${STORED_KEY}` } });
    expect(r).toEqual({ ok: false, error: { kind: 'transport', code: 'blocked_origin' } });
  });
});
