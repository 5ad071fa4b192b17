// Codex (ChatGPT plan): the /wham/usage endpoint with the CLI's own auth.json (PROVIDERS.md 2b, 2c).
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse } from '../../http-errors';
import { asArray, asBool, asNumber, asObject, asText, parseJson, type JsonObject } from '../../json';
import type { FetchData, Note, UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse, Logger } from '../../ports';
import type { Provider, Source } from '../../provider';
import { parseCodexAuth } from './auth';
import { parseCodexHeaders } from './headers';
import { spendControlWindows } from './spend';
import { combineWithHeaders, createDisagreementLog } from '../header-windows';
import {
  classifyCodexWindows,
  codexNotes,
  readCodexCredits,
  codexReset,
  type CodexReading,
  type RawCodexWindow,
} from './windows';
import { codex } from './descriptor';

/** Source id recorded when the usage endpoint answers. */
export const CODEX_USAGE_SOURCE = 'codex:wham/usage';
/** Source id recorded when the body had no meters and the x-codex-* headers supplied them. */
export const CODEX_HEADERS_SOURCE = 'codex:headers';

/** One /wham/usage Window: seconds on the wire, minutes and epoch ms here. Null fields when garbled. */
function readWindow(v: unknown, now: number | null): RawCodexWindow | null {
  const w = asObject(v);
  if (!w) return null;
  const seconds = asNumber(w['limit_window_seconds']);
  const resetsAt = codexReset(w['reset_at'], w['reset_after_seconds'], now);
  return {
    usedPercent: asNumber(w['used_percent']),
    // As codex-rs: ceil(seconds / 60), and a size ≤ 0 means unknown.
    windowMinutes: seconds !== null && seconds > 0 ? Math.ceil(seconds / 60) : null,
    resetsAt,
  };
}

/** The session/weekly windows of one `{primary_window, secondary_window}` rate-limit object. */
function rateWindows(rate: JsonObject, now: number | null): UsageWindow[] {
  return classifyCodexWindows(readWindow(rate['primary_window'], now), readWindow(rate['secondary_window'], now));
}

/**
 * Parses a /wham/usage body into session/weekly windows (by duration) plus plan, credits and
 * limit-reached notes. Null rate_limit or windows give fewer windows; a non-object body gives null.
 * `now` is used only when a window has reset_after_seconds but no reset_at. Never throws.
 */
export function parseUsageResponse(body: unknown, now: number | null = null): CodexReading | null {
  const root = asObject(body);
  if (!root) return null;
  const plan = asText(root['plan_type']);
  const rate = asObject(root['rate_limit']);
  const main = rate ? rateWindows(rate, now) : [];
  const windows = [...main, ...additionalWindows(root['additional_rate_limits'], now, main), ...spendControlWindows(root, now)];
  const limitReached = rate ? asBool(rate['limit_reached']) === true : false;
  return { windows, notes: codexNotes(plan, readCodexCredits(root['credits']), limitReached), plan };
}

/**
 * Extra limit families (e.g. "GPT-5.3-Codex-Spark") as their own windows, classified by duration
 * like the main ones: ids `session:<slug>` / `weekly:<slug>`, labels "5-hour (<name>)". One bad
 * entry drops only itself; an id seen before is skipped.
 */
function additionalWindows(v: unknown, now: number | null, taken: UsageWindow[]): UsageWindow[] {
  const ids = new Set(taken.map((w) => w.id));
  const out: UsageWindow[] = [];
  for (const entry of asArray(v)) {
    const e = asObject(entry);
    const name = asText(e?.['limit_name']) ?? asText(e?.['metered_feature']) ?? '';
    const rate = asObject(e?.['rate_limit']);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (!rate || !slug) continue;
    for (const w of rateWindows(rate, now)) {
      const id = `${w.id}:${slug}`;
      if (ids.has(id)) continue;
      ids.add(id);
      out.push({ ...w, id, label: `${w.label} (${name.slice(0, 40)})` });
    }
  }
  return out;
}

