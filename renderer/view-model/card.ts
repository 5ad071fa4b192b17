// A provider card as the popover draws it, and which mode the popover is in.
import { lowBalanceOf } from '../../core/alerts';
import { isOwnWindow, type PollerView, type ProviderSnapshot } from '../../core/model';
import { assertNever } from '../../core/errors';
import { updatedText } from './format';
import type { RecentReadings } from '../../core/pace';
import { toWindowView, type WindowContext, type WindowView } from './window-view';
import { describeNote, planLabel, planOf, providerName, runwayText } from '../../core/present';
import { runwayOf } from '../../core/runway';
import { problemFor, type Problem } from './problem';
import { labelledAccountRemedy } from '../../core/accounts';
import { credentialState, type CredentialState } from './credentials';
import { teamKeyRows, type TeamKeyRowView } from './team-keys';

export type BadgeTone = 'ok' | 'low' | 'stale' | 'error' | 'unconfigured' | 'pending';

export interface Badge {
  tone: BadgeTone;
  text: string;
}

export interface CardView {
  providerId: string;
  /** The account's label; null for the provider's implicit account. */
  accountLabel: string | null;
  /** Unique among the cards: the provider id, plus the label for a labelled account. */
  key: string;
  /** "<Provider>", or "<Provider> · work" for a labelled account. */
  name: string;
  /** "Plus · sk-or-v1-…e41": plan and account, whichever are known. */
  account: string | null;
  badge: Badge;
  windows: WindowView[];
  /** The team view: every key of the account, when a management key lists them (read only). */
  teamKeys: TeamKeyRowView[];
  notes: string[];
  /** "≈ 4 days at this week's pace": how long the credit lasts (core/runway.ts), or null. */
  runway: string | null;
  problem: Problem | null;
  /** The sign-in or key as Settings judges it (the same function): a refused one is never "found" there. */
  credential: CredentialState;
  /** "updated 7 min ago" (or "never updated"). */
  updated: string;
  refreshing: boolean;
}

/** Not polled yet: the poller's initial state, which must not read as "not set up". */
function isPending(s: ProviderSnapshot): boolean {
  return s.status === 'unconfigured' && s.attemptedAt === null;
}

/**
 * The badge: ok, low (a balance under the low-balance alert line, 0 = off), stale, error, not set up,
 * or still being checked (the age is on its own line).
 */
export function statusBadge(s: ProviderSnapshot, lowBalanceUsd = 0): Badge {
  if (isPending(s)) return { tone: 'pending', text: 'Checking…' };
  switch (s.status) {
    case 'ok':
      return lowBalanceOf(s, lowBalanceUsd) ? { tone: 'low', text: 'Low' } : { tone: 'ok', text: 'OK' };
    case 'stale':
      return { tone: 'stale', text: 'Stale' };
    case 'error':
      return { tone: 'error', text: 'Error' };
    case 'unconfigured':
      return { tone: 'unconfigured', text: 'Not set up' };
    default:
      return assertNever(s.status);
  }
}

/**
 * Masked labels of stored keys by provider id (Settings' credential labels, all made by maskKey):
 * a key-based account shows the same mask in the popover as in Settings, not the provider's own.
 */
export type KeyLabels = Readonly<Record<string, string>>;

/**
 * The card is titled with the provider's name, so a plan that starts with it leaves it out ("Acme Pro Team"
 * on the Acme card reads "Pro Team"): the account line is short, and the account stays visible.
 */
function withoutProviderName(plan: string, name: string): string {
  const rest = plan.slice(name.length).trim();
  return plan.toLowerCase().startsWith(`${name.toLowerCase()} `) && rest ? rest : plan;
}

function accountLine(s: ProviderSnapshot, keyLabel: string | undefined): string | null {
  const plan = planOf(s);
  const parts = [plan ? planLabel(withoutProviderName(plan, providerName(s.providerId))) : null, keyLabel ?? s.account?.label ?? null].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A labelled account's missing or refused credential: the provider's own setup words are about its default account. */
function accountProblem(p: Problem, s: ProviderSnapshot, kind: string): Problem {
  const remedy = s.accountLabel === null ? null : labelledAccountRemedy(s.providerId, s.accountLabel, kind);
  if (remedy === null) return p;
  return { reason: kind === 'unconfigured' ? 'No key or sign-in was found for this account.' : p.reason, action: remedy, link: null };
}

/** Turns one snapshot into its card; last-known windows stay visible when stale or in error. */
export function toCardView(s: ProviderSnapshot, ctx: WindowContext & { refreshing: boolean; keyLabels?: KeyLabels; recentOf?: RecentReadings }): CardView {
  const label = s.accountLabel;
  const problem = s.error && s.status !== 'ok' ? accountProblem(problemFor(s.error, s.providerId), s, s.error.kind) : null;
  const unconfigured = s.status === 'unconfigured';
  const pending = isPending(s);
  const runway = unconfigured ? null : runwayOf(s);
  return {
    providerId: s.providerId,
    accountLabel: label,
    key: label === null ? s.providerId : `${s.providerId}:${label}`,
    name: label === null ? providerName(s.providerId) : `${providerName(s.providerId)} · ${label}`,
    // Settings' key labels are the implicit account's: a labelled account shows its own.
    account: unconfigured ? null : accountLine(s, label === null ? ctx.keyLabels?.[s.providerId] : undefined),
    badge: statusBadge(s, ctx.lowBalanceUsd),
    windows: unconfigured ? [] : s.windows.filter(isOwnWindow).map((w) => toWindowView(w, { ...ctx, recent: ctx.recentOf?.(s, w) ?? [] })),
    teamKeys: unconfigured ? [] : teamKeyRows(s, ctx.now),
    // `now` passed explicitly: as a map callback, describeNote would take the index for it.
    notes: s.notes.map((n) => describeNote(n, ctx.now)).filter((t): t is string => t !== null),
    runway: runway === null ? null : runwayText(runway),
    problem: problem ?? (unconfigured && !pending ? accountProblem(problemFor({ kind: 'unconfigured', what: s.providerId }, s.providerId), s, 'unconfigured') : null),
    credential: credentialState(null, s).state,
    updated: updatedText(s.fetchedAt, ctx.now),
    refreshing: ctx.refreshing,
  };
}

export type PopoverMode =
  | { mode: 'connecting' }
  /** Nothing is configured: the popover leads to Settings. */
  | { mode: 'empty' }
  | { mode: 'cards'; cards: CardView[]; anyRefreshing: boolean };

/** Which screen the popover shows for a poller view (null until the first view arrives). */
export function popoverMode(view: PollerView | null, ctx: WindowContext & { keyLabels?: KeyLabels; recentOf?: RecentReadings }): PopoverMode {
  if (view === null) return { mode: 'connecting' };
  const configured = view.snapshots.filter((s) => s.status !== 'unconfigured');
  const pending = view.snapshots.filter(isPending);
  const notSetUp = view.snapshots.filter((s) => s.status === 'unconfigured' && !isPending(s));
  if (configured.length === 0) return pending.length > 0 ? { mode: 'connecting' } : { mode: 'empty' };
  // Configured providers first, in the poller's order; the ones not set up go last.
  return {
    mode: 'cards',
    cards: [...configured, ...pending, ...notSetUp].map((s) =>
      toCardView(s, { ...ctx, refreshing: view.refreshing.includes(s.providerId) }),
    ),
    anyRefreshing: view.refreshing.length > 0,
  };
}
