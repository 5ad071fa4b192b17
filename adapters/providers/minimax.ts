// MiniMax's credential: MINIMAX_API_KEY when set (implicit account only), else the key Quotabar
// keeps in the keychain (`minimax`, or `minimax:<label>` for a labelled account).
import type { AccountSetting } from '../../core/accounts';
import { keychainNameFor } from '../../core/accounts';
import type { CredentialLookup, SecretStore } from '../../core/ports';
import { minimax } from '../../core/providers/minimax/descriptor';
import { createMiniMaxProvider, maskKey, validateMiniMaxKey } from '../../core/providers/minimax/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

const keychainName = (account?: Pick<AccountSetting, 'label'>) => keychainNameFor(minimax.credentials.keychainAccount, account?.label ?? null);

function keyLookup(config: AppConfig, secrets: SecretStore, account?: AccountSetting): CredentialLookup<string> {
  const { envKey } = configFor(config, minimax.id, account);
  const name = keychainName(account);
  return async () => (envKey ? { ok: true, value: envKey } : secrets.get(name));
}

export const miniMaxAdapter: ProviderAdapter = {
  descriptor: minimax,
  build(config, deps, account) {
    const { url } = configFor(config, minimax.id, account);
    return createMiniMaxProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: keyLookup(config, deps.secrets, account) });
  },
  async credentialStatus(config, deps, account) {
    const { envKey } = configFor(config, minimax.id, account);
    if (envKey) return { configured: true, origin: 'env', label: maskKey(envKey), error: null };
    const r = await deps.secrets.get(keychainName(account));
    if (!r.ok) return { configured: false, origin: null, label: null, error: r.error };
    return { configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null };
  },
  validateKey: validateMiniMaxKey,
  maskKey,
};
