// DeepSeek through its adapter over real HTTP: credential discovery (DEEPSEEK_API_KEY, then the
// keychain), the base URL override, and what 200, 401, 429 and a slow answer become.
import { describe, expect, it } from 'vitest';
import { buildProvider, resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { adapterOf } from '../../../adapters/providers/registry';
import { SystemClock } from '../../../adapters/system-clock';
import { fixture } from '../../core/providers/load-fixture';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler } from '../../support/loopback-server';
import { MemoryFiles } from '../../support/memory-files';

const ENV_KEY = 'sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const STORED_KEY = 'sk-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const { serve, client } = httpClientFixture();

async function deepseekAgainst(handler: LoopbackHandler, opts: { env?: Record<string, string>; stored?: string; timeoutMs?: number } = {}) {
  const server = await serve(handler);
  const config = resolveConfig({ QUOTABAR_DEEPSEEK_URL: server.url, ...opts.env }, 'linux', '/home/me');
  const secrets = new MemorySecretStore({ initial: opts.stored ? { deepseek: opts.stored } : {} });
  const deps = {
    secrets,
    files: new MemoryFiles(),
    clock: new SystemClock(),
    httpFor: (base: string) => client([new URL(base).origin], { defaultTimeoutMs: opts.timeoutMs ?? 5_000 }),
  };
  const provider = buildProvider('deepseek', config, deps);
  return { server, fetch: () => provider.sources[0]!.fetch(), status: () => adapterOf('deepseek').credentialStatus(config, deps) };
}

describe('the DeepSeek adapter over real HTTP', () => {
  it('reads the balance with DEEPSEEK_API_KEY, which wins over the stored key', async () => {
    const { server, fetch, status } = await deepseekAgainst(() => ({ status: 200, body: fixture('deepseek', 'balance-cny') }), {
      env: { DEEPSEEK_API_KEY: ENV_KEY },
      stored: STORED_KEY,
    });
    const r = await fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.remaining, w.unit])).toEqual([['balance:cny', 110, 'cny']]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/user/balance' });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ENV_KEY}`);
    expect(await status()).toEqual({ configured: true, origin: 'env', label: 'sk-…aaa', error: null });
  });

  it('uses the stored key when the variable is unset', async () => {
    const { server, fetch, status } = await deepseekAgainst(() => ({ status: 200, body: fixture('deepseek', 'balance-cny') }), { stored: STORED_KEY });
    expect((await fetch()).ok).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${STORED_KEY}`);
    expect(await status()).toEqual({ configured: true, origin: 'keychain', label: 'sk-…bbb', error: null });
  });

  it('is not set up, and asks nothing, with neither', async () => {
    const { server, fetch } = await deepseekAgainst(() => ({ status: 200, body: fixture('deepseek', 'balance-cny') }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'deepseek key' } });
    expect(server.requests).toHaveLength(0);
  });

  it('says the key was rejected on 401', async () => {
    const { fetch } = await deepseekAgainst(() => ({ status: 401, body: fixture('deepseek', 'error-401') }), { stored: STORED_KEY });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'check_key' } });
  });

  it('reads 429 as throttling for the Retry-After sent', async () => {
    const { fetch } = await deepseekAgainst(() => ({ status: 429, headers: { 'Retry-After': '90' }, body: fixture('deepseek', 'error-429') }), { stored: STORED_KEY });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 90_000 } });
  });

  it('gives up with a timeout when the answer is slow', async () => {
    const { fetch } = await deepseekAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('deepseek', 'balance-cny') }), {
      stored: STORED_KEY,
      timeoutMs: 300,
    });
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });
});