/** codex-rs picks the path by whether the base URL is the ChatGPT backend. */
export function codexUsageUrl(baseUrl: string): string {
  return endpointUrl(baseUrl, baseUrl.includes('/backend-api') ? '/wham/usage' : '/api/codex/usage');
}

function statusError(res: HttpResponse, now: number): ProviderError {
  if (res.status === 401 || res.status === 403) return { kind: 'unauthorized', status: res.status, hint: 'codex_login' };
  return errorFromResponse(res, now);
}

/** Ports and settings createCodexProvider needs. */
export interface CodexDeps {
  http: HttpClient;
  clock: Clock;
  /** e.g. https://chatgpt.com/backend-api */
  baseUrl: string;
  /** auth.json text, or null when the file is missing. */
  readAuth: CredentialLookup<string>;
  /** Tried after the usage endpoint fails (e.g. session logs). */
  fallbackSources?: Source[];
  /** Where a body/header disagreement is reported (once each); silent when absent. */
  logger?: Logger;
}

/** Logs a body/header disagreement once; see createDisagreementLog. */
export type DisagreementLog = (body: UsageWindow[], headers: UsageWindow[]) => void;

/**
 * One fetch of the usage endpoint with the current auth.json. The x-codex-* headers of the reply
 * fill in when its body has no meters (source 'codex:headers'). Never throws; never writes auth.json.
 */
export async function fetchCodexUsage(deps: CodexDeps, disagreements: DisagreementLog = () => {}): Promise<Result<FetchData>> {
  const text = await deps.readAuth();
  if (!text.ok) return text;
  if (text.value === null) return err({ kind: 'unconfigured', what: 'codex auth.json (run codex login)' });
  const auth = parseCodexAuth(text.value);
  if (!auth.ok) return auth;
  const request: Record<string, string> = {
    Authorization: `Bearer ${auth.value.accessToken}`,
    Accept: 'application/json',
  };
  if (auth.value.accountId) request['ChatGPT-Account-Id'] = auth.value.accountId;
  const res = await deps.http.request({ url: codexUsageUrl(deps.baseUrl), method: 'GET', headers: request });
  if (!res.ok) return res;
  const now = deps.clock.now();
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  const body = parseUsageResponse(parseJson(res.value.body), now);
  const fromHeaders = parseCodexHeaders(res.value.headers, now);
  // A body we cannot read still has usable headers.
  const reading = body ?? (fromHeaders && fromHeaders.windows.length > 0 ? fromHeaders : null);
  if (!reading) return err({ kind: 'malformed', detail: 'usage response is not a JSON object' });
  const headerWindows = fromHeaders?.windows ?? [];
  disagreements(body?.windows ?? [], headerWindows);
  const shown = body ? combineWithHeaders(body.windows, headerWindows) : { windows: reading.windows, fromHeaders: true };
  const plan = reading.plan ?? fromHeaders?.plan ?? null;
  return ok({
    source: shown.fromHeaders ? CODEX_HEADERS_SOURCE : CODEX_USAGE_SOURCE,
    windows: shown.windows,
    notes: shown.fromHeaders && body ? mergeNotes(body.notes, fromHeaders?.notes ?? []) : reading.notes,
    account: { label: auth.value.email, plan },
  });
}

// The body's notes, plus header notes of a code the body did not have (e.g. limit_reached).
function mergeNotes(body: Note[], headers: Note[]): Note[] {
  return [...body, ...headers.filter((h) => !body.some((b) => b.code === h.code))];
}

/** The Codex provider: the usage endpoint first, then any fallback sources in order. */
export function createCodexProvider(deps: CodexDeps): Provider {
  const disagreements = createDisagreementLog(deps.logger, 'codex: /wham/usage body and x-codex headers disagree');
  const usage: Source = { id: CODEX_USAGE_SOURCE, fetch: () => fetchCodexUsage(deps, disagreements) };
  return { id: codex.id, displayName: codex.displayName, sources: [usage, ...(deps.fallbackSources ?? [])] };
}
