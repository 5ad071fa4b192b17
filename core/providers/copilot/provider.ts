// Copilot premium requests (PROVIDERS-2 §10): GET /copilot_internal/user with a GitHub OAuth token.
import { err, ok, type ProviderError, type Result } from '../../errors';
import { endpointUrl, isSuccess } from '../../http';
import { errorFromStatus } from '../../http-errors';
import { asObject, asText, parseJson } from '../../json';
import type { FetchData, Note, UsageWindow } from '../../model';
import type { Clock, CredentialLookup, HttpClient, HttpResponse } from '../../ports';
import type { Provider } from '../../provider';
import { parseRetryAfter } from '../../time';
import type { GitHubSignIn } from './credentials';
import { copilot } from './descriptor';
import { legacyWindows, readSnapshot, type QuotaReading } from './quota';

/** Source id recorded when the quota endpoint answers. */
export const COPILOT_SOURCE_ID = 'copilot:copilot_internal/user';

/** The editor headers the endpoint expects (as Copilot Chat sends them). */
export const COPILOT_HEADERS = {
  Accept: 'application/json',
  'Editor-Version': 'vscode/1.96.2',
  'Editor-Plugin-Version': 'copilot-chat/0.26.7',
  'User-Agent': 'GitHubCopilotChat/0.26.7',
  'X-Github-Api-Version': '2025-04-01',
} as const;

/** What one /copilot_internal/user body says. */
export interface CopilotUsage {
  windows: UsageWindow[];
  notes: Note[];
  plan: string | null;
}

const METERS = [
  { key: 'premium_interactions', id: 'premium', label: 'Premium requests', always: true },
  { key: 'chat', id: 'chat', label: 'Chat', always: false },
  { key: 'completions', id: 'completions', label: 'Completions', always: false },
] as const;

/**
 * Reads a /copilot_internal/user body: a monthly window per metered quota snapshot (premium
 * requests, and chat/completions where they are metered), or the legacy free-tier quotas.
 * Unlimited premium requests and a 0/0 (usage-billed or organisation-managed) seat are notes, never
 * "0 % used". `malformed` when the body is not an object or has nothing usable and is not
 * token-billed. Never throws.
 */
export function parseCopilotUsage(body: unknown, now: number): Result<CopilotUsage> {
  const root = asObject(body);
  if (!root) return err({ kind: 'malformed', detail: 'quota response is not a JSON object' });
  const snapshots = asObject(root['quota_snapshots']);
  const windows: UsageWindow[] = [];
  const notes: Note[] = [];
  for (const m of METERS) {
    const r: QuotaReading | null = readSnapshot(snapshots?.[m.key], m, root['quota_reset_date'], now);
    if (r?.window) windows.push(r.window);
    else if (r?.note && m.always) notes.push(r.note);
  }
  for (const w of legacyWindows(root, now)) if (!windows.some((x) => x.id === w.id)) windows.push(w);
  const tokenBilled = root['token_based_billing'] === true;
  if (tokenBilled && !windows.some((w) => w.id === 'premium') && !notes.some((n) => n.code === 'no_personal_quota')) {
    notes.push({ code: 'no_personal_quota', label: 'Premium requests', creditsUsed: null });
  }
  if (windows.length === 0 && notes.length === 0) return err({ kind: 'malformed', detail: 'no usable quota snapshot' });
  const plan = asText(root['copilot_plan']) ?? asText(root['access_type_sku']);
  return ok({ windows, notes, plan });
}

/** The ports and settings the Copilot provider needs. */
export interface CopilotDeps {
  http: HttpClient;
  clock: Clock;
  /** The GitHub API base, e.g. https://api.github.com (QUOTABAR_COPILOT_URL). */
  baseUrl: string;
  getSignIn: CredentialLookup<GitHubSignIn>;
}

/** The Copilot provider: one source, the quota endpoint. */
export function createCopilotProvider(deps: CopilotDeps): Provider {
  return { id: copilot.id, displayName: copilot.displayName, sources: [{ id: COPILOT_SOURCE_ID, fetch: () => fetchQuota(deps) }] };
}

async function fetchQuota(deps: CopilotDeps): Promise<Result<FetchData>> {
  const found = await deps.getSignIn();
  if (!found.ok) return found;
  if (!found.value) return err({ kind: 'unconfigured', what: 'a GitHub sign-in for Copilot' });
  const res = await deps.http.request({
    url: endpointUrl(deps.baseUrl, '/copilot_internal/user'),
    method: 'GET',
    headers: { Authorization: `token ${found.value.token}`, ...COPILOT_HEADERS },
  });
  if (!res.ok) return res;
  const now = deps.clock.now();
  if (!isSuccess(res.value)) return err(statusError(res.value, now));
  const usage = parseCopilotUsage(parseJson(res.value.body), now);
  if (!usage.ok) return usage;
  return ok({
    source: COPILOT_SOURCE_ID,
    windows: usage.value.windows,
    notes: usage.value.notes,
    account: { label: found.value.user, plan: usage.value.plan },
  });
}

// 401/403 mean the token is refused (PROVIDERS-2 §10c), except GitHub's own throttling, which
// answers 403 or 429 with Retry-After or an exhausted x-ratelimit-remaining.
function statusError(res: HttpResponse, now: number): ProviderError {
  const retryAfter = parseRetryAfter(res.headers['retry-after'], now);
  const throttled = retryAfter !== null || res.headers['x-ratelimit-remaining']?.trim() === '0';
  if (res.status === 429 || (res.status === 403 && throttled)) return { kind: 'rate_limited', retryAfterMs: retryAfter ?? rateLimitReset(res, now) };
  if (res.status === 401 || res.status === 403) return { kind: 'unauthorized', status: res.status, hint: 'copilot_login' };
  return errorFromStatus(res.status, retryAfter);
}

// x-ratelimit-reset is epoch seconds.
function rateLimitReset(res: HttpResponse, now: number): number | null {
  const at = Number(res.headers['x-ratelimit-reset']);
  return Number.isFinite(at) && at > 0 ? Math.max(0, at * 1000 - now) : null;
}
