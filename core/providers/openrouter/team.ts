// OpenRouter's team view (PROVIDERS-2.md 13): a management key lists every key of the account with
// GET /keys. Read only: one window per key (its name, spend, cap and reset), marked as a team key.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse } from '../../http-errors';
import { asArray, asBool, asNumber, asObject, asText, parseJson } from '../../json';
import { makeWindow, type UsageWindow } from '../../model';
import type { HttpClient, HttpResponse } from '../../ports';
import { keyFormatProblem, maskKey } from './key';
import { finite, isPeriod, PERIOD_MINUTES, periodReset, usedUnderCap, type Period } from './periods';

/** The docs: /keys answers "the most recent 100" keys per request, paged by `offset`. */
export const TEAM_PAGE_SIZE = 100;
/** At most this many pages per poll (1,000 keys): a list that never ends must not keep a poll busy. */
export const TEAM_MAX_PAGES = 10;
/** Window ids of team keys start with this, followed by the key's hash. */
export const TEAM_WINDOW_PREFIX = 'team:';

/** One row of GET /keys, as Quotabar uses it; null where absent or garbled. Money in USD. */
export interface TeamKeyRow {
  /** OpenRouter's id for the key (`/keys/{hash}`); not a secret. */
  hash: string | null;
  name: string | null;
  /** The masked key, e.g. `sk-or-v1-ab1…9f0`. */
  label: string | null;
  disabled: boolean;
  limit: number | null;
  limitRemaining: number | null;
  limitReset: string | null;
  usage: number | null;
  usageDaily: number | null;
  usageWeekly: number | null;
  usageMonthly: number | null;
}

/** A page of GET /keys: the rows that could be read, and how many the page held (paging goes by that). */
export interface TeamKeysPage {
  rows: TeamKeyRow[];
  count: number;
}

/** Parses one row; null when it names no key at all (neither hash nor label) or is not an object. Never throws. */
export function parseTeamKeyRow(raw: unknown): TeamKeyRow | null {
  const d = asObject(raw);
  if (!d) return null;
  const hash = asText(d['hash']);
  const label = asText(d['label']);
  if (!hash && !label) return null;
  return {
    hash,
    name: asText(d['name']),
    label,
    disabled: asBool(d['disabled']) === true,
    limit: asNumber(d['limit']),
    limitRemaining: asNumber(d['limit_remaining']),
    limitReset: asText(d['limit_reset'])?.toLowerCase() ?? null,
    usage: asNumber(d['usage']),
    usageDaily: asNumber(d['usage_daily']),
    usageWeekly: asNumber(d['usage_weekly']),
    usageMonthly: asNumber(d['usage_monthly']),
  };
}

/** Parses a GET /keys body (`{data:[…]}`); null when there is no data list. A bad row drops that row. Never throws. */
export function parseTeamKeysPage(body: unknown): TeamKeysPage | null {
  const data = asObject(body)?.['data'];
  if (!Array.isArray(data)) return null;
  const rows: TeamKeyRow[] = [];
  for (const raw of asArray(data)) {
    const row = parseTeamKeyRow(raw);
    if (row) rows.push(row);
  }
  return { rows, count: data.length };
}

function periodUsage(r: TeamKeyRow, p: Period): number | null {
  return p === 'daily' ? r.usageDaily : p === 'weekly' ? r.usageWeekly : r.usageMonthly;
}

/** One key as a read-only window: its cap and reset when it has one, else its all-time spend. */
export function teamKeyWindow(r: TeamKeyRow, now: number): UsageWindow {
  const period = isPeriod(r.limitReset) ? r.limitReset : null;
  const capped = r.limit !== null && r.limit > 0;
  const used = capped ? usedUnderCap(r.limit as number, r.limitRemaining, period ? periodUsage(r, period) : null, r.usage) : r.usage;
  return makeWindow({
    id: `${TEAM_WINDOW_PREFIX}${r.hash ?? r.label}`,
    kind: 'credits',
    label: r.name ?? r.label ?? 'Unnamed key',
    usedPercent: capped && used !== null ? finite((used * 100) / (r.limit as number)) : null,
    used,
    limit: capped ? r.limit : null,
    remaining: capped ? (r.limitRemaining ?? (used === null ? null : finite((r.limit as number) - used))) : null,
    unit: 'usd',
    resetsAt: capped && period ? periodReset(period, now) : null,
    windowMinutes: capped && period ? PERIOD_MINUTES[period] : null,
    teamKey: { name: r.name, label: r.label, disabled: r.disabled },
  });
}

