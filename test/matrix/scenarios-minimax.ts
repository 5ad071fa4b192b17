// MiniMax rows of the hostile-provider matrix: GET /v1/api/openplatform/coding_plan/remains, whose
// business errors arrive inside HTTP 200 (`base_resp.status_code` ≠ 0) and whose percentages are what remains.
import { fixture } from '../core/providers/load-fixture';
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, NONE, ONCE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated, tricklingBody,
  MINUTE, type Scenario,
} from './scenario-kit';

const good = fixture<{ model_remains: Array<Record<string, unknown>> }>('minimax', 'remains-general');
/** The healthy answer with the plan-wide entry's fields replaced. */
const generalWith = (over: Record<string, unknown>) => json({ ...good, model_remains: good.model_remains.map((e) => ({ ...e, ...over })) });
const FIVE_HOUR = { id: 'session', kind: 'session' as const, windowMinutes: 300 };
const WEEKLY = { id: 'weekly', kind: 'weekly' as const, windowMinutes: 10080 };
/** The healthy 5-hour reset (epoch ms), kept when a later answer's reset is unusable. */
const FIVE_HOUR_RESET = 1790168400000;

export const MINIMAX_SCENARIOS: Scenario[] = [
  // Business errors inside HTTP 200
  { name: 'says the key was refused on a 200 with status_code 1004', provider: 'minimax',
    hostile: { remains: fixtureReply('minimax', 'error-200-key-expired') },
    expect: { fails: { kind: 'unauthorized', hint: 'minimax_login' } }, maxRequests: AT_INTERVAL },
  { name: 'backs off on a 200 that reports throttling (status_code 1002)', provider: 'minimax',
    hostile: { remains: fixtureReply('minimax', 'error-200-rate-limited') },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'says the balance ran out on a 200 with status_code 1008', provider: 'minimax',
    hostile: { remains: fixtureReply('minimax', 'error-200-insufficient-balance') },
    expect: { fails: { kind: 'credits_exhausted' } }, maxRequests: AT_INTERVAL },
  { name: 'backs off on a 200 with an unknown business code', provider: 'minimax', hostile: { remains: fixtureReply('minimax', 'error-200-unknown-code') },
    expect: { fails: { kind: 'upstream' } }, maxRequests: BACKOFF },
  { name: 'does not show "ok" for a success that lists no model', provider: 'minimax', hostile: { remains: fixtureReply('minimax', 'remains-empty') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Status codes
  { name: 'says the key was refused on a 401', provider: 'minimax', hostile: { remains: json({ base_resp: { status_code: 1004, status_msg: 'unauthorized' } }, 401) },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'minimax_login' } }, maxRequests: AT_INTERVAL },
  { name: 'says access was refused on a plain 403', provider: 'minimax', hostile: { remains: status(403, 'forbidden', 'plain-forbidden') },
    expect: { fails: { kind: 'forbidden', status: 403, reason: 'forbidden' } }, maxRequests: AT_INTERVAL },
  { name: 'waits at least the Retry-After seconds of a 429', provider: 'minimax',
    hostile: { remains: { status: 429, headers: { 'retry-after': '7' }, body: { base_resp: { status_code: 1002, status_msg: 'rate limit' } } } },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'minimax', hostile: { remains: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'caps a Retry-After of two years instead of going silent', provider: 'minimax',
    hostile: { remains: { status: 429, headers: { 'retry-after': '63072000' }, body: {} } },
    expect: { fails: { kind: 'rate_limited' } }, maxRequests: ONCE },
  { name: 'backs off on a 500', provider: 'minimax', hostile: { remains: json({ base_resp: { status_code: 1000, status_msg: 'error' } }, 500) },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'minimax', hostile: { remains: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  // Transport
  { name: 'times out when the headers never come', provider: 'minimax', timeoutMs: SLOW_MS,
    hostile: { remains: slowHeaders('minimax', 'remains-general') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out on a body that trickles in', provider: 'minimax', timeoutMs: SLOW_MS,
    hostile: { remains: tricklingBody('minimax', 'remains-general') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'minimax', hostile: { remains: resetMidBody('minimax', 'remains-general') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'minimax', hostile: { remains: truncated('minimax', 'remains-general') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an HTML page with status 200 malformed', provider: 'minimax', hostile: { remains: html(200) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'minimax', hostile: { remains: EMPTY_200 }, expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'minimax', hostile: { remains: HUGE },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a model_remains object instead of a list malformed', provider: 'minimax', hostile: { remains: json({ ...good, model_remains: { general: 1 } }) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Values
  { name: 'turns remaining % into used %, reading numeric strings for the percentage and the reset', provider: 'minimax',
    hostile: { remains: generalWith({ current_interval_remaining_percent: '57.5', end_time: String(FIVE_HOUR_RESET) }) },
    expect: { reads: [{ ...FIVE_HOUR, usedPercent: 42.5, resetsAt: FIVE_HOUR_RESET }, { ...WEEKLY, usedPercent: 64 }] }, maxRequests: AT_INTERVAL },
  { name: 'shows an unknown percentage, not 0 % or 100 %, when the remaining figure is a word', provider: 'minimax',
    hostile: { remains: generalWith({ current_interval_remaining_percent: 'lots' }) },
    expect: { reads: [{ ...FIVE_HOUR, usedPercent: null }, {}] }, maxRequests: AT_INTERVAL },
  { name: 'keeps an over-limit figure raw when the remaining % is negative', provider: 'minimax', hostile: { remains: generalWith({ current_interval_remaining_percent: -30 }) },
    expect: { reads: [{ ...FIVE_HOUR, usedPercent: 130 }, {}] }, maxRequests: AT_INTERVAL },
  { name: 'shows no weekly meter for a plan without a weekly cap (status 3)', provider: 'minimax',
    hostile: { remains: generalWith({ current_weekly_status: 3 }) },
    expect: { reads: [{ ...FIVE_HOUR, usedPercent: 27 }] }, maxRequests: AT_INTERVAL },
  { name: 'keeps the plan-wide windows when a sibling entry is garbage', provider: 'minimax',
    hostile: { remains: json({ ...good, model_remains: ['junk', null, ...good.model_remains] }) },
    expect: { reads: [{ id: 'session' }, { id: 'weekly' }] }, maxRequests: AT_INTERVAL },
  { name: 'ignores a reset in year 9999 and keeps the last-known one', provider: 'minimax', hostile: { remains: generalWith({ end_time: 253402300799000 }) },
    expect: { reads: [{ ...FIVE_HOUR, resetsAt: FIVE_HOUR_RESET }, {}] }, maxRequests: AT_INTERVAL },
  // Credential
  { name: 'clears the card and sends nothing once the key is removed', provider: 'minimax', trouble: { kind: 'key-removed' },
    expect: { clears: 'unconfigured' }, maxRequests: NONE },
];
