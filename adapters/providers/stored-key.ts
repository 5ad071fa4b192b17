// A stored-key provider's credential: its environment variable when set (implicit account only),
// else the key Quotabar keeps in the keychain, `<account>` or `<account>:<label>` for labelled accounts.
import type { AccountSetting } from '../../core/accounts';
import { keychainNameFor } from '../../core/accounts';
import type { CredentialLookup, SecretStore } from '../../core/ports';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { CredentialLocation } from './adapter';
import { configFor, type AppConfig } from './context';

/** The keychain entry holding an account's key (the implicit account's is the descriptor's own). */
export function storedKeyName(d: ProviderDescriptor, account?: Pick<AccountSetting, 'label'>): string {
  const base = d.credentials.keychainAccount;
  if (base === undefined) throw new Error(`${d.id} stores no key`);
  return keychainNameFor(base, account?.label ?? null);
}

/** The key: the environment's when set, else the keychain's. */
export function storedKeyLookup(d: ProviderDescriptor, config: AppConfig, secrets: SecretStore, account?: AccountSetting): CredentialLookup<string> {
  const { envKey } = configFor(config, d.id, account);
  const name = storedKeyName(d, account);
  return async () => (envKey ? { ok: true, value: envKey } : secrets.get(name));
}

/** Where the key was found, as a masked label; never the key. */
export async function storedKeyStatus(
  d: ProviderDescriptor,
  mask: (key: string) => string,
  config: AppConfig,
  secrets: SecretStore,
  account?: AccountSetting,
): Promise<CredentialLocation> {
  const { envKey } = configFor(config, d.id, account);
  if (envKey) return { configured: true, origin: 'env', label: mask(envKey), error: null };
  const r = await secrets.get(storedKeyName(d, account));
  if (!r.ok) return { configured: false, origin: null, label: null, error: r.error };
  return { configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? mask(r.value) : null, error: null };
}
