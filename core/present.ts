// Words for the front ends: error kinds, notes, durations and amounts. The CLI and the renderer
// both use these, so a user reads the same sentence in the terminal and in the popover.
import { lowBalanceOf } from './alerts';
import { assertNever, type AuthHint, type ProviderError } from './errors';
import { isOwnWindow, type Note, type ProviderSnapshot, type UsageWindow } from './model';
import type { ProviderDescriptor } from './providers/descriptor';
import { descriptorOf } from './providers/registry';
import { formatAgo, formatAmount, formatDeadline, formatDuration } from './format';

// The formatters live in core/format.ts; front ends may keep importing them from here.
export { formatDuration, formatDeadline, formatResetsIn, paceText, runwayText, formatAgo, formatAmount, formatPercent, windowFigure, windowAmounts } from './format';

/** What went wrong and what to do, in plain words. */
export interface ErrorWords {
  reason: string;
  action: string | null;
}

/** A provider's display name (its descriptor's), or the id itself for one Quotabar does not know. */
export function providerName(id: string): string {
  return descriptorOf(id)?.displayName ?? id;
}

/** A provider's account as a sentence names it: "<Provider>" for the implicit account, "<Provider> (work)" for a labelled one. */
export function accountName(id: string, label: string | null): string {
  return label === null ? providerName(id) : `${providerName(id)} (${label})`;
}

/** How the failed request came about: the poller tries again by itself; a one-off check does not. */
export interface ErrorContext {
  /** False for a one-off request (testing or saving a key): nothing retries it, so words never say so. */
  retrying?: boolean;
  /** Who reads the words: the app (which has a Settings window) or the terminal (which has commands). */
  surface?: 'app' | 'cli';
}

/**
 * A network failure in words: what could not be reached and why. Undici's codes (ENOTFOUND…) are
 * for logs; a person reads what they mean. The host is named when the error carries one.
 */
