// OpenRouter: a key's spending cap from GET /key, else the account balance from GET /credits
// (PROVIDERS.md 1a, 1b). A capped key costs one request per poll; /credits is a fallback only.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse } from '../../http-errors';
import { asBool, asNumber, asObject, asText, parseJson } from '../../json';
import { makeWindow, type FetchData, type Note, type UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider, Source } from '../../provider';
import { DAY, nextUtcMonday, parseIso } from '../../time';
import { CAP_LABEL, finite, isPeriod, PERIOD_MINUTES, PERIODS, periodReset, usedUnderCap, type Period } from './periods';
import { keyFingerprint, maskKey } from './key';
import { fetchTeamKeys, teamWindows } from './team';
import { openrouter } from './descriptor';

export { keyFingerprint, maskKey };

/** Source id of the provider's one source, and FetchData.source when /key answered the meter. */
export const OPENROUTER_KEY_SOURCE = 'openrouter:/key';
/** FetchData.source when only a management key is set up and /keys answered alone. */
export const OPENROUTER_KEYS_SOURCE = 'openrouter:/keys';
/** FetchData.source when the /credits balance answered the meter. */
export const OPENROUTER_CREDITS_SOURCE = 'openrouter:/credits';

/** The fields of GET /key that Quotabar uses; null where absent or garbled. Money in USD. */
export interface OpenRouterKeyInfo {
  /** OpenRouter's masked key label, e.g. `sk-or-v1-7c2…e41`. */
  label: string | null;
  limit: number | null;
  limitRemaining: number | null;
  /** 'daily' | 'weekly' | 'monthly' or another value of the open enum, lower-cased; null = never resets. */
  limitReset: string | null;
  usage: number | null;
  usageDaily: number | null;
  usageWeekly: number | null;
  usageMonthly: number | null;
  isFreeTier: boolean | null;
  /** Epoch ms. */
  expiresAt: number | null;
}

/** GET /credits, in USD. */
export interface OpenRouterCredits {
  totalCredits: number | null;
  totalUsage: number | null;
}

/** What /credits said for a key without a usable cap. */
export type CreditsAnswer = { kind: 'balance'; credits: OpenRouterCredits } | { kind: 'no_spending_limit' };

/** Parses a GET /key body (`{data:{…}}`, current or older shape). Null when there is no data object. Never throws. */
export function parseKeyResponse(body: unknown): OpenRouterKeyInfo | null {
  const d = asObject(asObject(body)?.['data']);
  if (!d) return null;
  return {
    label: asText(d['label']),
    limit: asNumber(d['limit']),
    limitRemaining: asNumber(d['limit_remaining']),
    limitReset: asText(d['limit_reset'])?.toLowerCase() ?? null,
    usage: asNumber(d['usage']),
    usageDaily: asNumber(d['usage_daily']),
    usageWeekly: asNumber(d['usage_weekly']),
    usageMonthly: asNumber(d['usage_monthly']),
    isFreeTier: asBool(d['is_free_tier']),
    expiresAt: parseIso(d['expires_at']),
  };
}

/** Parses a GET /credits body. Null when there is no data object. Never throws. */
export function parseCreditsResponse(body: unknown): OpenRouterCredits | null {
  const d = asObject(asObject(body)?.['data']);
  if (!d) return null;
  return { totalCredits: asNumber(d['total_credits']), totalUsage: asNumber(d['total_usage']) };
}

/** A cap worth measuring against: a finite number above zero (null means unlimited). */
export function hasUsableCap(key: OpenRouterKeyInfo): boolean {
  return key.limit !== null && Number.isFinite(key.limit) && key.limit > 0;
}

function periodUsage(key: OpenRouterKeyInfo, p: Period): number | null {
  if (p === 'daily') return key.usageDaily;
  if (p === 'weekly') return key.usageWeekly;
  return key.usageMonthly;
}

const SPEND_LABEL: Record<Period, string> = { daily: 'Today', weekly: 'This week', monthly: 'This month' };

