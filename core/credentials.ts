// What the shells may know about a stored credential: where it was found and a masked label.
// Plain data shared by the adapters that look credentials up and the settings window that shows them.
import type { ProviderError } from './errors';
import type { ProviderId } from './model';

/** Where a credential was found; the secret itself never crosses IPC. */
export interface CredentialStatus {
  providerId: ProviderId;
  configured: boolean;
  /** 'env' (an environment variable), 'keychain', 'file', 'macos-keychain', or null. */
  origin: 'env' | 'keychain' | 'file' | 'macos-keychain' | null;
  /** A masked label such as `sk-or-v1-…e41`, or a file path for file-based credentials. */
  label: string | null;
  /** Set when the credential store could not be read. */
  error: ProviderError | null;
}
