// Composition: environment → config → providers wired to real adapters. Used by the CLI, the
// Electron main process and the preview host, so all three run the very same code paths.
import type { ProviderId } from '../core/model';
import type { Clock, CredentialLookup, FileSource, HttpClient, Logger, Scheduler, SecretStore } from '../core/ports';
import type { Provider } from '../core/provider';
import { createClaudeProvider } from '../core/providers/claude/provider';
import { createCodexProvider } from '../core/providers/codex/provider';
import { createCodexLogsSource } from '../core/providers/codex/logs';
import { createOpenRouterProvider, maskKey } from '../core/providers/openrouter/provider';
import type { CredentialStatus } from '../electron/ipc-contract';
import { claudeConfigDir, codexHome, type Env } from './app-paths';
import { createClaudeCredentialLookup, describeClaudeCredentials } from './providers/claude';
import { KeyringSecretStore } from './keyring-secret-store';
import { StderrLogger } from './stderr-logger';
import { UndiciHttpClient } from './undici-http-client';

export const DEFAULT_URLS = {
  openrouter: 'https://openrouter.ai/api/v1',
  codex: 'https://chatgpt.com/backend-api',
  claude: 'https://api.anthropic.com',
} as const;

/** The keychain account that holds the OpenRouter key (service 'quotabar'). */
export const OPENROUTER_ACCOUNT = 'openrouter';

export interface AppConfig {
  platform: string;
  urls: { openrouter: string; codex: string; claude: string };
  codexHome: string;
  claudeConfigDir: string;
  /** OPENROUTER_API_KEY, which wins over the keychain when set. */
  openrouterEnvKey: string | null;
  timeoutMs: number;
}

export interface ComposeDeps {
  secrets: SecretStore;
  files: FileSource;
  clock: Clock & Scheduler;
  /** Makes the HTTP client for one provider; defaults to undici limited to that provider's origin. */
  httpFor?: (baseUrl: string) => HttpClient;
  /** Where providers report oddities (e.g. body and headers disagreeing); defaults to stderr. */
  logger?: Logger;
}

/** Reads the environment once: base URLs (QUOTABAR_*_URL), credential locations, the env key. */
export function resolveConfig(env: Env, platform: string, homedir: string): AppConfig {
  const pick = (v: string | undefined, d: string) => (v && v.trim() !== '' ? v.trim().replace(/\/+$/, '') : d);
  const key = env.OPENROUTER_API_KEY?.trim();
  return {
    platform,
    urls: {
      openrouter: pick(env.QUOTABAR_OPENROUTER_URL, DEFAULT_URLS.openrouter),
      codex: pick(env.QUOTABAR_CODEX_URL, DEFAULT_URLS.codex),
      claude: pick(env.QUOTABAR_CLAUDE_URL, DEFAULT_URLS.claude),
    },
    codexHome: codexHome(env, homedir),
    claudeConfigDir: claudeConfigDir(env, homedir),
    openrouterEnvKey: key ? key : null,
    timeoutMs: Number(env.QUOTABAR_TIMEOUT_MS) > 0 ? Number(env.QUOTABAR_TIMEOUT_MS) : 15_000,
  };
}

/**
 * The OS keychain. On Linux it is pinned to the Secret Service: the kernel-keyring fallback would
 * "work" and then lose the key at logout, so a missing keyring must fail loudly instead.
 */
export function defaultSecretStore(platform: string): SecretStore {
  return new KeyringSecretStore(platform === 'linux' ? { store: 'secret-service' } : {});
}

/** An HTTP client that may only talk to `baseUrl`'s origin: a key can never reach another host. */
export function httpForBase(baseUrl: string, timeoutMs = 15_000): HttpClient {
  return new UndiciHttpClient({ allowedOrigins: [new URL(baseUrl).origin], defaultTimeoutMs: timeoutMs });
}

/** The HTTP client for one provider's base URL: `deps.httpFor` when given, else `httpForBase` with the configured timeout. */
export function providerHttp(config: AppConfig, deps: Pick<ComposeDeps, 'httpFor'>, baseUrl: string): HttpClient {
  return deps.httpFor ? deps.httpFor(baseUrl) : httpForBase(baseUrl, config.timeoutMs);
}

