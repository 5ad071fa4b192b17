// Claude subscription usage (PROVIDERS 3b): GET /api/oauth/usage with Claude Code's OAuth token.
import { classifyAnthropicError } from './errors';
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { asBool, asNumber, asObject, asString, at, parseJson } from '../../json';
import { makeWindow, type FetchData, type Note, type UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, Logger } from '../../ports';
import type { Provider } from '../../provider';
import { MINUTE, parseIso, plausibleReset } from '../../time';
import { parseAnthropicRateLimitHeaders } from './headers';
import type { ClaudeCredentials } from './credentials';
import { claudeLimitWindows } from './limits';
import { claudeSessionWindow, claudeWeeklyWindow, modelKey, tidyNumber } from './windows';
import { combineWithHeaders, createDisagreementLog } from '../header-windows';
import { claude } from './descriptor';

/** Source id recorded when the usage endpoint answers. */
export const CLAUDE_SOURCE_ID = 'claude:oauth/usage';
/** Source id recorded when the body had no meters and the unified headers supplied them. */
export const CLAUDE_HEADERS_SOURCE_ID = 'claude:headers';
/** CodexBar sends Claude Code's own User-Agent form, `claude-code/<version>`. */
export const CLAUDE_DEFAULT_USER_AGENT = 'claude-code/2.1.0';
/** The usage endpoint has been seen answering 429 for 30 minutes at a time. */
export const CLAUDE_RATE_LIMIT_FALLBACK_MS = 30 * MINUTE;

/** What one /api/oauth/usage body says: session, weekly, per-model weekly and extra-usage windows. */
export interface ClaudeUsage {
  windows: UsageWindow[];
  notes: Note[];
}

/**
 * Reads an /api/oauth/usage body into windows; `malformed` only when the body is not an object.
 * `now` bounds plausible reset times (core/time plausibleReset).
 */
export function parseClaudeUsage(body: unknown, now: number): Result<ClaudeUsage> {
  const root = asObject(body);
  if (!root) return err({ kind: 'malformed', detail: 'usage response is not a JSON object' });
  const windows: UsageWindow[] = [];
  const session = readWindow(root.five_hour, now);
  if (session) windows.push(claudeSessionWindow(session.usedPercent, session.resetsAt));
  const weekly = readWindow(root.seven_day, now);
  if (weekly) windows.push(claudeWeeklyWindow(weekly.usedPercent, weekly.resetsAt));
  // Every `seven_day_<model>` is its own weekly meter; other unknown keys (e.g. `iguana_necktie`) are not
  // known to be usage windows and are left out.
  for (const [key, value] of Object.entries(root)) {
    if (!key.startsWith('seven_day_')) continue;
    const model = modelKey(key.slice('seven_day_'.length));
    const w = readWindow(value, now);
    // Keys differing only in case or punctuation would collide on one id: the first one wins.
    if (model && w && !windows.some((x) => x.id === `weekly:${model}`)) windows.push(claudeWeeklyWindow(w.usedPercent, w.resetsAt, model));
  }
  windows.push(...claudeLimitWindows(root.limits, windows, now));
  const credits = 'extra_usage' in root ? extraUsageWindow(root.extra_usage) : spendWindow(root.spend);
  if (credits) windows.push(credits);
  return ok({ windows, notes: [] });
}

/** The ports and settings the Claude provider needs. */
export interface ClaudeProviderDeps {
  http: HttpClient;
  clock: Clock;
  /** e.g. 'https://api.anthropic.com' (QUOTABAR_CLAUDE_URL). */
  baseUrl: string;
  getCredentials: CredentialLookup<ClaudeCredentials>;
  /** Defaults to CLAUDE_DEFAULT_USER_AGENT. */
  userAgent?: string;
  /** Per-request deadline; when absent the HttpClient's own default applies. */
  timeoutMs?: number;
  /** Where a body/header disagreement is reported (once each); silent when absent. */
  logger?: Logger;
}

type Disagreements = ReturnType<typeof createDisagreementLog>;

/** The Claude provider: one source, the OAuth usage endpoint (its unified headers fill a body without meters). */
export function createClaudeProvider(deps: ClaudeProviderDeps): Provider {
  const disagreements = createDisagreementLog(deps.logger, 'claude: /api/oauth/usage body and anthropic-ratelimit-unified headers disagree');
  return {
    id: claude.id,
    displayName: claude.displayName,
    sources: [{ id: CLAUDE_SOURCE_ID, fetch: () => fetchUsage(deps, disagreements) }],
    rateLimitFallbackMs: CLAUDE_RATE_LIMIT_FALLBACK_MS,
  };
}

