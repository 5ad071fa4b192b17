// The management key slot of the key managers (Settings' "Management key (team view)" row): checked by
// listing the account's keys, stored under the descriptor's own keychain account, its status masked,
// the environment variable winning, and refused for a provider that takes none.
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { adapterOf } from '../../adapters/providers/registry';
import type { HttpRequest } from '../../core/ports';
import { parseTeamKeysPage } from '../../core/providers/openrouter/team';
import { MANAGEMENT_KEY_PROVIDERS, KEY_PROVIDERS } from '../../core/providers/registry';
import { createKeyManagers } from '../../app/key-manager';
import { fixture } from '../support/app-harness';
import { ScriptedHttp } from '../support/scripted-http';

const KEY = `sk-or-v1-${'ab12'.repeat(16)}`;
const MANAGEMENT = `sk-or-v1-${'cd34'.repeat(16)}`;
const ENV_MANAGEMENT = `sk-or-v1-${'ef56'.repeat(16)}`;
const openrouter = adapterOf('openrouter');
const ACCOUNT = openrouter.descriptor.credentials.keychainAccount!;
const MANAGEMENT_ACCOUNT = openrouter.descriptor.credentials.managementKey!.keychainAccount;

/** How many keys the recorded list holds that can be read (a row naming no key is dropped). */
const LISTED = parseTeamKeysPage(fixture('openrouter/keys-list.json'))!.rows.length;

const bearer = (req: HttpRequest) => Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1].replace(/^Bearer /, '');

function rig(opts: { env?: string | null; secrets?: MemorySecretStore } = {}) {
  const http = new ScriptedHttp()
    .on('/keys', (req) =>
      bearer(req) === MANAGEMENT || bearer(req) === ENV_MANAGEMENT
        ? { status: 200, body: fixture('openrouter/keys-list.json') }
        : { status: 403, body: fixture('openrouter/error-403-management-key.json') },
    )
    .on('/key', (req) => (bearer(req) === KEY ? { status: 200, body: fixture('openrouter/key-capped-weekly.json') } : { status: 401, body: {} }));
  const secrets = opts.secrets ?? new MemorySecretStore();
  const changed: string[] = [];
  const keys = createKeyManagers({
    providers: KEY_PROVIDERS.map((p) => adapterOf(p.id)),
    baseUrlOf: (id) => (id === 'openrouter' ? 'https://or.test/api/v1' : adapterOf(id).descriptor.defaultBaseUrl),
    httpFor: () => http,
    secrets,
    onChange: (id) => changed.push(id),
    managementEnvOf: (id) => (id === 'openrouter' ? (opts.env ?? null) : null),
  });
  return { http, secrets, changed, keys };
}

describe('the management key slot', () => {
  it('tests a management key by listing the account’s keys, sent only to /keys, storing nothing', async () => {
    const { http, secrets, changed, keys } = rig();
    expect(await keys.test('openrouter', MANAGEMENT, 'management')).toEqual({ ok: true, label: openrouter.maskKey!(MANAGEMENT), keys: LISTED });
    expect(http.requests.map((r) => new URL(r.url).origin + new URL(r.url).pathname)).toEqual(['https://or.test/api/v1/keys']);
    expect(bearer(http.requests[0]!)).toBe(MANAGEMENT);
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(changed).toEqual([]);
  });

  it('saves it under the descriptor’s management account, apart from the ordinary key, and reports the change', async () => {
    const { secrets, changed, keys } = rig();
    expect(await keys.save('openrouter', KEY)).toMatchObject({ ok: true });
    expect(await keys.save('openrouter', MANAGEMENT, 'management')).toMatchObject({ ok: true, keys: LISTED });
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: MANAGEMENT });
    expect(await secrets.get(ACCOUNT)).toEqual({ ok: true, value: KEY });
    expect(changed).toEqual(['openrouter', 'openrouter']);
  });

  it('stores nothing when the provider refuses it (an ordinary key gets 403 from /keys), as a typed refusal', async () => {
    const { secrets, changed, keys } = rig();
    expect(await keys.save('openrouter', KEY, 'management')).toEqual({
      ok: false,
      error: { kind: 'forbidden', status: 403, reason: 'management_key_required', url: null },
    });
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(changed).toEqual([]);
  });

  it('refuses a wrong shape before any request, with the adapter’s own rule', async () => {
    const { http, keys } = rig();
    const r = await keys.test('openrouter', 'sk-ant-not-openrouter', 'management');
    expect(r).toEqual({ ok: false, error: { kind: 'invalid_format', detail: openrouter.managementKey!.formatProblem('sk-ant-not-openrouter') } });
    expect(http.requests).toHaveLength(0);
  });

  it('removes the management key only; removing one that is not there changes nothing', async () => {
    const { secrets, changed, keys } = rig({ secrets: new MemorySecretStore({ initial: { [ACCOUNT]: KEY, [MANAGEMENT_ACCOUNT]: MANAGEMENT } }) });
    await keys.remove('openrouter', 'management');
    expect(await secrets.get(MANAGEMENT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(await secrets.get(ACCOUNT)).toEqual({ ok: true, value: KEY });
    expect(changed).toEqual(['openrouter']);
    await keys.remove('openrouter', 'management');
    expect(changed).toEqual(['openrouter']);
  });

  it('says where it is set as a masked label: nowhere, the keychain, or the variable, which wins', async () => {
    const secrets = new MemorySecretStore();
    expect(await rig({ secrets }).keys.managementStatuses()).toEqual([{ providerId: 'openrouter', origin: null, label: null, error: null }]);
    await secrets.set(MANAGEMENT_ACCOUNT, MANAGEMENT);
    const stored = await rig({ secrets }).keys.managementStatuses();
    expect(stored).toEqual([{ providerId: 'openrouter', origin: 'keychain', label: openrouter.maskKey!(MANAGEMENT), error: null }]);
    const env = await rig({ secrets, env: ENV_MANAGEMENT }).keys.managementStatuses();
    expect(env).toEqual([{ providerId: 'openrouter', origin: 'env', label: openrouter.maskKey!(ENV_MANAGEMENT), error: null }]);
    // Never the key itself.
    expect(JSON.stringify([stored, env])).not.toContain(MANAGEMENT.slice(9, -3));
    expect(JSON.stringify(env)).not.toContain(ENV_MANAGEMENT.slice(9, -3));
  });

  it('reports an unreadable keychain as the status’s error, and a failed removal as an error naming no secret', async () => {
    const secrets = new MemorySecretStore({ initial: { [MANAGEMENT_ACCOUNT]: MANAGEMENT } });
    secrets.setUnavailable('locked');
    const { keys } = rig({ secrets });
    const [s] = await keys.managementStatuses();
    expect(s).toMatchObject({ origin: null, label: null, error: { kind: expect.any(String) } });
    await expect(keys.remove('openrouter', 'management')).rejects.toThrow(/^The management key could not be removed: the keychain is unavailable/);
  });

  it('is there for every shipped provider that takes a management key, and refused (a bug) for the others', async () => {
    const { keys } = rig();
    expect((await keys.managementStatuses()).map((s) => s.providerId)).toEqual(MANAGEMENT_KEY_PROVIDERS.map((p) => p.id));
    for (const p of KEY_PROVIDERS.filter((d) => !d.credentials.managementKey)) {
      await expect(keys.test(p.id, KEY, 'management')).rejects.toThrow(`${p.id} has no stored management key`);
      await expect(keys.remove(p.id, 'management')).rejects.toThrow(`${p.id} has no stored management key`);
    }
  });
});