function transportReason(code: string, providerId: string, host: string | null): string {
  const what = host ?? (providerId ? providerName(providerId) : 'the provider');
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not reach ${what}: its address could not be looked up (offline, or DNS is not answering).`;
    case 'ECONNREFUSED':
      return `Could not reach ${what}: the connection was refused.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `Lost the connection to ${what} before it answered.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `Could not reach ${what}: connecting took too long.`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return `Could not reach ${what}: the network is unreachable.`;
    case 'blocked_origin':
    case 'invalid_url':
      return `Could not reach ${what}: its address is not one Quotabar may use.`;
    default:
      if (CERTIFICATE_CODE.test(code)) return `Could not reach ${what}: its certificate could not be verified.`;
      if (/SSL|TLS/i.test(code)) return `Could not reach ${what}: a secure connection could not be set up.`;
      return `Could not reach ${what} (network error ${code}).`;
  }
}

/**
 * OpenSSL's certificate-verification codes as Node reports them (UNABLE_TO_VERIFY_LEAF_SIGNATURE,
 * SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID…): not all name a CERT.
 */
const CERTIFICATE_CODE = /CERT|CRL|^UNABLE_TO_|^(INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|HOSTNAME_MISMATCH)$/i;

/** Plain-words reason and remedy for an error kind. */
export function describeError(e: ProviderError, providerId = '', ctx: ErrorContext = {}): ErrorWords {
  const retrying = ctx.retrying ?? true;
  const cli = ctx.surface === 'cli';
  const later = (when = '') => (retrying ? `Quotabar will retry${when ? ` ${when}` : ''}.` : 'Try again in a moment.');
  switch (e.kind) {
    case 'unauthorized':
      return { reason: unauthorizedReason(e.hint, providerId), action: signInAction(e.hint, providerId, cli) };
    case 'forbidden':
      if (e.reason === 'validation') return { reason: 'The account needs to be verified.', action: 'Open the verification page.' };
      if (e.reason === 'violation') return { reason: 'The provider has suspended this account.', action: null };
      if (e.reason === 'management_key_required') return { reason: 'This endpoint needs a management key.', action: null };
      if (e.reason === 'ineligible') return ineligibleWords(providerId);
      return { reason: 'Access was refused by the provider.', action: 'Check the account or key permissions.' };
    case 'rate_limited': {
      if (e.spendCap) return { reason: 'The monthly spend limit has been reached.', action: 'Raise the limit in the console.' };
      const retryIn = e.retryInMs ?? e.retryAfterMs;
      return {
        reason: 'The provider is throttling usage checks.',
        action: !retrying
          ? retryIn != null
            ? `Try again in ${formatDuration(retryIn)}.`
            : 'Try again later.'
          : retryIn != null
            ? `Quotabar will retry in ${formatDuration(retryIn)}.`
            : 'Quotabar will retry later.',
      };
    }
    case 'upstream':
      return e.overloaded
        ? { reason: 'The provider is overloaded right now.', action: later('shortly') }
        : { reason: `The provider answered with an error (HTTP ${e.status}).`, action: later('shortly') };
    case 'transport': {
      const host = 'host' in e && typeof e.host === 'string' && e.host !== '' ? e.host : null;
      return {
        reason: transportReason(e.code, providerId, host),
        action: retrying ? 'Check the network; Quotabar will retry.' : 'Check the network, then try again.',
      };
    }
    case 'timeout':
      return { reason: `The provider did not answer within ${formatDeadline(e.afterMs)}.`, action: later() };
    case 'malformed':
      return {
        reason: 'The provider sent a response Quotabar could not read.',
        action: retrying ? 'Quotabar will retry; update Quotabar if this persists.' : 'Try again; update Quotabar if this persists.',
      };
    case 'unconfigured':
      return { reason: 'Not set up.', action: setupHint(providerId, cli) };
    case 'credentials_invalid':
      return { reason: `The saved credentials could not be read (${e.detail}).`, action: setupHint(providerId, cli) };
    case 'keychain_unavailable':
      return { reason: 'The system keychain is not available.', action: keychainAction(providerId) };
    case 'credits_exhausted':
      return { reason: 'The credit balance is exhausted.', action: 'Buy credits or raise the limit.' };
    default:
      return assertNever(e);
  }
}

// The provider's own sentence (its descriptor's `words.ineligible`) says what retired and what works instead.
function ineligibleWords(providerId: string): ErrorWords {
  const w = descriptorOf(providerId)?.words;
  return { reason: w?.ineligible ?? 'The provider no longer serves usage data to this account or sign-in.', action: w?.ineligibleAction ?? null };
}

function setupHint(providerId: string, cli: boolean): string | null {
  const w = descriptorOf(providerId)?.words;
  return w ? (cli ? (w.setupCli ?? w.setup) : w.setup) : null;
}

/** The provider a sign-in hint points at: `<id>_login` names it; other hints belong to `providerId`'s. */
function hintedProvider(hint: AuthHint | null, providerId: string): ProviderDescriptor | null {
  const named = hint?.endsWith('_login') ? descriptorOf(hint.slice(0, -'_login'.length)) : null;
  return named ?? descriptorOf(providerId);
}

/** What to do about a refused sign-in or key; plain words when the provider is unknown. */
function signInAction(hint: AuthHint | null, providerId: string, cli: boolean): string {
  const w = hintedProvider(hint, providerId)?.words;
  if (!w) return 'Check the key or sign-in, then try again.';
  return cli ? (w.signInAgainCli ?? w.signInAgain) : w.signInAgain;
}

function unauthorizedReason(hint: AuthHint | null, providerId: string): string {
  if (hint === 'missing_scope') return 'The sign-in lacks the user:profile permission needed to read usage.';
  if (hint === 'token_expired') return 'The sign-in has expired.';
  return descriptorOf(providerId)?.words.rejected ?? 'The sign-in was rejected or has expired.';
}

/** What to do about an unreachable keychain: unlock it, or use the provider's key variable when it has one. */
function keychainAction(providerId: string): string {
  const env = descriptorOf(providerId)?.credentials.envKey;
  return `Unlock or start your keyring (e.g. gnome-keyring)${env ? `, or set ${env}` : ''}.`;
}

/** Words for a note, or null for notes shown elsewhere (e.g. the plan label). */
export function describeNote(n: Note, now: number | null = null): string | null {
  switch (n.code) {
    case 'no_spending_limit':
      return 'No spending limit on this key: showing spend instead.';
    case 'plan':
      return null;
    case 'credits_balance':
      return `Credits balance: ${formatAmount(n.balance, n.unit)}`;
    case 'unlimited_credits':
      return 'Unlimited credits.';
    case 'limit_reached':
      return 'Limit reached.';
    case 'fallback_source':
      return 'Showing the last values seen in local logs: the usage service could not be reached.';
    case 'key_expires':
      return `Key expires ${new Date(n.at).toISOString().slice(0, 10)}.`;
    case 'free_tier':
      return 'Free tier.';
    case 'balance_unavailable':
      return 'The balance cannot pay for API calls right now.';
    case 'cash_overdrawn':
      return `Cash balance: ${formatAmount(n.amount, n.unit)} (overdrawn).`;
    case 'verify_account':
      return 'The account needs verification.';
    case 'observed_at':
      return now === null ? `Last observed ${new Date(n.at).toISOString()}.` : `Last observed ${formatAgo(n.at, now)}.`;
    case 'week_spend':
      return null; // shown as the runway (runwayText)
    case 'no_cap':
      return `${n.label}: unlimited.`;
    case 'no_personal_quota':
      return `${n.label}: no personal allowance on this seat (billed by use or managed by an organization)${
        n.creditsUsed !== null ? `; ${formatAmount(n.creditsUsed, 'credits')} used` : ''
      }.`;
    case 'team_keys_error':
      return `Team keys not shown: ${teamKeysReason(n.error)}`;
    default:
      return assertNever(n);
  }
}

/** Why the team view is missing: a refused key says what kind of key it takes; anything else in the usual words. */
function teamKeysReason(e: ProviderError): string {
  if (e.kind === 'forbidden' && e.reason === 'management_key_required') {
    return 'the management key was refused (it is not a management key, or it is invalid or disabled).';
  }
  return describeError(e).reason;
}

/** "$0.80 left (alert below $2.00)": a low balance, as the card, tray, CLI and notification say it. */
export function lowBalanceText(remaining: number, threshold: number, unit: string): string {
  return `${formatAmount(remaining, unit)} left (alert below ${formatAmount(threshold, unit)})`;
}

/** "<Provider> credit is low: $0.80 left (alert below $2.00)", or null when it is not below `lineUsd`. */
export function lowBalanceLine(s: ProviderSnapshot, lineUsd: number): string | null {
  const low = lowBalanceOf(s, lineUsd);
  return low ? `${accountName(s.providerId, s.accountLabel)} credit is low: ${lowBalanceText(low.remaining, low.threshold, low.unit)}` : null;
}

/** The plan label of a snapshot, if any note or account carries one. */
export function planOf(s: ProviderSnapshot): string | null {
  const note = s.notes.find((n): n is Extract<Note, { code: 'plan' }> => n.code === 'plan');
  return s.account?.plan ?? note?.plan ?? null;
}

/** "Plus", "Max", "Free workspace"… from a raw plan id such as "plus" or "free_workspace". */
export function planLabel(plan: string): string {
  const words = plan.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * In demo mode a key goes to the local demo server, not to the provider: saying "<provider> rejected it"
 * would be untrue. Settings shows the demo key that works above both the key form and the accounts.
 */
export function demoKeyRejected(providerName: string): string {
  return `The demo server rejected this key: in demo mode keys are checked by a local demo server, not by ${providerName}. Use the demo key shown above.`;
}

/** A management key the demo server refused: said as the demo server's answer, never as the provider's. */
export function demoManagementKeyRejected(providerName: string): string {
  return `The demo server refused this key: in demo mode management keys are checked by a local demo server, not by ${providerName}.`;
}

/** The tightest window across snapshots: the highest % used, for the tray icon and its tooltip. */
export function tightestWindow(snaps: ProviderSnapshot[]): { snapshot: ProviderSnapshot; window: UsageWindow } | null {
  let best: { snapshot: ProviderSnapshot; window: UsageWindow } | null = null;
  for (const s of snaps)
    for (const w of s.windows)
      if (isOwnWindow(w) && w.usedPercent !== null && (!best || w.usedPercent > (best.window.usedPercent ?? -1))) best = { snapshot: s, window: w };
  return best;
}
