// Runs against a real gnome-keyring in a private D-Bus session: bash scripts/with-keyring.sh npx vitest run -c vitest.keychain.config.ts
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../adapters/keyring-secret-store';

// A service per run, so a rerun never sees an earlier run's entries.
const service = `quotabar-test-${process.pid}-${Date.now()}`;
const store = new KeyringSecretStore({ service, store: 'secret-service' });
const CANARY = 'sk-or-v1-canary-keychain-0123456789';

afterEach(async () => {
  for (const account of ['openrouter', 'unicode', 'other']) await store.remove(account);
});

describe('KeyringSecretStore on a real Secret Service', () => {
  it('needs the private session from scripts/with-keyring.sh', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run inside scripts/with-keyring.sh').toBeTruthy();
  });

  it('stores, reads back, overwrites and removes a key', async () => {
    expect(await store.set('openrouter', CANARY)).toEqual({ ok: true, value: undefined });
    expect(await store.get('openrouter')).toEqual({ ok: true, value: CANARY });
    expect(await store.set('openrouter', `${CANARY}-2`)).toEqual({ ok: true, value: undefined });
    expect(await store.get('openrouter')).toEqual({ ok: true, value: `${CANARY}-2` });
    expect(await store.remove('openrouter')).toEqual({ ok: true, value: true });
    expect(await store.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('keeps a value with unicode intact', async () => {
    const value = 'clé-🔑-ключ-鍵-\u00e9\u0301';
    await store.set('unicode', value);
    expect(await store.get('unicode')).toEqual({ ok: true, value });
  });

  it('answers null for an account that was never stored, and false when removing it', async () => {
    expect(await store.get('never-stored')).toEqual({ ok: true, value: null });
    expect(await store.remove('never-stored')).toEqual({ ok: true, value: false });
  });

  it('keeps accounts apart', async () => {
    await store.set('openrouter', CANARY);
    await store.set('other', 'something else');
    await store.remove('other');
    expect(await store.get('openrouter')).toEqual({ ok: true, value: CANARY });
  });

  it('keeps services apart', async () => {
    await store.set('openrouter', CANARY);
    const neighbour = new KeyringSecretStore({ service: `${service}-neighbour`, store: 'secret-service' });
    expect(await neighbour.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('reports keychain_unavailable, without the secret, when the session bus is unreachable', () => {
    // The native module keeps its D-Bus connection for the life of the process, so this case runs in a child.
    const child = fileURLToPath(new URL('./no-bus-child.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, service, CANARY], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/quotabar-bus' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const results = JSON.parse(out) as Array<{ ok: boolean; error?: { kind: string; detail: string } }>;
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(r.error?.kind).toBe('keychain_unavailable');
      expect(r.error?.detail).toMatch(/no Secret Service on the session D-Bus/);
      expect(r.error?.detail).not.toContain(CANARY);
    }
  });
});
