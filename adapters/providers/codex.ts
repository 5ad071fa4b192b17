// Codex's credential is the Codex CLI's own auth.json in its home folder, read only; the same folder
// holds the session logs that answer when the usage endpoint cannot.
import type { AccountSetting } from '../../core/accounts';
import type { CredentialLookup, FileSource } from '../../core/ports';
import { codex } from '../../core/providers/codex/descriptor';
import { createCodexLogsSource } from '../../core/providers/codex/logs';
import { createCodexProvider } from '../../core/providers/codex/provider';
import { StderrLogger } from '../stderr-logger';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

function authPath(config: AppConfig, files: FileSource, account?: AccountSetting): string {
  return files.join(configFor(config, codex.id, account).dir ?? '', 'auth.json');
}

/** auth.json text from the Codex home (the account's own, when given), or null when it does not exist. */
export function codexAuthLookup(config: AppConfig, files: FileSource, account?: AccountSetting): CredentialLookup<string> {
  const path = authPath(config, files, account);
  return async () => {
    const r = await files.readText(path);
    if (r.ok) return r;
    if (r.error.kind === 'not_found') return { ok: true, value: null };
    return { ok: false, error: { kind: 'credentials_invalid', detail: `auth.json is unreadable (${r.error.code})` } };
  };
}

export const codexAdapter: ProviderAdapter = {
  descriptor: codex,
  build(config, deps, account) {
    const { url, dir } = configFor(config, codex.id, account);
    const logs = createCodexLogsSource({ files: deps.files, clock: deps.clock, codexHome: dir ?? '' });
    return createCodexProvider({
      http: providerHttp(config, deps, url),
      clock: deps.clock,
      baseUrl: url,
      readAuth: codexAuthLookup(config, deps.files, account),
      fallbackSources: [logs],
      logger: deps.logger ?? new StderrLogger(),
    });
  },
  async credentialStatus(config, deps, account) {
    const auth = await codexAuthLookup(config, deps.files, account)();
    const path = authPath(config, deps.files, account);
    return auth.ok
      ? { configured: auth.value !== null, origin: auth.value ? 'file' : null, label: auth.value ? path : null, error: null }
      : { configured: false, origin: 'file', label: path, error: auth.error };
  },
};
