// DeepSeek rows of the hostile-provider matrix: GET /user/balance (amounts as strings, one entry per currency).
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, NONE, ONCE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated,
  MINUTE, type Scenario,
} from './scenario-kit';

export const DEEPSEEK_SCENARIOS: Scenario[] = [
  // Status codes
  { name: 'says the key was rejected on a 401', provider: 'deepseek', hostile: { balance: status(401, 'deepseek', 'error-401') },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'check_key' } }, maxRequests: AT_INTERVAL },
  { name: 'says the balance is exhausted on a 402', provider: 'deepseek', hostile: { balance: json({ error: { message: 'Insufficient Balance' } }, 402) },
    expect: { fails: { kind: 'credits_exhausted' } }, maxRequests: AT_INTERVAL },
  { name: 'waits at least the Retry-After seconds of a 429', provider: 'deepseek',
    hostile: { balance: status(429, 'deepseek', 'error-429', { 'retry-after': '7' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'deepseek', hostile: { balance: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'caps a Retry-After of two years instead of going silent', provider: 'deepseek',
    hostile: { balance: status(429, 'deepseek', 'error-429', { 'retry-after': '63072000' }) },
    expect: { fails: { kind: 'rate_limited' } }, maxRequests: ONCE },
  { name: 'backs off on a 500', provider: 'deepseek', hostile: { balance: status(500, 'deepseek', 'error-500') },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'deepseek', hostile: { balance: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  // Transport
  { name: 'times out when the headers never come', provider: 'deepseek', timeoutMs: SLOW_MS,
    hostile: { balance: slowHeaders('deepseek', 'balance-cny') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'deepseek', hostile: { balance: resetMidBody('deepseek', 'balance-two-currencies') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'deepseek', hostile: { balance: truncated('deepseek', 'balance-cny') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an HTML page with status 200 malformed', provider: 'deepseek', hostile: { balance: html(200) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'deepseek', hostile: { balance: EMPTY_200 },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'deepseek', hostile: { balance: HUGE },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a body with neither a balance nor availability malformed', provider: 'deepseek', hostile: { balance: json({ balance_infos: 'none' }) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Values
  { name: 'shows a balance per currency, in each currency', provider: 'deepseek', hostile: { balance: fixtureReply('deepseek', 'balance-two-currencies') },
    expect: { reads: [{ id: 'balance:usd', unit: 'usd', remaining: 25.4, usedPercent: null }, { id: 'balance:cny', unit: 'cny', remaining: 7.15 }], notes: [] },
    maxRequests: AT_INTERVAL },
  { name: 'shows a negative balance as negative', provider: 'deepseek', hostile: { balance: fixtureReply('deepseek', 'balance-negative') },
    expect: { reads: [{ id: 'balance:cny', remaining: -3.27 }] }, maxRequests: AT_INTERVAL },
  { name: 'says when the balance cannot pay for API calls (is_available false)', provider: 'deepseek',
    hostile: { balance: fixtureReply('deepseek', 'balance-unavailable') },
    expect: { reads: [{ id: 'balance:cny', remaining: 0 }], notes: ['balance_unavailable'] }, maxRequests: AT_INTERVAL },
  { name: 'keeps the good entries when others are garbled', provider: 'deepseek', hostile: { balance: fixtureReply('deepseek', 'balance-garbled-entries') },
    expect: { reads: [{ id: 'balance:cny', remaining: 25.5 }, { id: 'balance:usd', remaining: null }] }, maxRequests: AT_INTERVAL },
  // Credentials
  { name: 'clears the card when the stored key is removed', provider: 'deepseek', trouble: { kind: 'key-removed' },
    expect: { clears: 'unconfigured' }, maxRequests: NONE },
];
