// The MiniMax adapter over real HTTP: credential discovery (MINIMAX_API_KEY, then the keychain),
// the origin-limited undici client the app uses, and the provider against a loopback server.
import { afterEach, describe, expect, it } from 'vitest';
import { buildProvider, resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { adapterOf } from '../../../adapters/providers/registry';
import { SystemClock } from '../../../adapters/system-clock';
import { runChain } from '../../../core/provider';
import { fixture } from '../../core/providers/load-fixture';
import { MemoryFiles } from '../../support/memory-files';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '../../support/loopback-server';

const ENV_KEY = 'sk-cp-envkey0000000000000000000EnvAbc';
const STORED_KEY = 'sk-api-storedkey00000000000000000StoXyz';
const PATH = '/v1/api/openplatform/coding_plan/remains';
let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function miniMaxAgainst(handler: LoopbackHandler, env: Record<string, string> = {}, stored: string | null = STORED_KEY, timeoutMs = 5_000) {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  const config = resolveConfig({ QUOTABAR_MINIMAX_URL: server.url, QUOTABAR_TIMEOUT_MS: String(timeoutMs), ...env }, 'linux', '/home/dev');
  const deps = { secrets: new MemorySecretStore({ initial: stored ? { minimax: stored } : {} }), files: new MemoryFiles(), clock: new SystemClock({ unref: true }) };
  const provider = buildProvider('minimax', config, deps);
  return { server, provider, config, deps, fetch: () => provider.sources[0]!.fetch() };
}

describe('the MiniMax provider over real HTTP', () => {
  it('reads both windows from a 200 with the keychain key as a Bearer token, as used %', async () => {
    const { server, fetch } = await miniMaxAgainst(() => ({ status: 200, body: fixture('minimax', 'remains-general') }));
    const r = await fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 27], ['weekly', 64]]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: PATH });
    expect(server.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${STORED_KEY}` });
  });

  it('prefers MINIMAX_API_KEY over the stored key, and says where the key came from without showing it', async () => {
    const { server, fetch, config, deps } = await miniMaxAgainst(() => ({ status: 200, body: fixture('minimax', 'remains-general') }), { MINIMAX_API_KEY: ENV_KEY });
    await fetch();
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ENV_KEY}`);
    const where = await adapterOf('minimax').credentialStatus(config, deps);
    expect(where).toEqual({ configured: true, origin: 'env', label: 'sk-cp-…Abc', error: null });
  });

  it('says the key was refused when MiniMax answers 200 with status_code 1004, without the key in the error', async () => {
    const { fetch } = await miniMaxAgainst(() => ({ status: 200, body: fixture('minimax', 'error-200-key-expired') }));
    const r = await fetch();
    expect(r).toEqual({ ok: false, error: { kind: 'unauthorized', status: null, hint: 'minimax_login' } });
    expect(JSON.stringify(r)).not.toContain(STORED_KEY);
  });

  it('reads 401 as a refused key and 429 as throttling for the Retry-After sent', async () => {
    expect(await (await miniMaxAgainst(() => ({ status: 401, body: {} }))).fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'minimax_login' } });
    const throttled = await miniMaxAgainst(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: {} }));
    expect(await throttled.fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 120_000 } });
  });

  it('gives up with a timeout when the server is slow to answer', async () => {
    const { provider } = await miniMaxAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('minimax', 'remains-general') }));
    expect(await runChain(provider, new SystemClock({ unref: true }), 300)).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });

  it('sends nothing without a key', async () => {
    const { server, fetch } = await miniMaxAgainst(() => ({ status: 200, body: {} }), {}, null);
    expect(await fetch()).toMatchObject({ ok: false, error: { kind: 'unconfigured' } });
    expect(server.requests).toEqual([]);
  });
});
