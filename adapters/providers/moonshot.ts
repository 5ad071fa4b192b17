// Moonshot's credential (MOONSHOT_API_KEY, else the keychain) and its one balance source, on an HTTP
// client limited to the configured base URL's origin: the region's one host, never both (decision 0018).
import { moonshot } from '../../core/providers/moonshot/descriptor';
import { createMoonshotProvider, maskKey, validateMoonshotKey } from '../../core/providers/moonshot/provider';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp } from './context';
import { storedKeyLookup, storedKeyStatus } from './stored-key';

export const moonshotAdapter: ProviderAdapter = {
  descriptor: moonshot,
  build(config, deps, account) {
    const { url } = configFor(config, moonshot.id, account);
    return createMoonshotProvider({ http: providerHttp(config, deps, url), clock: deps.clock, baseUrl: url, getKey: storedKeyLookup(moonshot, config, deps.secrets, account) });
  },
  credentialStatus: (config, deps, account) => storedKeyStatus(moonshot, maskKey, config, deps.secrets, account),
  validateKey: validateMoonshotKey,
  maskKey,
};
