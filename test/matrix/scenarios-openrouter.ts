// OpenRouter rows of the hostile-provider matrix: GET /key (capped keys) and /credits (uncapped).
import { fixture } from '../core/providers/load-fixture';
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HUGE, ONCE, SLOW_MS, THROTTLED, THROTTLED_20_MIN,
  fixtureReply, html, json, resetMidBody, retryAtDate, slowHeaders, status, truncated, tricklingBody,
  MINUTE, type Scenario,
} from './scenario-kit';

const capped = fixture<{ data: Record<string, unknown> }>('openrouter', 'key-capped-weekly').data;
/** The capped key's /key reply with some fields replaced. */
const keyWith = (over: Record<string, unknown>) => json({ data: { ...capped, ...over } });
const SPEND = [{ id: 'daily', used: 2.5 }, { id: 'weekly', used: 14.75 }, { id: 'monthly', used: 61.2 }];

export const OPENROUTER_SCENARIOS: Scenario[] = [
  // Status codes
  { name: 'says the key was rejected on a 401', provider: 'openrouter', hostile: { key: status(401, 'openrouter', 'error-401') },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'check_key' } }, maxRequests: AT_INTERVAL },
  { name: 'says the credit is exhausted on a 402 (negative balance)', provider: 'openrouter',
    hostile: { key: json({ error: { code: 402, message: 'Insufficient credits. Add more using https://openrouter.ai/credits' } }, 402) },
    expect: { fails: { kind: 'credits_exhausted' } }, maxRequests: AT_INTERVAL },
  { name: 'says access was refused on a plain 403', provider: 'openrouter', hostile: { key: status(403, 'forbidden', 'plain-forbidden') },
    expect: { fails: { kind: 'forbidden', status: 403, reason: 'forbidden' } }, maxRequests: AT_INTERVAL },
  { name: 'shows spend and stops asking /credits once it answers 403 "management key required"', provider: 'openrouter', key: 'uncapped',
    hostile: { credits: status(403, 'openrouter', 'error-403-management-key') },
    // The first hostile poll asks /key and /credits; after the refusal only /key.
    expect: { reads: SPEND, notes: ['no_spending_limit', 'key_expires'] }, maxRequests: AT_INTERVAL + 1 },
  { name: 'shows spend when /credits answers 401 for an uncapped key', provider: 'openrouter', key: 'uncapped',
    hostile: { credits: status(401, 'openrouter', 'error-401') },
    expect: { reads: SPEND, notes: ['no_spending_limit', 'key_expires'] }, maxRequests: AT_INTERVAL + 1 },
  { name: 'waits at least the Retry-After seconds of a 429', provider: 'openrouter',
    hostile: { key: status(429, 'openrouter', 'error-429', { 'retry-after': '7' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'waits for the HTTP-date of a 429 Retry-After', provider: 'openrouter', hostile: { key: retryAtDate(20 * MINUTE) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 20 * MINUTE } }, maxRequests: THROTTLED_20_MIN },
  { name: 'backs off on a 429 without Retry-After', provider: 'openrouter', hostile: { key: status(429, 'openrouter', 'error-429') },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'does not hammer on "Retry-After: 0"', provider: 'openrouter', hostile: { key: status(429, 'openrouter', 'error-429', { 'retry-after': '0' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 0 } }, maxRequests: THROTTLED },
  { name: 'caps a Retry-After of two years instead of going silent', provider: 'openrouter',
    hostile: { key: status(429, 'openrouter', 'error-429', { 'retry-after': '63072000' }) },
    expect: { fails: { kind: 'rate_limited' } }, maxRequests: ONCE },
  { name: 'backs off on a 500', provider: 'openrouter', hostile: { key: status(500, 'openrouter', 'error-500') },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'openrouter', hostile: { key: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 503', provider: 'openrouter', hostile: { key: json({ error: { code: 503, message: 'Service Unavailable' } }, 503) },
    expect: { fails: { kind: 'upstream', status: 503 } }, maxRequests: BACKOFF },
  { name: 'backs off when /credits answers 500 for an uncapped key', provider: 'openrouter', key: 'uncapped',
    hostile: { credits: status(500, 'openrouter', 'error-500') },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: 2 * BACKOFF },
  { name: 'honours a /credits 429 for an uncapped key', provider: 'openrouter', key: 'uncapped',
    hostile: { credits: status(429, 'openrouter', 'error-429', { 'retry-after': '60' }) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 60_000 } }, maxRequests: 2 * THROTTLED },
  // Transport
  { name: 'times out when the headers never come', provider: 'openrouter', timeoutMs: SLOW_MS,
    hostile: { key: slowHeaders('openrouter', 'key-capped-weekly') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out on a body that trickles in', provider: 'openrouter', timeoutMs: SLOW_MS,
    hostile: { key: tricklingBody('openrouter', 'key-capped-weekly') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'openrouter', hostile: { key: resetMidBody('openrouter', 'key-capped-weekly') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'openrouter', hostile: { key: truncated('openrouter', 'key-capped-weekly') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an HTML page with status 200 malformed', provider: 'openrouter', hostile: { key: html(200) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'openrouter', hostile: { key: EMPTY_200 },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'refuses a 20 MB body', provider: 'openrouter', hostile: { key: HUGE },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  { name: 'calls a data array instead of an object malformed', provider: 'openrouter', hostile: { key: json({ data: [1, 2, 3] }) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  // Values
  { name: 'shows an unknown amount when the numbers are null', provider: 'openrouter',
    hostile: { key: keyWith({ limit_remaining: null, usage_weekly: null, usage: null }) },
    expect: { reads: [{ id: 'key-limit', limit: 20, used: null, usedPercent: null, remaining: null }] }, maxRequests: AT_INTERVAL },
  { name: 'reads numeric strings and drops a word where a number belongs', provider: 'openrouter',
    hostile: { key: keyWith({ limit: '20', limit_remaining: 'plenty', usage_weekly: '5' }) },
    expect: { reads: [{ id: 'key-limit', limit: 20, used: 5, usedPercent: 25, remaining: 15 }] }, maxRequests: AT_INTERVAL },
  { name: 'counts an overspent cap as fully used and keeps the negative remainder', provider: 'openrouter',
    hostile: { key: fixtureReply('openrouter', 'key-capped-monthly-overspent') },
    expect: { reads: [{ id: 'key-limit', label: 'Monthly limit', used: 10, usedPercent: 100, remaining: -3.5 }] }, maxRequests: AT_INTERVAL },
  { name: 'reads a remainder above the cap as nothing used', provider: 'openrouter', hostile: { key: keyWith({ limit_remaining: 35 }) },
    expect: { reads: [{ id: 'key-limit', used: 0, usedPercent: 0, remaining: 35 }] }, maxRequests: AT_INTERVAL },
  { name: 'treats a negative cap as no cap and shows the balance', provider: 'openrouter', hostile: { key: keyWith({ limit: -20 }) },
    // No usable cap, so every poll also asks /credits.
    expect: { reads: [{ id: 'credits', limit: 25, used: 7.5, remaining: 17.5 }] }, maxRequests: 2 * AT_INTERVAL },
  { name: 'shows a negative balance for an uncapped key', provider: 'openrouter', key: 'uncapped',
    hostile: { credits: fixtureReply('openrouter', 'credits-negative') },
    expect: { reads: [{ id: 'credits', limit: 10, used: 12.25, remaining: -2.25, usedPercent: 122.5 }] }, maxRequests: 2 * AT_INTERVAL },
  { name: 'shows no percentage for amounts too large to divide', provider: 'openrouter',
    hostile: { key: keyWith({ limit: 1e308, limit_remaining: -1e308 }) },
    expect: { reads: [{ id: 'key-limit', limit: 1e308, usedPercent: null }] }, maxRequests: AT_INTERVAL },
  { name: 'shows no reset for an unknown reset period and ignores a garbled expiry', provider: 'openrouter',
    hostile: { key: keyWith({ limit_reset: 'fortnightly', expires_at: 'soon' }) },
    // An open enum we cannot compute a reset for. A credit window's null reset may mean "never", so the
    // old daily reset is not carried over: no reset time beats a wrong one.
    expect: { reads: [{ id: 'key-limit', label: 'Key limit', resetsAt: null, windowMinutes: null }], notes: ['week_spend'] },
    maxRequests: AT_INTERVAL },
];
