// DeepSeek's credential (DEEPSEEK_API_KEY, else the keychain) and its one balance source, on an
// HTTP client limited to the configured base URL's origin.
import { deepseek } from '../../core/providers/deepseek/descriptor';
import { createDeepSeekProvider, maskKey, validateDeepSeekKey } from '../../core/providers/deepseek/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp } from './context';
import { storedKeyLookup, storedKeyStatus } from './stored-key';

export const deepSeekAdapter: ProviderAdapter = {
  descriptor: deepseek,
  build(config, deps, account) {
    const { url } = configFor(config, deepseek.id, account);
    return createDeepSeekProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: storedKeyLookup(deepseek, config, deps.secrets, account) });
  },
  credentialStatus: (config, deps, account) => storedKeyStatus(deepseek, maskKey, config, deps.secrets, account),
  validateKey: validateDeepSeekKey,
  maskKey,
};
