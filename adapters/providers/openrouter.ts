// OpenRouter's credential: its env variable when set, else the key Quotabar keeps in the keychain.
import type { CredentialLookup, SecretStore } from '../../core/ports';
import { openrouter } from '../../core/providers/openrouter/descriptor';
import { createOpenRouterProvider, maskKey, validateOpenRouterKey } from '../../core/providers/openrouter/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

const ACCOUNT = openrouter.credentials.keychainAccount;

/** The key: the environment's when set, else the keychain's. */
export function openRouterKeyLookup(config: AppConfig, secrets: SecretStore): CredentialLookup<string> {
  const { envKey } = configFor(config, openrouter.id);
  return async () => (envKey ? { ok: true, value: envKey } : secrets.get(ACCOUNT));
}

export const openRouterAdapter: ProviderAdapter = {
  descriptor: openrouter,
  build(config, deps) {
    const { url } = configFor(config, openrouter.id);
    return createOpenRouterProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: openRouterKeyLookup(config, deps.secrets) });
  },
  async credentialStatus(config, deps) {
    const { envKey } = configFor(config, openrouter.id);
    if (envKey) return { configured: true, origin: 'env', label: maskKey(envKey), error: null };
    const r = await deps.secrets.get(ACCOUNT);
    if (!r.ok) return { configured: false, origin: null, label: null, error: r.error };
    return { configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null };
  },
  validateKey: validateOpenRouterKey,
  maskKey,
};
