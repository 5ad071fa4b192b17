// Copilot rows of the hostile-provider matrix: GET /copilot_internal/user with the editor plugin's
// github.com sign-in (PROVIDERS-2 §10).
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, MINUTE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated, tricklingBody,
  type Scenario,
} from './scenario-kit';

const RESET = Date.parse('2026-10-01T00:00:00Z');

export const COPILOT_SCENARIOS: Scenario[] = [
  // Status codes
  { name: 'asks to sign in again on a 401', provider: 'copilot', hostile: { user: status(401, 'copilot', 'user-401') },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'copilot_login' } }, maxRequests: AT_INTERVAL },
  { name: 'asks to sign in again on a 403 without a rate limit', provider: 'copilot', hostile: { user: json({ message: 'Resource not accessible by integration' }, 403) },
    expect: { fails: { kind: 'unauthorized', status: 403, hint: 'copilot_login' } }, maxRequests: AT_INTERVAL },
  { name: 'reads a 403 with x-ratelimit-remaining 0 as throttling until x-ratelimit-reset', provider: 'copilot',
    hostile: { user: ({ now }) => ({ ...fixtureReply('copilot', 'user-403-rate-limited', 403), headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.round((now + 20 * MINUTE) / 1000)) } }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'copilot', hostile: { user: retryAtDate(20 * MINUTE, { message: 'slow down' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'backs off from the interval after a 429 without Retry-After', provider: 'copilot', hostile: { user: json({ message: 'slow down' }, 429) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'backs off on a 502 HTML error page', provider: 'copilot', hostile: { user: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  // Transport
  { name: 'times out when the headers never come', provider: 'copilot', timeoutMs: SLOW_MS,
    hostile: { user: slowHeaders('copilot', 'user-pro-premium') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out on a body that trickles in', provider: 'copilot', timeoutMs: SLOW_MS,
    hostile: { user: tricklingBody('copilot', 'user-pro-premium') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'copilot', hostile: { user: resetMidBody('copilot', 'user-pro-premium') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'copilot', hostile: { user: truncated('copilot', 'user-pro-premium') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'copilot', hostile: { user: EMPTY_200 }, expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a body without any quota snapshot malformed', provider: 'copilot', hostile: { user: fixtureReply('copilot', 'user-no-snapshot') },
    expect: { fails: { kind: 'malformed', detail: 'no usable quota snapshot' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'copilot', hostile: { user: HUGE }, expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  // Sentinels and values
  { name: 'shows unlimited premium requests as a note, not a 0 % bar', provider: 'copilot', hostile: { user: fixtureReply('copilot', 'user-premium-unlimited') },
    expect: { reads: [], notes: ['no_cap'] }, maxRequests: AT_INTERVAL },
  { name: 'shows a 0/0 organisation seat as having no personal allowance, not 0 % used', provider: 'copilot', hostile: { user: fixtureReply('copilot', 'user-org-managed-seat') },
    expect: { reads: [], notes: ['no_personal_quota'] }, maxRequests: AT_INTERVAL },
  { name: 'keeps an overdrawn allowance raw', provider: 'copilot', hostile: { user: fixtureReply('copilot', 'user-over-allowance') },
    expect: { reads: [{ id: 'premium', used: 325, limit: 300, remaining: -25, resetsAt: RESET }] }, maxRequests: AT_INTERVAL },
  { name: 'reads numeric strings, drops a garbled snapshot and keeps the last-known reset for a garbled date', provider: 'copilot',
    hostile: { user: json({ quota_reset_date: 'someday', quota_snapshots: { premium_interactions: { entitlement: '50', remaining: '5' }, chat: [1, 2] } }) },
    expect: { reads: [{ id: 'premium', used: 45, limit: 50, usedPercent: 90, resetsAt: RESET }] }, maxRequests: AT_INTERVAL },
  { name: 'reads the legacy free-tier quotas', provider: 'copilot', hostile: { user: fixtureReply('copilot', 'user-legacy-free') },
    expect: { reads: [{ id: 'chat', used: 12, limit: 50 }, { id: 'completions', used: 500, limit: 2000 }] }, maxRequests: AT_INTERVAL },
];