/** The key's cap as one credits window (CodexBar's arithmetic). */
function capWindow(key: OpenRouterKeyInfo, limit: number, now: number): UsageWindow {
  const period = isPeriod(key.limitReset) ? key.limitReset : null;
  const used = usedUnderCap(limit, key.limitRemaining, period ? periodUsage(key, period) : null, key.usage);
  return makeWindow({
    id: 'key-limit',
    kind: 'credits',
    label: period ? CAP_LABEL[period] : 'Key limit',
    usedPercent: used === null ? null : finite((used * 100) / limit),
    used,
    limit,
    remaining: key.limitRemaining ?? (used === null ? null : finite(limit - used)),
    unit: 'usd',
    resetsAt: period ? periodReset(period, now) : null,
    windowMinutes: period ? PERIOD_MINUTES[period] : null,
  });
}

function balanceWindow(c: OpenRouterCredits): UsageWindow {
  const { totalCredits: limit, totalUsage: used } = c;
  return makeWindow({
    id: 'credits',
    kind: 'credits',
    label: 'Credits',
    usedPercent: used !== null && limit !== null && limit > 0 ? finite((used * 100) / limit) : null,
    used,
    limit,
    remaining: used !== null && limit !== null ? finite(limit - used) : null,
    unit: 'usd',
  });
}

/** Uncapped spend per calendar period; an old-shape key has only all-time usage. */
function spendWindows(key: OpenRouterKeyInfo, now: number): UsageWindow[] {
  const out: UsageWindow[] = [];
  for (const p of PERIODS) {
    const used = periodUsage(key, p);
    if (used === null) continue;
    out.push(makeWindow({ id: p, kind: p, label: SPEND_LABEL[p], used, unit: 'usd', resetsAt: periodReset(p, now), windowMinutes: PERIOD_MINUTES[p] }));
  }
  if (out.length === 0 && key.usage !== null) {
    out.push(makeWindow({ id: 'usage', kind: 'credits', label: 'All time', used: key.usage, unit: 'usd' }));
  }
  return out;
}

/**
 * Windows and notes for a key: its cap when it has a usable one (credits ignored), else the
 * /credits balance, else (no_spending_limit) its daily/weekly/monthly spend with a note.
 */
export function toOpenRouterWindows(
  key: OpenRouterKeyInfo,
  credits: CreditsAnswer | null,
  now: number,
): { windows: UsageWindow[]; notes: Note[] } {
  const notes: Note[] = [];
  let windows: UsageWindow[] = [];
  if (hasUsableCap(key)) windows = [capWindow(key, key.limit as number, now)];
  else if (credits?.kind === 'balance') windows = [balanceWindow(credits.credits)];
  else if (credits?.kind === 'no_spending_limit') {
    notes.push({ code: 'no_spending_limit' });
    windows = spendWindows(key, now);
  }
  // The runway (core/runway.ts) needs this week's spend beside a balance; spend windows show it themselves.
  if (windows.some((w) => w.remaining !== null) && key.usageWeekly !== null) {
    notes.push({ code: 'week_spend', amount: key.usageWeekly, unit: 'usd', since: nextUtcMonday(now) - 7 * DAY });
  }
  if (key.isFreeTier === true) notes.push({ code: 'free_tier' });
  if (key.expiresAt !== null) notes.push({ code: 'key_expires', at: key.expiresAt });
  return { windows, notes };
}

