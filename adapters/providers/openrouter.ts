// OpenRouter's credential: its env variable when set, else the key Quotabar keeps in the keychain.
// Each labelled account has its own keychain entry, `openrouter:<label>`, and ignores the variable.
import type { AccountSetting } from '../../core/accounts';
import { keychainNameFor } from '../../core/accounts';
import type { CredentialLookup, SecretStore } from '../../core/ports';
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { createOpenRouterProvider, maskKey, validateOpenRouterKey } from '../../core/providers/openrouter/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

const ACCOUNT = openrouter.credentials.keychainAccount;

/** The keychain entry holding an account's key (the implicit account keeps the entry it always had). */
export function openRouterKeychainName(account?: Pick<AccountSetting, 'label'>): string {
  return keychainNameFor(ACCOUNT, account?.label ?? null);
}

/** The key: the environment's when set (implicit account only), else the keychain's. */
export function openRouterKeyLookup(config: AppConfig, secrets: SecretStore, account?: AccountSetting): CredentialLookup<string> {
  const { envKey } = configFor(config, openrouter.id, account);
  const name = openRouterKeychainName(account);
  return async () => (envKey ? { ok: true, value: envKey } : secrets.get(name));
}

export const openRouterAdapter: ProviderAdapter = {
  descriptor: openrouter,
  build(config, deps, account) {
    const { url } = configFor(config, openrouter.id, account);
    return createOpenRouterProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: openRouterKeyLookup(config, deps.secrets, account) });
  },
  async credentialStatus(config, deps, account) {
    const { envKey } = configFor(config, openrouter.id, account);
    if (envKey) return { configured: true, origin: 'env', label: maskKey(envKey), error: null };
    const r = await deps.secrets.get(openRouterKeychainName(account));
    if (!r.ok) return { configured: false, origin: null, label: null, error: r.error };
    return { configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null };
  },
  validateKey: validateOpenRouterKey,
  maskKey,
};
