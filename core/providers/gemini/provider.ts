// Gemini CLI quota (PROVIDERS 4): POST /v1internal:loadCodeAssist for the tier and project, then
// POST /v1internal:retrieveUserQuota for the buckets, with Gemini CLI's own OAuth token (read only).
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { classifyForbidden, errorFromStatus } from '../../http-errors';
import { asArray, asObject, asText, at, parseJson } from '../../json';
import type { FetchData } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider } from '../../provider';
import { parseRetryAfter } from '../../time';
import type { GeminiCredentials } from './credentials';
import { gemini } from './descriptor';
import { quotaWindows } from './quota';
import { parseLoadCodeAssist } from './tier';

/** Source id recorded when the quota endpoint answers. */
export const GEMINI_SOURCE_ID = 'gemini:retrieveUserQuota';

/** The client metadata Gemini CLI sends to loadCodeAssist. */
export const LOAD_CODE_ASSIST_BODY = { metadata: { ideType: 'GEMINI_CLI', pluginType: 'GEMINI' } } as const;

/** The ports and settings the Gemini provider needs. */
export interface GeminiDeps {
  http: HttpClient;
  clock: Clock;
  /** The Code Assist API base, e.g. https://cloudcode-pa.googleapis.com (QUOTABAR_GEMINI_URL). */
  baseUrl: string;
  getCredentials: CredentialLookup<GeminiCredentials>;
}

/** The Gemini provider: one source, the quota endpoint (after loadCodeAssist names the project). */
export function createGeminiProvider(deps: GeminiDeps): Provider {
  return { id: gemini.id, displayName: gemini.displayName, sources: [{ id: GEMINI_SOURCE_ID, fetch: () => fetchQuota(deps) }] };
}

async function fetchQuota(deps: GeminiDeps): Promise<Result<FetchData>> {
  const found = await deps.getCredentials();
  if (!found.ok) return found;
  if (!found.value) return err({ kind: 'unconfigured', what: 'a Gemini CLI sign-in' });
  const creds = found.value;
  // Quotabar never refreshes Gemini CLI's token: an expired one is reported before any request.
  if (creds.expiresAt !== null && creds.expiresAt <= deps.clock.now()) return err({ kind: 'unauthorized', status: null, hint: 'token_expired' });

  const loaded = await post(deps, creds, '/v1internal:loadCodeAssist', LOAD_CODE_ASSIST_BODY);
  // loadCodeAssist only names the project and tier: when it is missing (404) or failing (5xx) the quota
  // is still asked for, with `{}`. A refusal, throttling or a dead connection stops the poll here.
  if (!loaded.ok && loaded.error.kind !== 'upstream') return loaded;
  const account = loaded.ok ? parseLoadCodeAssist(parseJson(loaded.value.body)) : null;
  if (account?.refusal) return err(account.refusal);

  const quota = await post(deps, creds, '/v1internal:retrieveUserQuota', account?.project ? { project: account.project } : {});
  if (!quota.ok) return quota;
  const windows = quotaWindows(parseJson(quota.value.body), deps.clock.now());
  if (windows === null) return err({ kind: 'malformed', detail: 'quota response is not a JSON object' });
  if (windows.length === 0) return err({ kind: 'malformed', detail: 'no usable quota bucket' });
  return ok({ source: GEMINI_SOURCE_ID, windows, notes: [], account: { label: creds.email, plan: account?.plan ?? null } });
}

// One POST with the bearer token; a non-2xx status becomes its error here.
async function post(deps: GeminiDeps, creds: GeminiCredentials, path: string, body: unknown): Promise<Result<HttpResponse>> {
  const res = await deps.http.request({
    url: endpointUrl(deps.baseUrl, path),
    method: 'POST',
    headers: { Authorization: `Bearer ${creds.accessToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) return res;
  return isSuccess(res.value) ? res : err(statusError(res.value, deps.clock.now()));
}

const RETIRED = /UNSUPPORTED_CLIENT|IneligibleTier|INELIGIBLE_ACCOUNT/i;

/**
 * 401 is a refused sign-in (renew it with gemini); a body naming UNSUPPORTED_CLIENT or an ineligible
 * tier is the retired consumer sign-in, its own state; other 403s are classified (PROVIDERS 4c).
 */
export function statusError(res: HttpResponse, now: number): ProviderError {
  const body = typeof res.body === 'string' ? res.body : '';
  if (res.status >= 400 && res.status < 500 && res.status !== 429 && RETIRED.test(body)) {
    return { kind: 'forbidden', status: res.status, reason: 'ineligible', url: null };
  }
  if (res.status === 401) return { kind: 'unauthorized', status: 401, hint: 'gemini_login' };
  if (res.status === 403) {
    const c = classifyForbidden(body);
    // Google answers an access token it no longer accepts with 403 PERMISSION_DENIED and an auth reason.
    if (c.reason === 'forbidden' && /ACCESS_TOKEN_SCOPE_INSUFFICIENT|ACCESS_TOKEN_EXPIRED|UNAUTHENTICATED/i.test(body)) {
      return { kind: 'unauthorized', status: 403, hint: 'gemini_login' };
    }
    return { kind: 'forbidden', status: 403, reason: c.reason, url: c.url };
  }
  return errorFromStatus(res.status, parseRetryAfter(res.headers['retry-after'], now) ?? retryDelay(body));
}

// Google's 429 RESOURCE_EXHAUSTED carries `error.details[].retryDelay: "30s"` where Retry-After is absent.
function retryDelay(body: string): number | null {
  for (const d of asArray(at(parseJson(body), 'error', 'details'))) {
    const m = /^(\d+(?:\.\d+)?)s$/.exec(asText(asObject(d)?.['retryDelay']) ?? '');
    if (m) return Math.round(Number(m[1]) * 1000);
  }
  return null;
}
