// A provider's management key in Settings (its team view): where it is set, and what a check of it came
// to, in words. The provider's own answer (a refused key) and the demo server's are told apart.
import type { KeyCheck, ManagementKeyStatus } from '../../app/contract';
import { demoManagementKeyRejected, describeError } from '../../core/present';
import type { ProviderSnapshot } from '../../core/model';
import type { ProviderDescriptor } from '../../core/providers/descriptor';
import type { CredentialState } from './credentials';

export interface ManagementKeyView {
  state: CredentialState;
  /** "Not set.", "Saved in the system keychain (<masked key>)", "Set by <its variable> (<masked key>)"… */
  text: string;
  /** Set by the provider's variable, which wins over a stored one: nothing to manage here. */
  fromEnv: boolean;
  /** A management key is in the keychain (or, in demo mode, in memory). */
  stored: boolean;
}

/** True when the provider said 401/403 to the management key (typed by its team fetch as `management_key_required`). */
function refusedAsManagementKey(e: { kind: string; reason?: string }): boolean {
  return e.kind === 'forbidden' && e.reason === 'management_key_required';
}

/**
 * The row's state: unreadable, not set, set (by the variable or stored), or refused when the provider's
 * last poll said so (`snapshot`, the implicit account's). `demo`: stored keys live in memory, checked by the demo server.
 */
export function managementKeyView(
  provider: ProviderDescriptor,
  status: ManagementKeyStatus,
  snapshot: ProviderSnapshot | null,
  opts: { demo: boolean },
): ManagementKeyView {
  const fromEnv = status.origin === 'env';
  const stored = status.origin === 'keychain';
  const base = { fromEnv, stored };
  if (status.error) return { ...base, state: 'error', text: describeError(status.error, provider.id).reason };
  if (status.origin === null) return { ...base, state: 'missing', text: 'Not set.' };
  const label = status.label ? ` (${status.label})` : '';
  const note = snapshot?.notes.find((n) => n.code === 'team_keys_error');
  if (note && note.code === 'team_keys_error' && refusedAsManagementKey(note.error)) {
    const who = opts.demo ? 'the demo server' : provider.displayName;
    return { ...base, state: 'invalid', text: `Refused by ${who}${label}: not a management key, or invalid or disabled.` };
  }
  if (fromEnv) return { ...base, state: 'found', text: `Set by ${provider.credentials.managementKey?.envKey ?? 'its variable'}${label}` };
  return { ...base, state: 'found', text: opts.demo ? `Kept for this session only${label}` : `Saved in the system keychain${label}` };
}

const keysText = (n: number | undefined) => (n === undefined ? '' : `: it lists ${n} key${n === 1 ? '' : 's'}`);

/** Words for what the provider (or, in demo mode, the demo server) said about a management key. */
export function managementCheckMessage(
  check: KeyCheck,
  action: 'test' | 'save',
  demo: boolean,
  provider: ProviderDescriptor,
): { tone: 'error' | 'success'; text: string } {
  const name = provider.displayName;
  if (check.ok) {
    const label = check.label ? ` (${check.label})` : '';
    return action === 'save'
      ? { tone: 'success', text: `Saved${label}${keysText(check.keys)}. The team keys show under ${name} in the popover.` }
      : { tone: 'success', text: `The management key works${label}${keysText(check.keys)}. Save it to show them in the popover.` };
  }
  const e = check.error;
  if (e.kind === 'invalid_format') return { tone: 'error', text: e.detail };
  if (refusedAsManagementKey(e) || e.kind === 'unauthorized') {
    return demo
      ? { tone: 'error', text: demoManagementKeyRejected(name) }
      : {
          tone: 'error',
          text: `${name} refused it: it is not a management key, or it is invalid or disabled. A management key is created in your ${name} account settings.`,
        };
  }
  // One request: nothing retries it, so the words must not promise that.
  const p = describeError(e, provider.id, { retrying: false });
  return { tone: 'error', text: p.action ? `${p.reason} ${p.action}` : p.reason };
}
