// MiniMax: GET /v1/api/openplatform/coding_plan/remains with the API key (PROVIDERS.md §5). Errors
// come inside HTTP 200 as `base_resp.status_code ≠ 0` (1004: the key expired); never "ok" then.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromResponse } from '../../http-errors';
import { parseJson } from '../../json';
import type { FetchData } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider, Source } from '../../provider';
import { minimax } from './descriptor';
import { maskKey } from './key';
import { parseRemains, toMiniMaxWindows, type MiniMaxRemains } from './windows';

export { maskKey };

/** The provider's one source, recorded as the snapshot's `source`. */
export const MINIMAX_REMAINS_SOURCE = 'minimax:/coding_plan/remains';

const REMAINS_PATH = '/v1/api/openplatform/coding_plan/remains';

/** The endpoint under a base given as the origin or with its /v1 path already on. */
export function remainsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return endpointUrl(base, base.endsWith('/v1') ? REMAINS_PATH.slice(3) : REMAINS_PATH);
}

const UNAUTHORIZED = { kind: 'unauthorized', status: null, hint: 'minimax_login' } as const satisfies ProviderError;

/**
 * A non-zero `base_resp.status_code` as an error kind: 1004 (authentication failed, e.g. an expired
 * key) a refused key, 1002/1039 throttling, 1008 an exhausted balance, anything else upstream.
 */
export function businessError(code: number): ProviderError {
  if (code === 1004) return UNAUTHORIZED;
  if (code === 1002 || code === 1039) return { kind: 'rate_limited', retryAfterMs: null };
  if (code === 1008) return { kind: 'credits_exhausted', message: null };
  return { kind: 'upstream', status: 200 };
}

/** A 200 body: the entries, or the business error it carries. Never throws. */
export function readRemainsBody(text: string): Result<MiniMaxRemains[]> {
  const answer = parseRemains(parseJson(text));
  if (!answer) return err({ kind: 'malformed', detail: 'remains response is not a JSON object' });
  if (answer.statusCode !== null && answer.statusCode !== 0) return err(businessError(answer.statusCode));
  return answer.remains.length > 0 ? ok(answer.remains) : err({ kind: 'malformed', detail: 'remains response lists no model' });
}

function statusError(res: HttpResponse, now: number | null): ProviderError {
  return res.status === 401 ? { ...UNAUTHORIZED, status: 401 } : errorFromResponse(res, now);
}

async function fetchRemains(http: HttpClient, baseUrl: string, key: string, now: number | null): Promise<Result<MiniMaxRemains[]>> {
  const res = await http.request({ url: remainsUrl(baseUrl), method: 'GET', headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  if (!res.ok) return res;
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  return readRemainsBody(res.value.body);
}

/** Checks a key with one request (`quotabar key set minimax`, Settings). Stores nothing. Never throws. */
export async function validateMiniMaxKey(http: HttpClient, baseUrl: string, key: string): Promise<Result<{ label: string | null }>> {
  const k = key.trim();
  if (!k) return err({ kind: 'unconfigured', what: 'minimax key' });
  const r = await fetchRemains(http, baseUrl, k, null);
  return r.ok ? ok({ label: maskKey(k) }) : r;
}

export interface MiniMaxDeps {
  http: HttpClient;
  clock: Clock;
  /** The API origin, e.g. https://api.minimax.io */
  baseUrl: string;
  getKey: CredentialLookup<string>;
}

/** The MiniMax provider: one source, the Coding Plan's windows. */
export function createMiniMaxProvider(deps: MiniMaxDeps): Provider {
  async function fetch(): Promise<Result<FetchData>> {
    const got = await deps.getKey();
    if (!got.ok) return got;
    const key = got.value?.trim();
    if (!key) return err({ kind: 'unconfigured', what: 'minimax key' });
    const r = await fetchRemains(deps.http, deps.baseUrl, key, deps.clock.now());
    if (!r.ok) return r;
    const windows = toMiniMaxWindows(r.value, deps.clock.now());
    return ok({ source: MINIMAX_REMAINS_SOURCE, windows, notes: [], account: { label: maskKey(key), plan: null } });
  }
  const source: Source = { id: MINIMAX_REMAINS_SOURCE, fetch };
  return { id: minimax.id, displayName: minimax.displayName, sources: [source] };
}
