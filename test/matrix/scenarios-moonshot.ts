// Moonshot rows of the hostile-provider matrix: GET /v1/users/me/balance (numbers, possibly negative;
// refusals inside a 200 as status:false).
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, NONE, ONCE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated, tricklingBody,
  MINUTE, type Scenario,
} from './scenario-kit';

export const MOONSHOT_SCENARIOS: Scenario[] = [
  // Status codes
  { name: 'says the key was rejected on a 401', provider: 'moonshot', hostile: { balance: status(401, 'moonshot', 'error-401') },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'check_key' } }, maxRequests: AT_INTERVAL },
  { name: 'says access was refused on a plain 403', provider: 'moonshot', hostile: { balance: status(403, 'forbidden', 'plain-forbidden') },
    expect: { fails: { kind: 'forbidden', status: 403 } }, maxRequests: AT_INTERVAL },
  { name: 'waits at least the Retry-After seconds of a 429', provider: 'moonshot',
    hostile: { balance: status(429, 'moonshot', 'error-429', { 'retry-after': '7' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'moonshot', hostile: { balance: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'caps a Retry-After of two years instead of going silent', provider: 'moonshot',
    hostile: { balance: status(429, 'moonshot', 'error-429', { 'retry-after': '63072000' }) },
    expect: { fails: { kind: 'rate_limited' } }, maxRequests: ONCE },
  { name: 'backs off on a 500', provider: 'moonshot', hostile: { balance: status(500, 'moonshot', 'error-500') },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'moonshot', hostile: { balance: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  // Errors inside HTTP 200
  { name: 'says the key was rejected when a 200 carries status:false for the key', provider: 'moonshot',
    hostile: { balance: fixtureReply('moonshot', 'status-false-auth') },
    expect: { fails: { kind: 'unauthorized', status: null, hint: 'check_key' } }, maxRequests: AT_INTERVAL },
  { name: 'reports a provider error when a 200 carries another status:false', provider: 'moonshot',
    hostile: { balance: fixtureReply('moonshot', 'status-false-other') },
    expect: { fails: { kind: 'upstream', status: 200 } }, maxRequests: BACKOFF },
  // Transport
  { name: 'times out on a body that trickles in', provider: 'moonshot', timeoutMs: SLOW_MS,
    hostile: { balance: tricklingBody('moonshot', 'balance') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out when the headers never come', provider: 'moonshot', timeoutMs: SLOW_MS,
    hostile: { balance: slowHeaders('moonshot', 'balance') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'moonshot', hostile: { balance: resetMidBody('moonshot', 'balance') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'moonshot', hostile: { balance: truncated('moonshot', 'balance') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'moonshot', hostile: { balance: EMPTY_200 },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'moonshot', hostile: { balance: HUGE },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a success without a data object malformed', provider: 'moonshot', hostile: { balance: json({ code: 0, status: true, data: [1] }) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Values
  { name: 'notes overdrawn cash beside the balance vouchers keep positive', provider: 'moonshot',
    hostile: { balance: fixtureReply('moonshot', 'balance-cash-overdrawn') },
    expect: { reads: [{ id: 'balance', remaining: 18.45, usedPercent: null, unit: 'usd' }], notes: ['cash_overdrawn'] },
    maxRequests: AT_INTERVAL },
  { name: 'keeps a negative balance negative', provider: 'moonshot', hostile: { balance: fixtureReply('moonshot', 'balance-negative') },
    expect: { reads: [{ id: 'balance', remaining: -4.2 }], notes: ['cash_overdrawn'] }, maxRequests: AT_INTERVAL },
  { name: 'reads amounts sent as strings', provider: 'moonshot', hostile: { balance: fixtureReply('moonshot', 'balance-amounts-as-strings') },
    expect: { reads: [{ id: 'balance', remaining: 12.5 }] }, maxRequests: AT_INTERVAL },
  { name: 'shows an unknown balance when the amounts are garbled', provider: 'moonshot',
    hostile: { balance: json({ code: 0, status: true, data: { available_balance: 'lots', cash_balance: null } }) },
    expect: { reads: [{ id: 'balance', remaining: null }] }, maxRequests: AT_INTERVAL },
  // Credentials
  { name: 'clears the card when the stored key is removed', provider: 'moonshot', trouble: { kind: 'key-removed' },
    expect: { clears: 'unconfigured' }, maxRequests: NONE },
];
