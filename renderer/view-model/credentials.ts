// How a credential stands, said once for both windows: Settings' rows and the popover's cards take
// their state from `credentialState`, over the credential store's answer and the provider's last one,
// so Settings can never call a sign-in fine while the popover says it has expired.
import type { CredentialStatus } from '../../app/contract';
import { assertNever, type ProviderError } from '../../core/errors';
import type { ProviderSnapshot } from '../../core/model';
import { describeError, providerName } from '../../core/present';
import { descriptorOf } from '../../core/providers/registry';

/** found: readable and not refused; missing; expired or invalid: refused by the provider; error: unreadable. */
export type CredentialState = 'found' | 'missing' | 'expired' | 'invalid' | 'error';

export interface CredentialView {
  providerId: string;
  name: string;
  state: CredentialState;
  /** "Found in /home/me/.tool/auth.json", "Not found", "The sign-in has expired."… */
  text: string;
  /** What to do when it is missing, refused or unreadable. */
  hint: string | null;
}

/** What the provider's last answer says of the credential itself; null when it says nothing about it. */
function verdictOf(s: ProviderSnapshot | null): { state: CredentialState; error: ProviderError } | null {
  const e = s && s.status !== 'ok' ? s.error : null;
  if (!e) return null;
  switch (e.kind) {
    case 'unauthorized':
      return { state: e.hint === 'token_expired' ? 'expired' : 'invalid', error: e };
    case 'credentials_invalid':
      return { state: 'error', error: e };
    default:
      // Network trouble, throttling, a server error: nothing is wrong with the credential.
      return null;
  }
}

/**
 * The credential's state: unreadable or missing as the store says (`c`, when known), else refused
 * as the provider last said (`s`), else found. The popover passes no `c`: it has only the snapshot.
 */
export function credentialState(c: CredentialStatus | null, s: ProviderSnapshot | null): { state: CredentialState; error: ProviderError | null } {
  if (c?.error) return { state: 'error', error: c.error };
  if (c && !c.configured) return { state: 'missing', error: null };
  const verdict = verdictOf(s);
  if (verdict) return verdict;
  if (!c && s?.status === 'unconfigured' && s.attemptedAt !== null) return { state: 'missing', error: null };
  return { state: 'found', error: null };
}

function originText(c: CredentialStatus, demo: boolean): string {
  const where = c.label ? ` (${c.label})` : '';
  switch (c.origin) {
    case 'env':
      return `From an environment variable${where}`;
    case 'keychain':
      // The demo keeps its key in memory: saying "keychain" there would not be true.
      return demo ? `Kept for this session only${where}` : `Saved in the system keychain${where}`;
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

/**
 * A Settings row: `c` from the credential store, `s` the provider's snapshot (null before the
 * first view). `demo` says where a stored key really lives.
 */
export function credentialView(c: CredentialStatus, s: ProviderSnapshot | null = null, opts: { demo?: boolean } = {}): CredentialView {
  const name = providerName(c.providerId);
  const base = { providerId: c.providerId, name };
  const { state, error } = credentialState(c, s);
  if (error) {
    const p = describeError(error, c.providerId);
    return { ...base, state, text: p.reason, hint: p.action };
  }
  if (state === 'missing') return { ...base, state, text: 'Not found', hint: descriptorOf(c.providerId)?.words.missing ?? null };
  return { ...base, state, text: originText(c, opts.demo ?? false), hint: null };
}

/** The masked labels of keys (keychain or environment), by provider: what Settings shows for them. */
export function keyLabels(credentials: readonly CredentialStatus[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of credentials) if (c.configured && c.label && (c.origin === 'keychain' || c.origin === 'env')) out[c.providerId] = c.label;
  return out;
}