/** Every key as a window, in the order listed; a key listed twice (pages shifted between requests) once. */
export function teamWindows(rows: readonly TeamKeyRow[], now: number): UsageWindow[] {
  const out: UsageWindow[] = [];
  for (const r of rows) {
    const w = teamKeyWindow(r, now);
    if (!out.some((x) => x.id === w.id)) out.push(w);
  }
  return out;
}

/**
 * The rows without any text that holds the management key (a server that echoes the bearer token in a
 * name or label must not carry it to the popover): such a field is dropped, and a row that then names
 * no key at all is dropped too.
 */
export function withoutManagementKey(rows: readonly TeamKeyRow[], managementKey: string): TeamKeyRow[] {
  // What the mask hides: a text holding it holds the key, whatever is around it.
  const shown = maskKey(managementKey).split('…');
  const hidden = managementKey.slice(shown[0]!.length, managementKey.length - (shown[1]?.length ?? 0));
  const reveals = (t: string | null) => t !== null && (t.includes(managementKey) || (hidden.length >= 8 && t.includes(hidden)));
  const out: TeamKeyRow[] = [];
  for (const r of rows) {
    const row = { ...r, name: reveals(r.name) ? null : r.name, label: reveals(r.label) ? null : r.label, hash: reveals(r.hash) ? null : r.hash };
    if (row.hash || row.label) out.push(row);
  }
  return out;
}

/**
 * 401 or 403 from /keys: the key is not a management key, or it is invalid or disabled (the docs do not
 * say which status a normal key gets). Anything else means what it means elsewhere.
 */
export function teamStatusError(res: HttpResponse, now: number | null): ProviderError {
  if (res.status === 401 || res.status === 403) return { kind: 'forbidden', status: res.status, reason: 'management_key_required', url: null };
  return errorFromResponse(res, now);
}

/** Why a management key is refused before any request, or null when its shape is fine (same shape as any OpenRouter key). */
export function managementKeyProblem(key: string): string | null {
  return keyFormatProblem(key);
}

/**
 * Every key of the account: GET /keys?include_disabled=true, then the next `offset` while a page comes
 * back full (there is no `has_more`), up to TEAM_MAX_PAGES. The key's shape is checked before any request.
 */
export async function fetchTeamKeys(http: HttpClient, baseUrl: string, managementKey: string, now: () => number | null): Promise<Result<TeamKeyRow[]>> {
  const key = managementKey.trim();
  const problem = managementKeyProblem(key);
  if (problem !== null) return err({ kind: 'credentials_invalid', detail: `management key: ${problem}` });
  const rows: TeamKeyRow[] = [];
  for (let page = 0; page < TEAM_MAX_PAGES; page++) {
    const url = endpointUrl(baseUrl, `/keys?include_disabled=true&offset=${page * TEAM_PAGE_SIZE}`);
    const res = await http.request({ url, method: 'GET', headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', 'X-Title': 'Quotabar' } });
    if (!res.ok) return res;
    if (!isSuccess(res.value)) return err(teamStatusError(res.value, now()));
    const parsed = parseTeamKeysPage(parseJson(res.value.body));
    if (!parsed) return err({ kind: 'malformed', detail: '/keys response has no data list' });
    rows.push(...withoutManagementKey(parsed.rows, key));
    if (parsed.count < TEAM_PAGE_SIZE) break;
  }
  return ok(rows);
}

/**
 * Checks a management key by listing the account's keys (for `quotabar key set openrouter --management`):
 * how many keys it sees, or a typed error (`forbidden`/`management_key_required` for a key that is not one).
 */
export async function validateManagementKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ keys: number }>> {
  const rows = await fetchTeamKeys(http, baseUrl, key, () => null);
  return rows.ok ? ok({ keys: rows.value.length }) : rows;
}
