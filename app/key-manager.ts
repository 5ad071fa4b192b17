// Stored keys' life in the settings window, one per key provider: test, save (only after its provider
// accepts it), remove. A key goes to its own provider and to the keychain, nowhere else; callers only
// ever get a masked label.
import type { HttpClient, SecretStore } from '../core/ports';
import type { ProviderAdapter } from '../adapters/providers/adapter';
import type { KeyCheck, KeySlot, ManagementKeyStatus } from './contract';
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

/**
 * One keychain entry behind a check: `save` stores a key only after `test` accepts it, `remove` deletes
 * it; both run one at a time, so the last click wins and the poller sees each change once. `what`
 * names the key in the removal error ("key", "management key").
 */
function keychainSlot(deps: Pick<KeyManagerDeps, 'secrets' | 'onChange'>, account: string, what: string, test: (key: string) => Promise<KeyCheck>): KeyManager {
  const serial = serialQueue();
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
        if (!r.ok) throw new Error(`The ${what} could not be removed: the keychain is unavailable (${r.error.kind}).`);
        if (r.value) deps.onChange();
      }),
  };
}

/** The key of one provider. Throws (a bug) for a provider that stores no key. */
export function createKeyManager(deps: KeyManagerDeps): KeyManager {
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

  return keychainSlot(deps, account, 'key', test);
}

export interface ManagementKeyManagerDeps extends KeyManagerDeps {
  /** The management key's environment variable, trimmed, or null when unset: it wins over a stored one. */
  envValue: () => string | null;
}

/** A provider's management key: checked by listing the account's keys, then kept under its own keychain account. */
export interface ManagementKeyManager extends KeyManager {
  /** Where it is set, as a masked label (never the key). */
  status(): Promise<ManagementKeyStatus>;
}

/** The management key of one provider. Throws (a bug) for a provider that takes none. */
export function createManagementKeyManager(deps: ManagementKeyManagerDeps): ManagementKeyManager {
  const { descriptor, managementKey, maskKey } = deps.provider;
  const account = descriptor.credentials.managementKey?.keychainAccount;
  if (!account || !managementKey || !maskKey) throw new Error(`${descriptor.id} has no management key`);

  const test = async (key: string): Promise<KeyCheck> => {
    const problem = managementKey.formatProblem(key);
    if (problem !== null) return { ok: false, error: { kind: 'invalid_format', detail: problem } };
    const r = await managementKey.validate(deps.http, deps.baseUrl, key);
    if (!r.ok) return { ok: false, error: r.error };
    return { ok: true, label: maskKey(key), keys: r.value.keys };
  };

  return {
    ...keychainSlot(deps, account, 'management key', test),
    async status() {
      const providerId = descriptor.id;
      const env = deps.envValue();
      if (env) return { providerId, origin: 'env', label: maskKey(env), error: null };
      const r = await deps.secrets.get(account);
      if (!r.ok) return { providerId, origin: null, label: null, error: r.error };
      return { providerId, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null };
    },
  };
}

export interface KeyManagersDeps {
  /** Every provider whose key Quotabar stores (the registry's key providers; tests pass their own). */
  providers: readonly ProviderAdapter[];
  /** The base URL a provider's key is checked against (its override, else its default). */
  baseUrlOf: (providerId: string) => string;
  httpFor: (baseUrl: string) => HttpClient;
  secrets: SecretStore;
  /** Called after a provider's stored key (or management key) changed (saved or removed). */
  onChange: (providerId: string) => void;
  /** A provider's management key from its environment variable, or null (providers with one only). */
  managementEnvOf?: (providerId: string) => string | null;
}

/**
 * The keys of every key provider, each with its own state; calls name the provider, and `slot`
 * 'management' means its management key (providers whose adapter has one).
 */
export interface KeyManagers {
  test(providerId: string, key: string, slot?: KeySlot): Promise<KeyCheck>;
  save(providerId: string, key: string, slot?: KeySlot): Promise<KeyCheck>;
  /** Throws when the keychain cannot be reached (the message names no secret). */
  remove(providerId: string, slot?: KeySlot): Promise<void>;
  /** Where each management key is set, in the providers' order. */
  managementStatuses(): Promise<ManagementKeyStatus[]>;
}

/**
 * One key manager per key provider, and a management key manager per provider that takes one. A call
 * for any other id or slot is a bug (the IPC schemas refuse it first).
 */
export function createKeyManagers(deps: KeyManagersDeps): KeyManagers {
  const managers = new Map<string, KeyManager>();
  const management = new Map<string, ManagementKeyManager>();
  for (const provider of deps.providers) {
    const id = provider.descriptor.id;
    const baseUrl = deps.baseUrlOf(id);
    const common = { http: deps.httpFor(baseUrl), baseUrl, secrets: deps.secrets, onChange: () => deps.onChange(id), provider };
    managers.set(id, createKeyManager(common));
    if (provider.descriptor.credentials.managementKey && provider.managementKey) {
      management.set(id, createManagementKeyManager({ ...common, envValue: () => deps.managementEnvOf?.(id) ?? null }));
    }
  }
  const of = (providerId: string, slot?: KeySlot): KeyManager => {
    const m = slot === 'management' ? management.get(providerId) : managers.get(providerId);
    if (!m) throw new Error(`${providerId} has no stored ${slot === 'management' ? 'management key' : 'key'}`);
    return m;
  };
  return {
    test: async (providerId, key, slot) => of(providerId, slot).test(key),
    save: async (providerId, key, slot) => of(providerId, slot).save(key),
    remove: async (providerId, slot) => of(providerId, slot).remove(),
    managementStatuses: () => Promise.all([...management.values()].map((m) => m.status())),
  };
}
