// Z.ai rows of the hostile-provider matrix: GET /api/monitor/usage/quota/limit, whose business
// errors arrive inside HTTP 200 (`success:false`).
import { fixture } from '../core/providers/load-fixture';
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, NONE, ONCE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated, tricklingBody,
  MINUTE, type Scenario,
} from './scenario-kit';

const good = fixture<{ data: { limits: Array<Record<string, unknown>> } }>('zai', 'quota-pro-three-limits');
/** The healthy answer with the 5-hour token limit's fields replaced. */
const sessionWith = (over: Record<string, unknown>) =>
  json({ ...good, data: { ...good.data, limits: good.data.limits.map((l) => (l['unit'] === 3 ? { ...l, ...over } : l)) } });
const FIVE_HOUR = { id: 'tokens:300', kind: 'session' as const, windowMinutes: 300 };
/** The healthy 5-hour reset (epoch ms), kept when a later answer's reset is unusable. */
const FIVE_HOUR_RESET = 1790168400000;

export const ZAI_SCENARIOS: Scenario[] = [
  // Business errors inside HTTP 200
  { name: 'says the key was refused on a 200 with success:false and code 401', provider: 'zai',
    hostile: { limit: fixtureReply('zai', 'error-200-token-expired') },
    expect: { fails: { kind: 'unauthorized', hint: 'zai_login' } }, maxRequests: AT_INTERVAL },
  { name: 'backs off on a 200 that reports throttling (code 1302)', provider: 'zai',
    hostile: { limit: fixtureReply('zai', 'error-200-rate-limited') },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'backs off on a 200 that reports a system error', provider: 'zai', hostile: { limit: fixtureReply('zai', 'error-200-unknown-code') },
    expect: { fails: { kind: 'upstream' } }, maxRequests: BACKOFF },
  { name: 'does not show "ok" for a success that lists no limits', provider: 'zai', hostile: { limit: fixtureReply('zai', 'quota-no-limits') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Status codes
  { name: 'says the key was refused on a 401', provider: 'zai', hostile: { limit: json({ code: 401, msg: 'Unauthorized' }, 401) },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'zai_login' } }, maxRequests: AT_INTERVAL },
  { name: 'says access was refused on a plain 403', provider: 'zai', hostile: { limit: status(403, 'forbidden', 'plain-forbidden') },
    expect: { fails: { kind: 'forbidden', status: 403, reason: 'forbidden' } }, maxRequests: AT_INTERVAL },
  { name: 'waits at least the Retry-After seconds of a 429', provider: 'zai',
    hostile: { limit: { status: 429, headers: { 'retry-after': '7' }, body: { code: 429, msg: 'Too many requests' } } },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'zai', hostile: { limit: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'caps a Retry-After of two years instead of going silent', provider: 'zai',
    hostile: { limit: { status: 429, headers: { 'retry-after': '63072000' }, body: {} } },
    expect: { fails: { kind: 'rate_limited' } }, maxRequests: ONCE },
  { name: 'backs off on a 500', provider: 'zai', hostile: { limit: json({ code: 500, msg: 'error' }, 500) },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'zai', hostile: { limit: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  // Transport
  { name: 'times out when the headers never come', provider: 'zai', timeoutMs: SLOW_MS,
    hostile: { limit: slowHeaders('zai', 'quota-pro-three-limits') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out on a body that trickles in', provider: 'zai', timeoutMs: SLOW_MS,
    hostile: { limit: tricklingBody('zai', 'quota-pro-three-limits') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'zai', hostile: { limit: resetMidBody('zai', 'quota-pro-three-limits') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'zai', hostile: { limit: truncated('zai', 'quota-pro-three-limits') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an HTML page with status 200 malformed', provider: 'zai', hostile: { limit: html(200) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'zai', hostile: { limit: EMPTY_200 }, expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'zai', hostile: { limit: HUGE },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a data array instead of an object malformed', provider: 'zai', hostile: { limit: json({ code: 200, success: true, data: [1, 2] }) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Values
  { name: 'reads numeric strings for the percentage and the reset', provider: 'zai',
    hostile: { limit: sessionWith({ percentage: '42.5', nextResetTime: String(FIVE_HOUR_RESET), unit: '3', number: '5' }) },
    expect: { reads: [{}, { ...FIVE_HOUR, usedPercent: 42.5, resetsAt: FIVE_HOUR_RESET }, {}], notes: ['plan'] }, maxRequests: AT_INTERVAL },
  { name: 'shows an unknown percentage, not 0 %, when every figure is a word', provider: 'zai',
    hostile: { limit: sessionWith({ percentage: 'lots', usage: 'many', currentValue: null, remaining: 'some' }) },
    expect: { reads: [{}, { ...FIVE_HOUR, usedPercent: null }, {}] }, maxRequests: AT_INTERVAL },
  { name: 'keeps an over-limit percentage raw', provider: 'zai', hostile: { limit: sessionWith({ percentage: 130 }) },
    expect: { reads: [{}, { ...FIVE_HOUR, usedPercent: 130 }, {}] }, maxRequests: AT_INTERVAL },
  { name: 'keeps the other limits when one entry is garbage', provider: 'zai',
    hostile: { limit: json({ ...good, data: { ...good.data, limits: ['junk', null, ...good.data.limits.slice(1)] } }) },
    expect: { reads: [{ id: 'tokens:300' }, { id: 'tokens:10080' }] }, maxRequests: AT_INTERVAL },
  { name: 'ignores a reset in year 9999 and keeps the last-known one', provider: 'zai', hostile: { limit: sessionWith({ nextResetTime: 253402300799000 }) },
    expect: { reads: [{}, { ...FIVE_HOUR, resetsAt: FIVE_HOUR_RESET }, {}] }, maxRequests: AT_INTERVAL },
  // Credential
  { name: 'clears the card and sends nothing once the key is removed', provider: 'zai', trouble: { kind: 'key-removed' },
    expect: { clears: 'unconfigured' }, maxRequests: NONE },
];