async function fetchUsage(deps: ClaudeProviderDeps, disagreements: Disagreements): Promise<Result<FetchData>> {
  const found = await deps.getCredentials();
  if (!found.ok) return found;
  const creds = found.value;
  if (!creds) return err({ kind: 'unconfigured', what: 'claude sign-in' });
  const refused = checkToken(creds, deps.clock.now());
  if (refused) return err(refused);

  const res = await deps.http.request({
    url: endpointUrl(deps.baseUrl, '/api/oauth/usage'),
    method: 'GET',
    headers: {
      Authorization: `Bearer ${creds.accessToken}`,
      'anthropic-beta': 'oauth-2025-04-20',
      Accept: 'application/json',
      'User-Agent': deps.userAgent ?? CLAUDE_DEFAULT_USER_AGENT,
    },
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  });
  if (!res.ok) return res;
  const { status, headers, body } = res.value;
  if (!isSuccess(res.value)) return err(usageError(status, body, headers['retry-after'] ?? null, deps.clock.now()));

  const now = deps.clock.now();
  const fromHeaders = parseAnthropicRateLimitHeaders(headers, now);
  const usage = parseClaudeUsage(parseJson(body), now);
  const account = { label: null, plan: creds.subscriptionType };
  // A body we cannot read still has usable headers.
  if (!usage.ok && fromHeaders.windows.length === 0) return usage;
  const bodyWindows = usage.ok ? usage.value.windows : [];
  disagreements(bodyWindows, fromHeaders.windows);
  const shown = combineWithHeaders(bodyWindows, fromHeaders.windows);
  const notes = usage.ok ? usage.value.notes : [];
  if (!shown.fromHeaders) return ok({ source: CLAUDE_SOURCE_ID, windows: shown.windows, notes, account });
  return ok({ source: CLAUDE_HEADERS_SOURCE_ID, windows: shown.windows, notes: [...notes, ...fromHeaders.notes], account });
}

// We never refresh Claude Code's token (its stores are read only): an expired or under-scoped
// token is reported before any request, and the user signs in again with Claude Code.
function checkToken(c: ClaudeCredentials, now: number): ProviderError | null {
  if (c.expiresAt !== null && c.expiresAt <= now) return { kind: 'unauthorized', status: null, hint: 'token_expired' };
  if (c.scopes !== null && !c.scopes.includes('user:profile')) return { kind: 'unauthorized', status: null, hint: 'missing_scope' };
  return null;
}

// The endpoint answers 403 permission_error "OAuth token does not meet scope requirement user:profile"
// for inference-only tokens; that is a sign-in problem, not a banned account.
function usageError(status: number, body: string, retryAfter: string | null, now: number): ProviderError {
  if (status === 403 && /scope requirement|user:profile/i.test(body)) return { kind: 'unauthorized', status, hint: 'missing_scope' };
  return classifyAnthropicError(status, body, retryAfter, now);
}

function readWindow(v: unknown, now: number): { usedPercent: number; resetsAt: number | null } | null {
  const o = asObject(v);
  const used = asNumber(o?.utilization);
  // Here utilization is already 0–100 (the headers send 0–1); values above 100 are kept.
  if (!o || used === null || used < 0) return null;
  return { usedPercent: tidyNumber(used), resetsAt: plausibleReset(parseIso(o.resets_at), now) };
}

// `monthly_limit` and `used_credits` are read as minor units (cents) and divided by 100, as most
// clients do; a few show them as whole units. `currency` is per account (e.g. EUR).
function extraUsageWindow(v: unknown): UsageWindow | null {
  const o = asObject(v);
  if (!o || asBool(o.is_enabled) !== true) return null;
  const limit = minor(asNumber(o.monthly_limit), 2);
  const used = minor(asNumber(o.used_credits), 2);
  const pct = asNumber(o.utilization);
  return creditsWindow(used, limit, pct !== null ? tidyNumber(pct) : null, currencyUnit(o.currency));
}

// `spend: {used|limit: {amount_minor, exponent, currency}}`, used only when `extra_usage` is absent.
function spendWindow(v: unknown): UsageWindow | null {
  const o = asObject(v);
  if (!o) return null;
  const amount = (x: unknown): number | null => minor(asNumber(at(x, 'amount_minor')), asNumber(at(x, 'exponent')) ?? 2);
  const used = amount(o.used);
  const limit = amount(o.limit);
  if (used === null && limit === null) return null;
  const currency = at(o.used, 'currency') ?? at(o.limit, 'currency');
  return creditsWindow(used, limit, null, currencyUnit(currency));
}

function creditsWindow(used: number | null, limit: number | null, pct: number | null, unit: string): UsageWindow {
  const ratio = used !== null && limit !== null && limit > 0 ? (used / limit) * 100 : null;
  const usedPercent = pct ?? (ratio !== null && Number.isFinite(ratio) ? tidyNumber(ratio) : null);
  const remaining = used !== null && limit !== null ? tidyNumber(limit - used) : null;
  return makeWindow({ id: 'credits', kind: 'credits', label: 'Extra usage', used, limit, remaining, usedPercent, unit });
}

function minor(amount: number | null, exponent: number): number | null {
  if (amount === null || exponent < 0 || exponent > 6) return null;
  return tidyNumber(amount / 10 ** Math.round(exponent));
}

// Older responses carried no currency and were in US dollars.
function currencyUnit(v: unknown): string {
  const c = asString(v)?.trim().toLowerCase();
  return c && /^[a-z]{3}$/.test(c) ? c : 'usd';
}
