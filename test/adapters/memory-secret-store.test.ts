import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../adapters/memory-secret-store';

describe('MemorySecretStore', () => {
  it('stores, reads back and removes a secret', async () => {
    const s = new MemorySecretStore({ initial: { codex: 'a' } });
    expect(await s.get('codex')).toEqual({ ok: true, value: 'a' });
    await s.set('openrouter', 'k');
    expect(await s.get('openrouter')).toEqual({ ok: true, value: 'k' });
    expect(await s.remove('openrouter')).toEqual({ ok: true, value: true });
    expect(await s.remove('openrouter')).toEqual({ ok: true, value: false });
    expect(await s.get('openrouter')).toEqual({ ok: true, value: null });
  });

  it('acts like a locked keychain when made unavailable, and recovers', async () => {
    const s = new MemorySecretStore({ initial: { openrouter: 'k' }, unavailable: 'keyring locked' });
    const down = { ok: false, error: { kind: 'keychain_unavailable', detail: 'keyring locked' } };
    expect(await s.get('openrouter')).toEqual(down);
    expect(await s.set('openrouter', 'new')).toEqual(down);
    expect(await s.remove('openrouter')).toEqual(down);
    s.setUnavailable(null);
    expect(await s.get('openrouter')).toEqual({ ok: true, value: 'k' });
  });
});