/** The OpenRouter key: OPENROUTER_API_KEY if set, else the keychain. */
export function openRouterKeyLookup(config: AppConfig, secrets: SecretStore): CredentialLookup<string> {
  return async () => (config.openrouterEnvKey ? { ok: true, value: config.openrouterEnvKey } : secrets.get(OPENROUTER_ACCOUNT));
}

function codexAuthPath(config: AppConfig, files: FileSource): string {
  return files.join(config.codexHome, 'auth.json');
}

/** auth.json text from CODEX_HOME, or null when it does not exist. */
export function codexAuthLookup(config: AppConfig, files: FileSource): CredentialLookup<string> {
  const path = codexAuthPath(config, files);
  return async () => {
    const r = await files.readText(path);
    if (r.ok) return r;
    if (r.error.kind === 'not_found') return { ok: true, value: null };
    return { ok: false, error: { kind: 'credentials_invalid', detail: `auth.json is unreadable (${r.error.code})` } };
  };
}

export function buildOpenRouter(config: AppConfig, deps: ComposeDeps): Provider {
  return createOpenRouterProvider({ http: providerHttp(config, deps, config.urls.openrouter), clock: deps.clock, baseUrl: config.urls.openrouter, getKey: openRouterKeyLookup(config, deps.secrets) });
}

export function buildCodex(config: AppConfig, deps: ComposeDeps): Provider {
  const logs = createCodexLogsSource({ files: deps.files, clock: deps.clock, codexHome: config.codexHome });
  return createCodexProvider({
    http: providerHttp(config, deps, config.urls.codex),
    clock: deps.clock,
    baseUrl: config.urls.codex,
    readAuth: codexAuthLookup(config, deps.files),
    fallbackSources: [logs],
    logger: deps.logger ?? new StderrLogger(),
  });
}

export function buildClaude(config: AppConfig, deps: ComposeDeps): Provider {
  const getCredentials = createClaudeCredentialLookup({ files: deps.files, configDir: config.claudeConfigDir, platform: config.platform });
  return createClaudeProvider({
    http: providerHttp(config, deps, config.urls.claude),
    clock: deps.clock,
    baseUrl: config.urls.claude,
    getCredentials,
    logger: deps.logger ?? new StderrLogger(),
  });
}

export const PROVIDER_IDS: ProviderId[] = ['openrouter', 'codex', 'claude'];

/** Every provider, in display order. Each is polled even when unconfigured, so its card says so. */
export function buildAllProviders(config: AppConfig, deps: ComposeDeps, only?: ProviderId[]): Provider[] {
  const all: Array<[ProviderId, () => Provider]> = [
    ['openrouter', () => buildOpenRouter(config, deps)],
    ['codex', () => buildCodex(config, deps)],
    ['claude', () => buildClaude(config, deps)],
  ];
  return all.filter(([id]) => !only || only.includes(id)).map(([, make]) => make());
}

/** Where each provider's credential comes from, as safe labels for the settings window. */
export async function credentialStatuses(config: AppConfig, deps: ComposeDeps): Promise<CredentialStatus[]> {
  const out: CredentialStatus[] = [];
  if (config.openrouterEnvKey) {
    out.push({ providerId: 'openrouter', configured: true, origin: 'env', label: maskKey(config.openrouterEnvKey), error: null });
  } else {
    const r = await deps.secrets.get(OPENROUTER_ACCOUNT);
    out.push(
      r.ok
        ? { providerId: 'openrouter', configured: r.value !== null, origin: r.value ? 'keychain' : null, label: r.value ? maskKey(r.value) : null, error: null }
        : { providerId: 'openrouter', configured: false, origin: null, label: null, error: r.error },
    );
  }
  const auth = await codexAuthLookup(config, deps.files)();
  const authPath = codexAuthPath(config, deps.files);
  out.push(
    auth.ok
      ? { providerId: 'codex', configured: auth.value !== null, origin: auth.value ? 'file' : null, label: auth.value ? authPath : null, error: null }
      : { providerId: 'codex', configured: false, origin: 'file', label: authPath, error: auth.error },
  );
  const claude = await describeClaudeCredentials({ files: deps.files, configDir: config.claudeConfigDir, platform: config.platform });
  out.push({ providerId: 'claude', ...claude });
  return out;
}
