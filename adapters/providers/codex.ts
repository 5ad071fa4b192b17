// Codex's credential is the Codex CLI's own auth.json in its home folder, read only; the same folder
// holds the session logs that answer when the usage endpoint cannot.
import type { CredentialLookup, FileSource } from '../../core/ports';
import { codex } from '../../core/providers/codex/descriptor';
import { createCodexLogsSource } from '../../core/providers/codex/logs';
import { createCodexProvider } from '../../core/providers/codex/provider';
import { StderrLogger } from '../stderr-logger';
import type { ProviderAdapter } from './adapter';
import { configFor, providerHttp, type AppConfig } from './context';

function authPath(config: AppConfig, files: FileSource): string {
  return files.join(configFor(config, codex.id).dir ?? '', 'auth.json');
}

/** auth.json text from the Codex home, or null when it does not exist. */
export function codexAuthLookup(config: AppConfig, files: FileSource): CredentialLookup<string> {
  const path = authPath(config, files);
  return async () => {
    const r = await files.readText(path);
    if (r.ok) return r;
    if (r.error.kind === 'not_found') return { ok: true, value: null };
    return { ok: false, error: { kind: 'credentials_invalid', detail: `auth.json is unreadable (${r.error.code})` } };
  };
}

export const codexAdapter: ProviderAdapter = {
  descriptor: codex,
  build(config, deps) {
    const { url, dir } = configFor(config, codex.id);
    const logs = createCodexLogsSource({ files: deps.files, clock: deps.clock, codexHome: dir ?? '' });
    return createCodexProvider({
      http: providerHttp(config, deps, url),
      clock: deps.clock,
      baseUrl: url,
      readAuth: codexAuthLookup(config, deps.files),
      fallbackSources: [logs],
      logger: deps.logger ?? new StderrLogger(),
    });
  },
  async credentialStatus(config, deps) {
    const auth = await codexAuthLookup(config, deps.files)();
    const path = authPath(config, deps.files);
    return auth.ok
      ? { configured: auth.value !== null, origin: auth.value ? 'file' : null, label: auth.value ? path : null, error: null }
      : { configured: false, origin: 'file', label: path, error: auth.error };
  },
};
