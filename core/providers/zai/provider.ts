// Z.ai: GET /api/monitor/usage/quota/limit with the API key (PROVIDERS.md §5). Business errors come
// inside HTTP 200 as `success:false` with a code; those are errors of their own kind, never "ok".
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse, errorFromStatus } from '../../http-errors';
import { asBool, asNumber, asObject, parseJson } from '../../json';
import type { FetchData } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider, Source } from '../../provider';
import { zai } from './descriptor';
import { maskKey } from './key';
import { parseQuota, toZaiWindows, type ZaiQuota } from './windows';

export { maskKey };

/** The provider's one source, recorded as the snapshot's `source`. */
export const ZAI_QUOTA_SOURCE = 'zai:/quota/limit';

const QUOTA_PATH = '/api/monitor/usage/quota/limit';

/** The quota URL under a base given as the origin or with its /api path already on. */
export function quotaUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return base.endsWith('/api') ? endpointUrl(base, QUOTA_PATH.slice(4)) : endpointUrl(base, QUOTA_PATH);
}

const UNAUTHORIZED = { kind: 'unauthorized', status: null, hint: 'zai_login' } as const satisfies ProviderError;

/**
 * A business code inside a 200 as an error kind: 401 and Zhipu's 1000–1004 (authentication) are
 * a refused key, 429 and 1302/1303 throttling, 1113 (account in arrears) exhausted credit.
 */
export function businessError(code: number | null): ProviderError {
  if (code === 401 || (code !== null && code >= 1000 && code <= 1004)) return UNAUTHORIZED;
  if (code === 429 || code === 1302 || code === 1303) return { kind: 'rate_limited', retryAfterMs: null };
  if (code === 1113) return { kind: 'credits_exhausted', message: null };
  if (code === 403) return { kind: 'forbidden', status: 403, reason: 'forbidden', url: null };
  if (code !== null && code >= 500 && code <= 599) return errorFromStatus(code);
  return { kind: 'upstream', status: 200 };
}

/** A parsed 200 body: the quota, or the business error it carries. Never throws. */
export function readQuotaBody(text: string): Result<ZaiQuota> {
  const body = asObject(parseJson(text));
  if (!body) return err({ kind: 'malformed', detail: 'quota response is not a JSON object' });
  const success = asBool(body['success']);
  const code = asNumber(body['code']);
  if (success === false || (success === null && code !== null && code !== 200 && code !== 0)) return err(businessError(code));
  const quota = parseQuota(body);
  return quota ? ok(quota) : err({ kind: 'malformed', detail: 'quota response has no data object' });
}

function statusError(res: HttpResponse, now: number | null): ProviderError {
  return res.status === 401 ? { ...UNAUTHORIZED, status: 401 } : errorFromResponse(res, now);
}

async function fetchQuota(http: HttpClient, baseUrl: string, key: string, now: number | null): Promise<Result<ZaiQuota>> {
  const res = await http.request({
    url: quotaUrl(baseUrl),
    method: 'GET',
    headers: { Authorization: `Bearer ${key}`, Accept: 'application/json', 'Accept-Language': 'en-US,en' },
  });
  if (!res.ok) return res;
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  return readQuotaBody(res.value.body);
}

/** Checks a key with one quota request (`quotabar key set zai`, Settings). Stores nothing. Never throws. */
export async function validateZaiKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>> {
  const k = key.trim();
  if (!k) return err({ kind: 'unconfigured', what: 'zai key' });
  const q = await fetchQuota(http, baseUrl, k, null);
  return q.ok ? ok({ label: maskKey(k) }) : q;
}

export interface ZaiDeps {
  http: HttpClient;
  clock: Clock;
  /** The API origin, e.g. https://api.z.ai */
  baseUrl: string;
  getKey: CredentialLookup<string>;
}

const plan = (level: string | null) => (level ? level.charAt(0).toUpperCase() + level.slice(1) : null);

/** The Z.ai provider: one source, the plan's limits. */
export function createZaiProvider(deps: ZaiDeps): Provider {
  async function fetch(): Promise<Result<FetchData>> {
    const got = await deps.getKey();
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return err({ kind: 'unconfigured', what: 'zai key' });
    const q = await fetchQuota(deps.http, deps.baseUrl, key, deps.clock.now());
    if (!q.ok) return q;
    const windows = toZaiWindows(q.value, deps.clock.now());
    // A success with no limit to show says nothing true about usage: it is not "ok".
    if (windows.length === 0) return err({ kind: 'malformed', detail: 'quota response lists no limits' });
    const p = plan(q.value.level);
    return ok({ source: ZAI_QUOTA_SOURCE, windows, notes: p ? [{ code: 'plan', plan: p }] : [], account: { label: maskKey(key), plan: p } });
  }
  const source: Source = { id: ZAI_QUOTA_SOURCE, fetch };
  return { id: zai.id, displayName: zai.displayName, sources: [source] };
}
