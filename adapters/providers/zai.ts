// Z.ai's credential: ZAI_API_KEY when set (implicit account only), else the key Quotabar keeps in
// the keychain (`zai`, or `zai:<label>` for a labelled account).
import type { AccountSetting } from '../../core/accounts';
import { keychainNameFor } from '../../core/accounts';
import type { CredentialLookup, SecretStore } from '../../core/ports';
import { zai } from '../../core/providers/zai/descriptor';
import { createZaiProvider, maskKey, validateZaiKey } from '../../core/providers/zai/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

const keychainName = (account?: Pick<AccountSetting, 'label'>) => keychainNameFor(zai.credentials.keychainAccount, account?.label ?? null);

function keyLookup(config: AppConfig, secrets: SecretStore, account?: AccountSetting): CredentialLookup<string> {
  const { envKey } = configFor(config, zai.id, account);
  const name = keychainName(account);
  return async () => (envKey ? { ok: true, value: envKey } : secrets.get(name));
}

export const zaiAdapter: ProviderAdapter = {
  descriptor: zai,
  build(config, deps, account) {
    const { url } = configFor(config, zai.id, account);
    return createZaiProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: keyLookup(config, deps.secrets, account) });
  },
  async credentialStatus(config, deps, account) {
    const { envKey } = configFor(config, zai.id, account);
    if (envKey) return { configured: true, origin: 'env', label: maskKey(envKey), error: null };
    const r = await deps.secrets.get(keychainName(account));
    if (!r.ok) return { configured: false, origin: null, label: null, error: r.error };
    return { configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null };
  },
  validateKey: validateZaiKey,
  maskKey,
};
