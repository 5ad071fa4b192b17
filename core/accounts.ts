// Accounts beyond the implicit first one: several keys or sign-in folders of one provider, each
// polled as its own card. Pure: the list lives in Settings; adapters turn an entry into a Provider.
import { asArray, asBool, asObject, asText } from './json';
import { descriptorOf } from './providers/registry';

/** One extra account of a provider, as kept in the settings file (in display order). */
export interface AccountSetting {
  providerId: string;
  /** Unique per provider (case-insensitively); names the card, the alert and the keychain entry. */
  label: string;
  enabled: boolean;
  /** Sign-in providers: the vendor tool's folder for this account (what its `credentials.dir` variable names for the default account). */
  dir?: string;
}

/** At most this many extra accounts are kept: each one is polled on every refresh. */
export const MAX_ACCOUNTS = 50;

const LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;
const PROVIDER_ID = /^[a-z][a-z0-9-]{0,31}$/;

/** Why a label cannot be used, or null when it can. */
export function labelProblem(label: string): string | null {
  return LABEL.test(label) && label.trim() === label
    ? null
    : 'a label is 1–40 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit';
}

/** Same provider and label (labels compare case-insensitively: "Work" and "work" are one account). */
export function sameAccount(a: { providerId: string; label: string | null }, providerId: string, label: string | null): boolean {
  if (a.providerId !== providerId) return false;
  if (a.label === null || label === null) return a.label === label;
  return a.label.toLowerCase() === label.toLowerCase();
}

/**
 * The keychain entry of a stored key: the descriptor's account for the implicit account (unchanged
 * from before accounts existed), `<account>:<label>` for a labelled one.
 */
export function keychainNameFor(baseAccount: string, label: string | null): string {
  return label === null ? baseAccount : `${baseAccount}:${label}`;
}

/** A stable key for per-account memory (poller entries, alert state, recorded history). */
export function accountKey(providerId: string, label: string | null): string {
  return label === null ? providerId : `${providerId}\u0000${label}`;
}

/** The account list from a settings file or patch: bad entries and repeated labels are dropped, order kept. */
export function normalizeAccounts(v: unknown): AccountSetting[] | null {
  if (!Array.isArray(v)) return null;
  const out: AccountSetting[] = [];
  for (const raw of asArray(v)) {
    const o = asObject(raw);
    if (!o) continue;
    const providerId = asText(o.providerId);
    const label = asText(o.label);
    if (!providerId || !PROVIDER_ID.test(providerId) || !label || labelProblem(label) !== null) continue;
    if (out.some((a) => sameAccount(a, providerId, label))) continue;
    const enabled = asBool(o.enabled);
    const dir = asText(o.dir);
    out.push({ providerId, label, enabled: enabled ?? true, ...(dir ? { dir } : {}) });
    if (out.length >= MAX_ACCOUNTS) break;
  }
  return out;
}

/** The enabled accounts of one provider, in order. */
export function enabledAccountsOf(accounts: readonly AccountSetting[], providerId: string): AccountSetting[] {
  return accounts.filter((a) => a.providerId === providerId && a.enabled);
}

/**
 * What to do when a labelled account's credential is missing or refused. The descriptor's words are
 * about the default account (Settings' key form, the default folder), so they would send the user to
 * the wrong place. Null for every other error kind: those words hold for any account.
 */
export function labelledAccountRemedy(providerId: string, label: string, kind: string): string | null {
  if (kind !== 'unconfigured' && kind !== 'unauthorized') return null;
  const d = descriptorOf(providerId);
  const cli = d?.cli.name ?? providerId;
  if (d?.credentials.keychainAccount) {
    return `Store a working key for it: \`quotabar account remove ${cli} ${label}\`, then \`quotabar account add ${cli} --label ${label}\`.`;
  }
  const tool = d?.words.signInWith ?? d?.displayName ?? providerId;
  const where = d?.credentials.dir ? ` with ${d.credentials.dir.env} set to this account's folder` : '';
  return `Sign in with ${tool}${where} (the folder is shown by \`quotabar account list\`), then refresh.`;
}
