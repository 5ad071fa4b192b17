// Stored keys for several key providers at once: each provider's key is checked by its own server,
// kept under its own keychain account, and removed alone. The second provider is made here for the
// test (the shipped registry may hold just one); every shipped key provider is covered below too.
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import type { ProviderAdapter } from '../../adapters/providers/adapter';
import { adapterOf } from '../../adapters/providers/registry';
import { err, ok } from '../../core/errors';
import type { HttpRequest } from '../../core/ports';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import { KEY_PROVIDERS } from '../../core/providers/registry';
import { createKeyManagers } from '../../app/key-manager';
import { fixture } from '../support/app-harness';
import { ScriptedHttp } from '../support/scripted-http';

const OPENROUTER_KEY = `sk-or-v1-${'ab12'.repeat(16)}`;
const SECOND_KEY = `sec-${'9'.repeat(30)}`;

const second: ProviderDescriptor = {
  id: 'second',
  displayName: 'Second',
  defaultBaseUrl: 'https://second.example/api',
  baseUrlEnv: 'QUOTABAR_SECOND_URL',
  credentials: { envKey: 'SECOND_API_KEY', keychainAccount: 'second-account' },
  words: { setup: 's', signInAgain: 's', rejected: 'r', missing: 'm', key: { placeholderHint: 'sec-…', keysUrl: 'https://second.example/keys', keysLinkText: 'second.example/keys' } },
  keyFormatProblem: (k) => (k.startsWith('sec-') ? null : 'Second keys start with "sec-".'),
  sources: ['second:/me'],
  cli: { name: 'second', aliases: [] },
  demo: { basePath: '', paths: ['/me'] },
};

/** A stored-key adapter for `second`: GET <base>/me with the key as a bearer token. */
const secondAdapter: ProviderAdapter = {
  descriptor: second,
  build: () => {
    throw new Error('not used');
  },
  credentialStatus: async () => ({ configured: false, origin: null, label: null, error: null }),
  async validateKey(http, baseUrl, key) {
    const r = await http.request({ method: 'GET', url: `${baseUrl}/me`, headers: { authorization: `Bearer ${key}` }, timeoutMs: 1000 });
    if (!r.ok) return r;
    return r.value.status === 200 ? ok({ label: null }) : err({ kind: 'unauthorized', status: r.value.status, hint: null });
  },
  maskKey: (k) => `sec-…${k.slice(-3)}`,
};

/** The bearer token a request carried, whatever the header's case. */
const bearer = (req: HttpRequest) => Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1].replace(/^Bearer /, '');

function rig() {
  const http = new ScriptedHttp()
    .on('/key', (req) => (bearer(req) === OPENROUTER_KEY ? { status: 200, body: fixture('openrouter/key-capped-weekly.json') } : { status: 401, body: {} }))
    .on('/me', (req) => (bearer(req) === SECOND_KEY ? { status: 200, body: {} } : { status: 401, body: {} }));
  const secrets = new MemorySecretStore();
  const changed: string[] = [];
  const urls: Record<string, string> = { openrouter: 'https://or.test/api/v1', second: 'https://second.test/api' };
  const keys = createKeyManagers({
    providers: [adapterOf('openrouter'), secondAdapter],
    baseUrlOf: (id) => urls[id]!,
    httpFor: () => http,
    secrets,
    onChange: (id) => changed.push(id),
  });
  return { http, secrets, changed, keys };
}

describe('stored keys for two key providers', () => {
  it('checks each key with its own provider’s server and format rule', async () => {
    const { http, keys } = rig();
    expect(await keys.test('second', SECOND_KEY)).toEqual({ ok: true, label: 'sec-…999' });
    expect(await keys.test('openrouter', OPENROUTER_KEY)).toMatchObject({ ok: true });
    expect(http.requests.map((r) => r.url)).toEqual(['https://second.test/api/me', 'https://or.test/api/v1/key']);
    // Each key went only to its own host.
    expect(bearer(http.requests[0]!)).toBe(SECOND_KEY);
    expect(bearer(http.requests[1]!)).toBe(OPENROUTER_KEY);
    // One provider's key is the wrong shape for the other: refused before any request.
    expect(await keys.test('second', OPENROUTER_KEY)).toEqual({ ok: false, error: { kind: 'invalid_format', detail: 'Second keys start with "sec-".' } });
    expect(await keys.test('openrouter', SECOND_KEY)).toMatchObject({ ok: false, error: { kind: 'invalid_format' } });
    expect(http.requests).toHaveLength(2);
  });

  it('saves each key under its own keychain account and reports which provider changed', async () => {
    const { secrets, changed, keys } = rig();
    expect(await keys.save('second', SECOND_KEY)).toMatchObject({ ok: true });
    expect(await keys.save('openrouter', OPENROUTER_KEY)).toMatchObject({ ok: true });
    expect(await secrets.get('second-account')).toEqual({ ok: true, value: SECOND_KEY });
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: OPENROUTER_KEY });
    expect(changed).toEqual(['second', 'openrouter']);
  });

  it('stores nothing when a provider refuses its key, and leaves the other provider’s key alone', async () => {
    const { secrets, changed, keys } = rig();
    await keys.save('openrouter', OPENROUTER_KEY);
    expect(await keys.save('second', `sec-${'0'.repeat(30)}`)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await secrets.get('second-account')).toEqual({ ok: true, value: null });
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: OPENROUTER_KEY });
    expect(changed).toEqual(['openrouter']);
  });

  it('removes one provider’s key only', async () => {
    const { secrets, changed, keys } = rig();
    await keys.save('openrouter', OPENROUTER_KEY);
    await keys.save('second', SECOND_KEY);
    await keys.remove('second');
    expect(await secrets.get('second-account')).toEqual({ ok: true, value: null });
    expect(await secrets.get('openrouter')).toEqual({ ok: true, value: OPENROUTER_KEY });
    expect(changed).toEqual(['openrouter', 'second', 'second']);
    // Removing a key that is not there changes nothing.
    await keys.remove('second');
    expect(changed).toHaveLength(3);
  });

  it('refuses a provider that stores no key (a bug: the IPC schemas refuse it first)', async () => {
    const { keys } = rig();
    await expect(keys.test('codex', SECOND_KEY)).rejects.toThrow('codex has no stored key');
  });
});

describe('every shipped key provider', () => {
  it('gets a key manager of its own', async () => {
    const secrets = new MemorySecretStore();
    const keys = createKeyManagers({
      providers: KEY_PROVIDERS.map((p) => adapterOf(p.id)),
      baseUrlOf: (id) => adapterOf(id).descriptor.defaultBaseUrl,
      httpFor: () => new ScriptedHttp(),
      secrets,
      onChange: () => undefined,
    });
    for (const p of KEY_PROVIDERS) {
      // An empty key is refused by each provider's own rule, before any request.
      expect(await keys.test(p.id, ''), p.id).toMatchObject({ ok: false, error: { kind: 'invalid_format' } });
      await expect(keys.remove(p.id)).resolves.toBeUndefined();
    }
  });
});
