// Stored keys' life in the settings window, one per key provider: test, save (only after its provider
// accepts it), remove. A key goes to its own provider and to the keychain, nowhere else; callers only
// ever get a masked label.
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

/** The key of one provider. Throws (a bug) for a provider that stores no key. */
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

export interface KeyManagersDeps {
  /** Every provider whose key Quotabar stores (the registry's key providers; tests pass their own). */
  providers: readonly ProviderAdapter[];
  /** The base URL a provider's key is checked against (its override, else its default). */
  baseUrlOf: (providerId: string) => string;
  httpFor: (baseUrl: string) => HttpClient;
  secrets: SecretStore;
  /** Called after a provider's stored key changed (saved or removed). */
  onChange: (providerId: string) => void;
}

/** The keys of every key provider, each with its own state; calls name the provider. */
export interface KeyManagers {
  test(providerId: string, key: string): Promise<KeyCheck>;
  save(providerId: string, key: string): Promise<KeyCheck>;
  /** Throws when the keychain cannot be reached (the message names no secret). */
  remove(providerId: string): Promise<void>;
}

/** One key manager per key provider. A call for any other id is a bug (the IPC schemas refuse it first). */
export function createKeyManagers(deps: KeyManagersDeps): KeyManagers {
  const managers = new Map(
    deps.providers.map((provider) => {
      const id = provider.descriptor.id;
      const baseUrl = deps.baseUrlOf(id);
      const m = createKeyManager({ http: deps.httpFor(baseUrl), baseUrl, secrets: deps.secrets, onChange: () => deps.onChange(id), provider });
      return [id, m] as const;
    }),
  );
  const of = (providerId: string): KeyManager => {
    const m = managers.get(providerId);
    if (!m) throw new Error(`${providerId} has no stored key`);
    return m;
  };
  return {
    test: async (providerId, key) => of(providerId).test(key),
    save: async (providerId, key) => of(providerId).save(key),
    remove: async (providerId) => of(providerId).remove(),
  };
}
