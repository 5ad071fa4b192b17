// The management key from Settings in a real gnome-keyring (private D-Bus session):
// bash scripts/with-keyring.sh npx vitest run -c vitest.keychain.config.ts test/keychain/management-key.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../adapters/keyring-secret-store';
import { adapterOf } from '../../adapters/providers/registry';
import { createKeyManagers } from '../../app/key-manager';
import { KEY_PROVIDERS, MANAGEMENT_KEY_PROVIDERS } from '../../core/providers/registry';
import { ScriptedHttp } from '../support/scripted-http';

// A service per run, so a rerun never sees an earlier run's entries.
const service = `quotabar-test-mgmt-${process.pid}-${Date.now()}`;
const store = new KeyringSecretStore({ service, store: 'secret-service' });
const MANAGEMENT = `sk-or-v1-${'9a8b'.repeat(16)}`;
const KEY = `sk-or-v1-${'1c2d'.repeat(16)}`;

afterEach(async () => {
  for (const p of KEY_PROVIDERS) {
    if (p.credentials.keychainAccount) await store.remove(p.credentials.keychainAccount);
    if (p.credentials.managementKey) await store.remove(p.credentials.managementKey.keychainAccount);
  }
});

describe('a management key saved from Settings into the real keychain', () => {
  it('is stored under the descriptor’s management account, apart from the ordinary key, shown masked, and removed alone', async () => {
    const http = new ScriptedHttp().on('/keys', { status: 200, body: { data: [{ hash: 'h1', name: 'CI', label: 'sk-or-v1-abc…123' }] } });
    const keys = createKeyManagers({
      providers: KEY_PROVIDERS.map((p) => adapterOf(p.id)),
      baseUrlOf: (id) => adapterOf(id).descriptor.defaultBaseUrl,
      httpFor: () => http,
      secrets: store,
      onChange: () => undefined,
    });
    expect(MANAGEMENT_KEY_PROVIDERS.length).toBeGreaterThan(0);
    for (const p of MANAGEMENT_KEY_PROVIDERS) {
      const account = p.credentials.managementKey!.keychainAccount;
      await store.set(p.credentials.keychainAccount!, KEY);
      expect(await keys.save(p.id, MANAGEMENT, 'management')).toMatchObject({ ok: true, keys: 1 });
      expect(await store.get(account)).toEqual({ ok: true, value: MANAGEMENT });
      const [status] = (await keys.managementStatuses()).filter((s) => s.providerId === p.id);
      expect(status).toEqual({ providerId: p.id, origin: 'keychain', label: adapterOf(p.id).maskKey!(MANAGEMENT), error: null });
      await keys.remove(p.id, 'management');
      expect(await store.get(account)).toEqual({ ok: true, value: null });
      expect(await store.get(p.credentials.keychainAccount!)).toEqual({ ok: true, value: KEY });
    }
  });
});
