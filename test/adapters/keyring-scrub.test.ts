// A keychain that fails while storing a key may echo the key back in its error message; that message
// reaches the Settings window and the logs, so the key must be gone from it. The native module is
// replaced by a fake that fails the way a broken keyring would.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const KEY = 'sk-or-v1-scrubme0123456789abcdef0123456789abcdef0123456789abcdef01';
const failure = { message: '' };

vi.mock('@napi-rs/keyring', () => ({
  AsyncEntry: class {
    constructor(
      readonly service: string,
      readonly account: string,
    ) {}
    async setPassword(secret: string): Promise<void> {
      throw new Error(failure.message.replaceAll('$SECRET', secret));
    }
    async getPassword(): Promise<string | null> {
      throw new Error(failure.message);
    }
    async deletePassword(): Promise<boolean> {
      throw new Error(failure.message);
    }
  },
}));

import { KeyringSecretStore } from '../../adapters/keyring-secret-store';

beforeEach(() => {
  failure.message = '';
});

async function storeError(message: string): Promise<string> {
  failure.message = message;
  const r = await new KeyringSecretStore().set('openrouter', KEY);
  if (r.ok || r.error.kind !== 'keychain_unavailable') throw new Error(`expected keychain_unavailable, got ${JSON.stringify(r)}`);
  return r.error.detail;
}

describe('keychain errors while storing a key', () => {
  it('never carry the key, however often the keychain repeats it', async () => {
    const detail = await storeError('Platform secure storage failure: could not write "$SECRET" (value $SECRET)');
    expect(detail).not.toContain(KEY);
    expect(detail).not.toContain(KEY.slice(10, 40));
    expect(detail).toContain('[redacted]');
  });

  it('keep the platform’s own words and an actionable hint beside the redaction', async () => {
    const detail = await storeError('Access denied: write of $SECRET refused');
    expect(detail).toBe(
      'the system keychain refused access: no usable keyring for this session (Access denied: write of [redacted] refused)',
    );
  });

  it('name a missing Secret Service as such when reading fails', async () => {
    failure.message = 'DBus error: org.freedesktop.DBus.Error.ServiceUnknown';
    const r = await new KeyringSecretStore().get('openrouter');
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.kind === 'keychain_unavailable') expect(r.error.detail).toMatch(/^no Secret Service on the session D-Bus/);
  });
});
