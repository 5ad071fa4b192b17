// What every provider's wiring gets: the configuration read from the environment and the ports.
// Kept apart from compose.ts so the per-provider files and compose.ts do not import each other.
import type { ProviderId } from '../../core/model';
import type { Clock, FileSource, HttpClient, Logger, Scheduler, SecretStore } from '../../core/ports';
import { UndiciHttpClient } from '../undici-http-client';

/** One provider's credential locations, as the environment sets them. */
export interface ResolvedCredentials {
  /** The descriptor's `envKey` variable, trimmed; null when unset or blank. */
  envKey: string | null;
  /** The vendor tool's folder (its override variable, else its folder under home); null when it has none. */
  dir: string | null;
  /** The descriptor's `managementKey.envKey` variable, trimmed; null when unset, blank, or the provider has none. */
  managementKey?: string | null;
}

export interface AppConfig {
  platform: string;
  /** The user's home folder, for vendor files found by platform rules rather than one folder. */
  homedir: string;
  /** The environment the config was read from (vendor tools' own folder variables, e.g. XDG_CONFIG_HOME). */
  env: Readonly<Record<string, string | undefined>>;
  /** Base URL per provider id: its QUOTABAR_<ID>_URL, else the descriptor's default. */
  urls: Record<string, string>;
  credentials: Record<string, ResolvedCredentials>;
  timeoutMs: number;
  /** Quotabar's data folder (`dataDir` in app-paths.ts), where status-line readings are recorded. */
  dataDir?: string;
  /** Provider ids whose opt-in credential reading (descriptor `credentials.optIn`) is on. */
  optIn?: Record<string, boolean>;
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

/** An HTTP client that may only talk to `baseUrl`'s origin: a key can never reach another host. */
export function httpForBase(baseUrl: string, timeoutMs = 15_000): HttpClient {
  return new UndiciHttpClient({ allowedOrigins: [new URL(baseUrl).origin], defaultTimeoutMs: timeoutMs });
}

/** The HTTP client for one provider's base URL: `deps.httpFor` when given, else `httpForBase` with the configured timeout. */
export function providerHttp(config: AppConfig, deps: Pick<ComposeDeps, 'httpFor'>, baseUrl: string): HttpClient {
  return deps.httpFor ? deps.httpFor(baseUrl) : httpForBase(baseUrl, config.timeoutMs);
}

/**
 * A provider's configured base URL and credential locations (every registered id has both). For a
 * labelled account the environment's key does not apply and its folder is the account's own.
 */
export function configFor(config: AppConfig, id: ProviderId, account?: { dir?: string }): { url: string } & ResolvedCredentials {
  const creds = config.credentials[id] ?? { envKey: null, dir: null };
  return { url: config.urls[id] ?? '', ...(account ? { envKey: null, dir: account.dir ?? null, managementKey: null } : creds) };
}
