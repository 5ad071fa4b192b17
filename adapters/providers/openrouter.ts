// OpenRouter's credential: its env variable when set, else the key Quotabar keeps in the keychain.
// Each labelled account has its own keychain entry, `openrouter:<label>`, and ignores the variable.
// The implicit account may also hold a management key, which adds the team view (every key of the account).
import type { AccountSetting } from '../../core/accounts';
import { keychainNameFor } from '../../core/accounts';
import type { CredentialLookup, SecretStore } from '../../core/ports';
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { createOpenRouterProvider, maskKey, validateOpenRouterKey } from '../../core/providers/openrouter/provider';
import { managementKeyProblem, validateManagementKey } from '../../core/providers/openrouter/team';
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

const MANAGEMENT = openrouter.credentials.managementKey;

/**
 * The management key for the team view: the implicit account's only (a labelled account has none),
 * OPENROUTER_MANAGEMENT_KEY when set, else the keychain's `openrouter-management`. It is sent only
 * through this provider's HTTP client, which reaches nothing but the configured OpenRouter origin.
 */
export function openRouterManagementKeyLookup(config: AppConfig, secrets: SecretStore, account?: AccountSetting): CredentialLookup<string> {
  if (account) return async () => ({ ok: true, value: null });
  const { managementKey } = configFor(config, openrouter.id);
  return async () => (managementKey ? { ok: true, value: managementKey } : secrets.get(MANAGEMENT.keychainAccount));
}

export const openRouterAdapter: ProviderAdapter = {
  descriptor: openrouter,
  build(config, deps, account) {
    const { url } = configFor(config, openrouter.id, account);
    return createOpenRouterProvider({
      http: providerHttp(config, deps, url),
      clock: deps.clock,
      baseUrl: url,
      getKey: openRouterKeyLookup(config, deps.secrets, account),
      getManagementKey: openRouterManagementKeyLookup(config, deps.secrets, account),
    });
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
  managementKey: { formatProblem: managementKeyProblem, validate: validateManagementKey },
};
