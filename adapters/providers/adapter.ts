// The I/O half of a provider: how its credential is found and its sources are wired to real ports.
import type { ProviderError, Result } from '../../core/errors';
import type { HttpClient } from '../../core/ports';
import type { AccountSetting } from '../../core/accounts';
import type { Provider } from '../../core/provider';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { StatusLineHook } from '../../core/providers/status-line';
import type { AppConfig, ComposeDeps } from './context';

/** Where a credential was found, as Settings shows it (the IPC contract's CredentialStatus without the id). */
export interface CredentialLocation {
  configured: boolean;
  origin: 'env' | 'keychain' | 'file' | 'macos-keychain' | null;
  /** A masked key, a file path or a keychain item name; never the secret. */
  label: string | null;
  /** Set when the credential store could not be read. */
  error: ProviderError | null;
}

export interface ProviderAdapter {
  readonly descriptor: ProviderDescriptor;
  /**
   * The provider with its ordered sources, wired to the configured URL and credential: the implicit
   * account's (environment and default locations) without `account`, else that account's own key or folder.
   */
  build(config: AppConfig, deps: ComposeDeps, account?: AccountSetting): Provider;
  /** Where its credential comes from (the implicit account's, or `account`'s), as safe labels (never the secret). */
  credentialStatus(config: AppConfig, deps: ComposeDeps, account?: AccountSetting): Promise<CredentialLocation>;
  /** Providers whose key Quotabar stores: asks the provider whether `key` works (label is safe to show). */
  validateKey?(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>>;
  /** Providers whose key Quotabar stores: the key as it may be shown. */
  maskKey?(key: string): string;
  /** The vendor tool pipes its usage to a status-line command: `quotabar statusline` (issue 11 §2). */
  readonly statusLine?: StatusLineHook;
  /**
   * Providers with a management key (descriptor `credentials.managementKey`): its shape check and a
   * check with the provider that it lists the account's keys (how many it saw).
   */
  managementKey?: {
    formatProblem(key: string): string | null;
    validate(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ keys: number }>>;
  };
}
