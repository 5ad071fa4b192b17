// Gemini rows of the hostile-provider matrix: POST /v1internal:loadCodeAssist, then
// /v1internal:retrieveUserQuota, with Gemini CLI's oauth_creds.json (PROVIDERS 4). A poll whose
// loadCodeAssist answers well costs two requests; one refused at loadCodeAssist costs one.
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, MINUTE, NONE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated,
  type Scenario,
} from './scenario-kit';

const RESET = Date.parse('2026-09-21T07:00:00Z');
/** Both endpoints asked at every poll. */
const TWICE = 2;

export const GEMINI_SCENARIOS: Scenario[] = [
  // Sign-in and eligibility
  { name: 'asks to renew the sign-in with gemini on a 401', provider: 'gemini', hostile: { loadCodeAssist: status(401, 'gemini', 'unauthenticated-401') },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'gemini_login' } }, maxRequests: AT_INTERVAL },
  { name: 'reports the expired sign-in without a request once expiry_date passes (it never refreshes the token)', provider: 'gemini', geminiTokenTtlMs: MINUTE,
    expect: { fails: { kind: 'unauthorized', status: null, hint: 'token_expired' } }, maxRequests: NONE },
  { name: 'shows the retired consumer sign-in (UNSUPPORTED_CLIENT) as ineligible, not a crash', provider: 'gemini', hostile: { loadCodeAssist: status(403, 'gemini', 'unsupported-client-403') },
    expect: { fails: { kind: 'forbidden', reason: 'ineligible' } }, maxRequests: AT_INTERVAL },
  { name: 'shows an account with only ineligible tiers as ineligible, without asking for quota', provider: 'gemini', hostile: { loadCodeAssist: fixtureReply('gemini', 'load-code-assist-ineligible') },
    expect: { fails: { kind: 'forbidden', status: 200, reason: 'ineligible' } }, maxRequests: AT_INTERVAL },
  { name: 'asks for verification, with its link, on a 403 VALIDATION_REQUIRED', provider: 'gemini', hostile: { retrieveUserQuota: status(403, 'gemini', 'forbidden-validation-403') },
    expect: { fails: { kind: 'forbidden', reason: 'validation', url: 'https://accounts.google.com/signin/continue?sarp=1&plt=FIX' } }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'says the account is suspended on a 403 for a terms violation', provider: 'gemini', hostile: { retrieveUserQuota: status(403, 'gemini', 'forbidden-tos-403') },
    expect: { fails: { kind: 'forbidden', reason: 'violation' } }, maxRequests: TWICE * AT_INTERVAL },
  // Throttling and server errors
  { name: 'waits the retryDelay of a 429 RESOURCE_EXHAUSTED', provider: 'gemini', hostile: { retrieveUserQuota: status(429, 'gemini', 'resource-exhausted-429') },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: TWICE * THROTTLED_20_MIN },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'gemini', hostile: { loadCodeAssist: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'backs off from the interval after a 429 without a wait', provider: 'gemini', hostile: { loadCodeAssist: json({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }, 429) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'still reads the quota (asking with {}) when loadCodeAssist answers a 502 page', provider: 'gemini', hostile: { loadCodeAssist: html(502) },
    expect: { reads: [{ id: 'gemini-2.5-pro', usedPercent: 38 }, { id: 'gemini-2.5-flash', usedPercent: 9 }, { id: 'gemini-2.5-flash-lite', usedPercent: 3 }] }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'backs off on a 502 HTML error page', provider: 'gemini', hostile: { retrieveUserQuota: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: TWICE * BACKOFF },
  // Transport
  { name: 'times out when the quota headers never come', provider: 'gemini', timeoutMs: SLOW_MS,
    hostile: { retrieveUserQuota: slowHeaders('gemini', 'quota-three-models') }, expect: { fails: { kind: 'timeout' } }, maxRequests: TWICE * BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'gemini', hostile: { retrieveUserQuota: resetMidBody('gemini', 'quota-three-models') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: TWICE * BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'gemini', hostile: { retrieveUserQuota: truncated('gemini', 'quota-three-models') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'gemini', hostile: { retrieveUserQuota: EMPTY_200 }, expect: { fails: { kind: 'malformed' } }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'calls a body without buckets malformed', provider: 'gemini', hostile: { retrieveUserQuota: fixtureReply('gemini', 'quota-no-buckets') },
    expect: { fails: { kind: 'malformed', detail: 'no usable quota bucket' } }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'gemini', hostile: { retrieveUserQuota: HUGE }, expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'still reads the quota (asking with {}) when loadCodeAssist’s body is unreadable', provider: 'gemini', hostile: { loadCodeAssist: { status: 200, body: '<html>' } },
    expect: { reads: [{ id: 'gemini-2.5-pro', usedPercent: 38 }, { id: 'gemini-2.5-flash', usedPercent: 9 }, { id: 'gemini-2.5-flash-lite', usedPercent: 3 }] }, maxRequests: TWICE * AT_INTERVAL },
  // Values
  { name: 'never invents 0 % or 100 % for a bucket without remainingFraction', provider: 'gemini', hostile: { retrieveUserQuota: fixtureReply('gemini', 'quota-missing-fraction') },
    expect: { reads: [{ id: 'gemini-2.5-pro', usedPercent: null, remaining: 0 }, { id: 'gemini-2.5-flash', usedPercent: null, remaining: null }, { id: 'gemini-2.0-flash', usedPercent: 50 }] }, maxRequests: TWICE * AT_INTERVAL },
  { name: 'reads numeric strings, drops a fraction outside 0–1, keeps the last-known reset for a garbled or implausible one, skips a bucket without a model', provider: 'gemini',
    hostile: { retrieveUserQuota: fixtureReply('gemini', 'quota-hostile-values') },
    expect: { reads: [{ id: 'gemini-2.5-pro', usedPercent: 60, remaining: 12, resetsAt: RESET }, { id: 'gemini-2.5-flash', usedPercent: null, resetsAt: RESET + 123 }, { id: 'gemini-2.5-flash-lite', usedPercent: 90, resetsAt: RESET }] },
    maxRequests: TWICE * AT_INTERVAL },
  { name: 'keeps a model’s token types together, requests first', provider: 'gemini', hostile: { retrieveUserQuota: fixtureReply('gemini', 'quota-token-types') },
    expect: { reads: [{ id: 'gemini-3-pro-preview' }, { id: 'gemini-2.5-pro' }, { id: 'gemini-2.5-pro:input_tokens' }, { id: 'gemini-2.5-flash' }] }, maxRequests: TWICE * AT_INTERVAL },
];
