// The stored key's life in the settings window: test, save (only after its provider accepts it), remove.
// The key goes to its provider and to the keychain, nowhere else; callers only ever get a masked label.
import type { HttpClient, SecretStore } from '../core/ports';
import type { ProviderAdapter } from '../adapters/providers/adapter';
import type { KeyCheck } from './contract';
import { serialQueue } from './serial';

export interface KeyManagerDeps {
  http: HttpClient;
  baseUrl: string;
  secrets: SecretStore;
  /** Called after the stored key changed (saved or removed). */
  onChange: () => void;
  /** The provider whose key this is: its format check, validation, mask and keychain account. */
  provider: ProviderAdapter;
}

export interface KeyManager {
  test(key: string): Promise<KeyCheck>;
  save(key: string): Promise<KeyCheck>;
  /** Throws when the keychain cannot be reached (the message names no secret). */
  remove(): Promise<void>;
}

export function createKeyManager(deps: KeyManagerDeps): KeyManager {
  // Saves and removals run one at a time, so the last click wins and the poller sees each change once.
  const serial = serialQueue();
  const { descriptor, validateKey, maskKey } = deps.provider;
  const account = descriptor.credentials.keychainAccount;
  if (!account || !validateKey || !maskKey) throw new Error(`${descriptor.id} has no stored key`);

  const test = async (key: string): Promise<KeyCheck> => {
    const problem = descriptor.keyFormatProblem?.(key) ?? null;
    if (problem !== null) return { ok: false, error: { kind: 'invalid_format', detail: problem } };
    const r = await validateKey(deps.http, deps.baseUrl, key);
    if (!r.ok) return { ok: false, error: r.error };
    // Our own mask, never the server's label: the settings status shows the same text after a restart.
    return { ok: true, label: maskKey(key) };
  };

  return {
    test,
    save: (key) =>
      serial(async () => {
        const check = await test(key);
        if (!check.ok) return check;
        const stored = await deps.secrets.set(account, key);
        if (!stored.ok) return { ok: false, error: stored.error };
        deps.onChange();
        return check;
      }),
    remove: () =>
      serial(async () => {
        const r = await deps.secrets.remove(account);
        if (!r.ok) throw new Error(`The key could not be removed: the keychain is unavailable (${r.error.kind}).`);
        if (r.value) deps.onChange();
      }),
  };
}