function requestHeaders(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}`, Accept: 'application/json', 'X-Title': 'Quotabar' };
}

/** `now` null: no clock at hand (key validation), so Retry-After is not resolved. */
function keyStatusError(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 401) return { kind: 'unauthorized', status: 401, hint: 'check_key' };
  if (res.status === 402) return { kind: 'credits_exhausted', message: null };
  return errorFromResponse(res, now);
}

/** A label that is safe to show: OpenRouter's own masked label, never anything holding the key. */
function safeLabel(label: string | null, key: string): string {
  return label && !label.includes(key) ? label : maskKey(key);
}

/** GET /key, mapped to key info or a typed error. */
async function fetchKey(http: HttpClient, baseUrl: string, key: string, now: () => number | null): Promise<Result<OpenRouterKeyInfo>> {
  const res = await http.request({ url: endpointUrl(baseUrl, '/key'), method: 'GET', headers: requestHeaders(key) });
  if (!res.ok) return res;
  if (!isSuccess(res.value)) return err(keyStatusError(res.value, now()));
  const info = parseKeyResponse(parseJson(res.value.body));
  return info ? ok(info) : err({ kind: 'malformed', detail: '/key response has no data object' });
}

/**
 * Checks a key with one GET /key (for `quotabar key set` and the settings window) and returns
 * a masked label to show. Never stores anything. Never throws.
 */
export async function validateOpenRouterKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>> {
  const k = key.trim();
  if (!k) return err({ kind: 'unconfigured', what: 'openrouter key' });
  const info = await fetchKey(http, baseUrl, k, () => null);
  return info.ok ? ok({ label: safeLabel(info.value.label, k) }) : info;
}

/** Ports and settings createOpenRouterProvider needs. */
export interface OpenRouterDeps {
  http: HttpClient;
  clock: Clock;
  /** e.g. https://openrouter.ai/api/v1 */
  baseUrl: string;
  getKey: CredentialLookup<string>;
  /** A management key for the team view (GET /keys); absent or null: no team view. */
  getManagementKey?: CredentialLookup<string>;
}

/** The OpenRouter provider: one source that asks /key and, only for an uncapped key, /credits. */
export function createOpenRouterProvider(deps: OpenRouterDeps): Provider {
  // Fingerprint of the last key /credits refused (401/403): such a key never gets a balance.
  let refusedCreditsFor: string | null = null;

  async function askCredits(key: string): Promise<Result<CreditsAnswer>> {
    const fp = keyFingerprint(key);
    if (refusedCreditsFor === fp) return ok({ kind: 'no_spending_limit' });
    const res = await deps.http.request({ url: endpointUrl(deps.baseUrl, '/credits'), method: 'GET', headers: requestHeaders(key) });
    if (!res.ok) return res;
    if (res.value.status === 401 || res.value.status === 403) {
      refusedCreditsFor = fp;
      return ok({ kind: 'no_spending_limit' });
    }
    if (!isSuccess(res.value)) return err(errorFromResponse(res.value, deps.clock.now()));
    const credits = parseCreditsResponse(parseJson(res.value.body));
    return credits ? ok({ kind: 'balance', credits }) : err({ kind: 'malformed', detail: '/credits response has no data object' });
  }

  /** The team view's windows, null without a management key, or why it failed. */
  async function team(): Promise<Result<UsageWindow[] | null>> {
    const got = deps.getManagementKey ? await deps.getManagementKey() : ok(null);
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return ok(null);
    const rows = await fetchTeamKeys(deps.http, deps.baseUrl, key, () => deps.clock.now());
    return rows.ok ? ok(teamWindows(rows.value, deps.clock.now())) : rows;
  }

  async function fetch(): Promise<Result<FetchData>> {
    const own = await fetchOwn();
    // Only a management key set up: the team view alone.
    if (!own.ok && own.error.kind === 'unconfigured') {
      const t = await team();
      if (!t.ok) return t;
      if (t.value) return ok({ source: OPENROUTER_KEYS_SOURCE, windows: t.value, notes: [], account: null });
      return own;
    }
    if (!own.ok) return own;
    const t = await team();
    if (!t.ok) return ok({ ...own.value, notes: [...own.value.notes, { code: 'team_keys_error', error: t.error }] });
    return t.value ? ok({ ...own.value, windows: [...own.value.windows, ...t.value] }) : own;
  }

  async function fetchOwn(): Promise<Result<FetchData>> {
    const got = await deps.getKey();
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return err({ kind: 'unconfigured', what: 'openrouter key' });
    const info = await fetchKey(deps.http, deps.baseUrl, key, () => deps.clock.now());
    if (!info.ok) return info;
    const credits = hasUsableCap(info.value) ? null : await askCredits(key);
    if (credits && !credits.ok) return credits;
    const answer = credits ? credits.value : null;
    const { windows, notes } = toOpenRouterWindows(info.value, answer, deps.clock.now());
    return ok({
      source: answer?.kind === 'balance' ? OPENROUTER_CREDITS_SOURCE : OPENROUTER_KEY_SOURCE,
      windows,
      notes,
      account: { label: safeLabel(info.value.label, key), plan: null },
    });
  }

  const source: Source = { id: OPENROUTER_KEY_SOURCE, fetch };
  return { id: openrouter.id, displayName: openrouter.displayName, sources: [source] };
}
