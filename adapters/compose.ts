// Composition: environment → config → providers wired to real adapters. Used by the CLI, the
// Electron main process and the preview host, so all three run the very same code paths.
// Every provider comes from the registries; nothing here names one.
import { enabledAccountsOf, type AccountSetting } from '../core/accounts';
import type { ProviderId } from '../core/model';
import type { SecretStore } from '../core/ports';
import type { Provider } from '../core/provider';
import { PROVIDERS, PROVIDER_IDS as KNOWN_IDS } from '../core/providers/registry';
import type { CredentialStatus } from '../core/credentials';
import { dataDir, toolDir, type Env } from './app-paths';
import { KeyringSecretStore } from './keyring-secret-store';
import type { AppConfig, ComposeDeps, ResolvedCredentials } from './providers/context';
import { adapterOf, allAdapters } from './providers/registry';

export { httpForBase, providerHttp, type AppConfig, type ComposeDeps } from './providers/context';

export const PROVIDER_IDS: ProviderId[] = [...KNOWN_IDS];

/** Reads the environment once: base URLs (QUOTABAR_<ID>_URL), credential locations, env keys, the timeout. */
export function resolveConfig(env: Env, platform: string, homedir: string): AppConfig {
  const pick = (v: string | undefined, d: string) => (v && v.trim() !== '' ? v.trim().replace(/\/+$/, '') : d);
  const urls: Record<string, string> = {};
  const credentials: Record<string, ResolvedCredentials> = {};
  const optIn: Record<string, boolean> = {};
  for (const p of PROVIDERS) {
    const c: { envKey?: string; dir?: { env: string; defaultName: string }; optIn?: { env: string }; managementKey?: { envKey: string } } = p.credentials;
    if (c.optIn) optIn[p.id] = env[c.optIn.env]?.trim() === '1';
    urls[p.id] = pick(env[p.baseUrlEnv], p.defaultBaseUrl);
    const key = c.envKey ? env[c.envKey]?.trim() : undefined;
    const management = c.managementKey ? env[c.managementKey.envKey]?.trim() : undefined;
    credentials[p.id] = { envKey: key ? key : null, dir: c.dir ? toolDir(env, homedir, c.dir) : null, ...(c.managementKey ? { managementKey: management || null } : {}) };
  }
  return {
    platform,
    homedir,
    env,
    urls,
    credentials,
    timeoutMs: Number(env.QUOTABAR_TIMEOUT_MS) > 0 ? Number(env.QUOTABAR_TIMEOUT_MS) : 15_000,
    dataDir: dataDir(env, platform, homedir),
    optIn,
  };
}

/** `config` with the app's opt-in setting (provider ids) added to what the environment turned on. */
export function withOptIn(config: AppConfig, ids: readonly string[]): AppConfig {
  const optIn = { ...config.optIn };
  for (const id of ids) if (id in optIn) optIn[id] = true;
  return { ...config, optIn };
}

/**
 * The OS keychain. On Linux it is pinned to the Secret Service: the kernel-keyring fallback would
 * "work" and then lose the key at logout, so a missing keyring must fail loudly instead.
 */
export function defaultSecretStore(platform: string): SecretStore {
  return new KeyringSecretStore(platform === 'linux' ? { store: 'secret-service' } : {});
}

/** One registered provider, wired to the configured URL and credential. */
export function buildProvider(id: ProviderId, config: AppConfig, deps: ComposeDeps): Provider {
  return adapterOf(id).build(config, deps);
}

/** One labelled account of a registered provider, wired to its own key or folder. */
export function buildAccount(account: AccountSetting, config: AppConfig, deps: ComposeDeps): Provider {
  return { ...adapterOf(account.providerId).build(config, deps, account), accountLabel: account.label };
}

/**
 * Every provider in display order, each as its implicit account followed by its enabled labelled
 * accounts in their order. Each is polled even when unconfigured, so its card says so.
 */
export function buildAllProviders(config: AppConfig, deps: ComposeDeps, only?: ProviderId[], accounts: readonly AccountSetting[] = []): Provider[] {
  return allAdapters()
    .filter((a) => !only || only.includes(a.descriptor.id))
    .flatMap((a) => [a.build(config, deps), ...enabledAccountsOf(accounts, a.descriptor.id).map((acc) => buildAccount(acc, config, deps))]);
}

/** Where each provider's credential comes from, as safe labels for the settings window. */
export async function credentialStatuses(config: AppConfig, deps: ComposeDeps): Promise<CredentialStatus[]> {
  const out: CredentialStatus[] = [];
  for (const a of allAdapters()) out.push({ providerId: a.descriptor.id, ...(await a.credentialStatus(config, deps)) });
  return out;
}
