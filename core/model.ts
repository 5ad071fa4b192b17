// The normalized model every provider produces and every front end (tray, popover, CLI) reads.
// Times are epoch milliseconds; amounts keep their raw values (clamping is the view's job).
import type { ProviderError } from './errors';
import type { KnownProviderId } from './providers/registry';

/** Known provider ids; the model stays open to more. */
export type ProviderId = KnownProviderId | (string & {});

/** What a window measures: a rolling/calendar period or a credit balance. */
export type WindowKind = 'session' | 'daily' | 'weekly' | 'monthly' | 'credits';

/** 'percent', or a lowercase ISO-4217 currency code such as 'usd' or 'eur'. */
export type Unit = 'percent' | 'usd' | (string & {});

/** One meter: how much of one limit is used and when it resets. */
export interface UsageWindow {
  /** Stable within a provider across fetches (e.g. 'session', 'weekly', 'weekly:opus', 'credits'). */
  id: string;
  kind: WindowKind;
  label: string;
  /** 0–100 and beyond when over the limit; null when there is no cap to measure against. */
  usedPercent: number | null;
  used: number | null;
  limit: number | null;
  /** May be negative (an overdrawn balance). */
  remaining: number | null;
  unit: Unit;
  /** Epoch ms, or null when the window never resets / the reset is unknown. */
  resetsAt: number | null;
  windowMinutes: number | null;
  /**
   * Set when the window reports another key of the account (a management key's team view), not one of
   * this account's own limits: shown in its own section, never in the tray meter, alerts or runway.
   */
  teamKey?: TeamKeyInfo;
}

/** Who a team-key window belongs to, as safe-to-show labels (the provider's masked label, never the key). */
export interface TeamKeyInfo {
  /** The name its owner gave the key, or null. */
  name: string | null;
  /** The provider's masked label of the key, e.g. `sk-or-v1-ab1…9f0`. */
  label: string | null;
  disabled: boolean;
}

/** True for a window of the account's own limits (not a team-key row). */
export function isOwnWindow(w: UsageWindow): boolean {
  return w.teamKey === undefined;
}

export type ProviderStatus = 'ok' | 'stale' | 'error' | 'unconfigured';

/** Facts worth showing that are not meters. Words are chosen by the front end (core/present.ts). */
export type Note =
  | { code: 'no_spending_limit' }
  | { code: 'plan'; plan: string }
  | { code: 'credits_balance'; balance: number; unit: Unit }
  | { code: 'unlimited_credits' }
  | { code: 'limit_reached' }
  | { code: 'fallback_source'; primaryError: ProviderError['kind'] }
  | { code: 'key_expires'; at: number }
  | { code: 'free_tier' }
  /** The provider says the balance cannot pay for API calls now (e.g. used up), whatever amounts it lists. */
  | { code: 'balance_unavailable' }
  /** One part of a balance (e.g. cash beside vouchers) is below zero: it is owed, whatever the total shows. */
  | { code: 'cash_overdrawn'; amount: number; unit: Unit }
  | { code: 'verify_account'; url: string | null }
  /** The data was observed at this time (e.g. a log line), not at `fetchedAt`. */
  | { code: 'observed_at'; at: number }
  /** A meter the provider reports with no cap (e.g. "unlimited"): named, never drawn as "0 % used". */
  | { code: 'no_cap'; label: string }
  /** A meter with no personal allowance on this seat (billed by use or by an organization), never "0 % used". */
  | { code: 'no_personal_quota'; label: string; creditsUsed: number | null }
  /** Spent since `since` (epoch ms, the start of this UTC week), for the runway (core/runway.ts). */
  | { code: 'week_spend'; amount: number; unit: Unit; since: number }
  /** The team view (every key of the account, listed with a management key) could not be read. */
  | { code: 'team_keys_error'; error: ProviderError };

export type NoteCode = Note['code'];

/** Who the data belongs to, as safe-to-show labels (never a secret). */
export interface AccountInfo {
  /** A masked key label such as `sk-or-v1-…e41`, an email, or an account name. */
  label: string | null;
  plan: string | null;
}

/** What one provider looks like right now. */
export interface ProviderSnapshot {
  providerId: ProviderId;
  /** Which account of the provider: null for the implicit one (environment and default locations), else its label. */
  accountLabel: string | null;
  status: ProviderStatus;
  error: ProviderError | null;
  /** When the windows shown were fetched (the last success), epoch ms. */
  fetchedAt: number | null;
  /** When the last attempt finished, success or not. */
  attemptedAt: number | null;
  /** Which source answered: one of the provider descriptor's `sources`. */
  source: string | null;
  windows: UsageWindow[];
  notes: Note[];
  account: AccountInfo | null;
}

/** What a successful source fetch returns before resilience is applied. */
export interface FetchData {
  source: string;
  windows: UsageWindow[];
  notes: Note[];
  account: AccountInfo | null;
}

/** An empty snapshot for a provider that has not been polled yet. */
export function emptySnapshot(providerId: ProviderId, status: ProviderStatus = 'unconfigured', accountLabel: string | null = null): ProviderSnapshot {
  return {
    providerId,
    accountLabel,
    status,
    error: null,
    fetchedAt: null,
    attemptedAt: null,
    source: null,
    windows: [],
    notes: [],
    account: null,
  };
}

/** Builds a window with null defaults so providers only state what they know. */
export function makeWindow(w: Pick<UsageWindow, 'id' | 'kind' | 'label'> & Partial<UsageWindow>): UsageWindow {
  return {
    usedPercent: null,
    used: null,
    limit: null,
    remaining: null,
    unit: 'percent',
    resetsAt: null,
    windowMinutes: null,
    ...w,
  };
}

/** What the poller shows: every provider's snapshot plus which ones are fetching right now. */
export interface PollerView {
  snapshots: ProviderSnapshot[];
  refreshing: ProviderId[];
}
