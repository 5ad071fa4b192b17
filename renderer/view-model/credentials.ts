// How the settings window describes each credential: found (and where), missing, or unreadable.
import type { CredentialStatus } from '../../electron/ipc-contract';
import { assertNever } from '../../core/errors';
import { describeError, providerName } from '../../core/present';

export interface CredentialView {
  providerId: string;
  name: string;
  state: 'found' | 'missing' | 'error';
  /** "Found in /home/me/.codex/auth.json", "Not found", "Saved in the system keychain"… */
  text: string;
  /** What to do when it is missing or unreadable. */
  hint: string | null;
}

function originText(c: CredentialStatus): string {
  const where = c.label ? ` (${c.label})` : '';
  switch (c.origin) {
    case 'env':
      return `From an environment variable${where}`;
    case 'keychain':
      return `Saved in the system keychain${where}`;
    case 'macos-keychain':
      return `Found in the macOS Keychain${where}`;
    case 'file':
      return c.label ? `Found in ${c.label}` : 'Found in a credentials file';
    case null:
      return c.label ? `Found (${c.label})` : 'Found';
    default:
      return assertNever(c.origin);
  }
}

const MISSING_HINT: Record<string, string> = {
  openrouter: 'Add a key below.',
  codex: 'Run `codex login` in a terminal; Quotabar picks it up on the next refresh.',
  claude: 'Run `claude` in a terminal and sign in; Quotabar picks it up on the next refresh.',
};

export function credentialView(c: CredentialStatus): CredentialView {
  const name = providerName(c.providerId);
  if (c.error) {
    const p = describeError(c.error, c.providerId);
    return { providerId: c.providerId, name, state: 'error', text: p.reason, hint: p.action };
  }
  if (!c.configured) {
    return { providerId: c.providerId, name, state: 'missing', text: 'Not found', hint: MISSING_HINT[c.providerId] ?? null };
  }
  return { providerId: c.providerId, name, state: 'found', text: originText(c), hint: null };
}

/** The masked labels of keys (keychain or environment), by provider: what Settings shows for them. */
export function keyLabels(credentials: readonly CredentialStatus[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of credentials) if (c.configured && c.label && (c.origin === 'keychain' || c.origin === 'env')) out[c.providerId] = c.label;
  return out;
}
