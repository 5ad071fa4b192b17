// Codex rows of the hostile-provider matrix: GET /backend-api/wham/usage with auth.json.
import { fixture } from '../core/providers/load-fixture';
import {
  AT_INTERVAL, BACKOFF, EMPTY_200, HOUR, HUGE_CHUNKED, SLOW_MS, THROTTLED,
  fixtureReply, html, json, resetMidBody, slowBody, slowHeaders, status, truncated,
  type Scenario,
} from './scenario-kit';

type Usage = { plan_type: string; rate_limit: { primary_window: Record<string, unknown>; secondary_window: Record<string, unknown> } };
const good = fixture<Usage>('codex', 'usage-plus-both-windows');
const START = Date.UTC(2026, 8, 20, 12, 0, 0);
/** The good /wham/usage reply with the primary (5-hour) and secondary (weekly) windows changed. */
const usageWith = (primary: Record<string, unknown>, secondary: Record<string, unknown> | null = {}) =>
  json({
    ...good,
    rate_limit: {
      ...good.rate_limit,
      primary_window: { ...good.rate_limit.primary_window, ...primary },
      secondary_window: secondary === null ? null : { ...good.rate_limit.secondary_window, ...secondary },
    },
  });
const USAGE_429 = { error: { type: 'usage_limit_reached', message: 'The usage limit has been reached', plan_type: 'plus', resets_in_seconds: 7200 } };
const SESSION_RESET = 1790003600_000;

export const CODEX_SCENARIOS: Scenario[] = [
  // Status codes
  { name: 'asks for codex login on a 401', provider: 'codex', hostile: { usage: json({ detail: 'Unauthorized' }, 401) },
    expect: { fails: { kind: 'unauthorized', status: 401, hint: 'codex_login' } }, maxRequests: AT_INTERVAL },
  { name: 'asks for codex login on a 403', provider: 'codex', hostile: { usage: status(403, 'forbidden', 'plain-forbidden') },
    expect: { fails: { kind: 'unauthorized', status: 403, hint: 'codex_login' } }, maxRequests: AT_INTERVAL },
  { name: 'honours the Retry-After of a usage_limit_reached 429', provider: 'codex',
    hostile: { usage: { status: 429, headers: { 'retry-after': '7' }, body: USAGE_429 } },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: 7_000 } }, maxRequests: THROTTLED },
  { name: 'backs off on a 429 without Retry-After', provider: 'codex', hostile: { usage: json(USAGE_429, 429) },
    expect: { fails: { kind: 'rate_limited', retryAfterMs: null } }, maxRequests: THROTTLED },
  { name: 'backs off on a 500', provider: 'codex', hostile: { usage: json({ detail: 'Internal Server Error' }, 500) },
    expect: { fails: { kind: 'upstream', status: 500 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 502 HTML error page', provider: 'codex', hostile: { usage: html(502) },
    expect: { fails: { kind: 'upstream', status: 502 } }, maxRequests: BACKOFF },
  { name: 'backs off on a 503', provider: 'codex', hostile: { usage: json({ detail: 'Service Unavailable' }, 503) },
    expect: { fails: { kind: 'upstream', status: 503 } }, maxRequests: BACKOFF },
  { name: 'answers from the session logs while the endpoint is down', provider: 'codex', codexLogs: true,
    hostile: { usage: json({ detail: 'Service Unavailable' }, 503) },
    // The endpoint is still asked first on every poll: it is the better source once it is back.
    expect: { reads: [{ id: 'session', kind: 'session' }, { id: 'weekly', kind: 'weekly' }], notes: ['plan', 'observed_at', 'fallback_source'] },
    maxRequests: AT_INTERVAL },
  // Transport
  { name: 'times out when the headers never come', provider: 'codex', timeoutMs: SLOW_MS,
    hostile: { usage: slowHeaders('codex', 'usage-plus-both-windows') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'times out when the body stalls after the headers', provider: 'codex', timeoutMs: SLOW_MS,
    hostile: { usage: slowBody('codex', 'usage-plus-both-windows') }, expect: { fails: { kind: 'timeout' } }, maxRequests: BACKOFF },
  { name: 'reports a connection reset mid-body', provider: 'codex', hostile: { usage: resetMidBody('codex', 'usage-plus-both-windows') },
    expect: { fails: { kind: 'transport', code: 'ECONNRESET' } }, maxRequests: BACKOFF },
  // Bodies
  { name: 'calls truncated JSON malformed', provider: 'codex', hostile: { usage: truncated('codex', 'usage-plus-both-windows') },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an HTML page with status 200 malformed', provider: 'codex', hostile: { usage: html(200) },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'calls an empty 200 malformed', provider: 'codex', hostile: { usage: EMPTY_200 },
    expect: { fails: { kind: 'malformed' } }, maxRequests: AT_INTERVAL },
  { name: 'stops reading a 20 MB chunked body', provider: 'codex', hostile: { usage: HUGE_CHUNKED },
    expect: { fails: { kind: 'malformed', detail: 'response too large' } }, maxRequests: AT_INTERVAL },
  // Values and windows
  { name: 'drops a window whose percentage is null and labels one without a size', provider: 'codex',
    hostile: { usage: usageWith({ used_percent: null }, { limit_window_seconds: null }) },
    expect: { reads: [{ id: 'weekly', usedPercent: 12, windowMinutes: null, label: 'Weekly (size not reported)' }] }, maxRequests: AT_INTERVAL },
  { name: 'reads numbers sent as strings', provider: 'codex',
    hostile: { usage: usageWith({ used_percent: '41.5', limit_window_seconds: '18000', reset_at: '1790003600' }) },
    expect: { reads: [{ id: 'session', usedPercent: 41.5, windowMinutes: 300, resetsAt: SESSION_RESET }, { id: 'weekly', usedPercent: 12 }] },
    maxRequests: AT_INTERVAL },
  { name: 'tells the windows apart by duration when they arrive swapped', provider: 'codex',
    hostile: { usage: fixtureReply('codex', 'usage-swapped-windows') },
    expect: { reads: [{ id: 'session', usedPercent: 37, windowMinutes: 300 }, { id: 'weekly', usedPercent: 12, windowMinutes: 10080 }] },
    maxRequests: AT_INTERVAL },
  { name: 'shows only the weekly window when the 5-hour one is missing', provider: 'codex',
    hostile: { usage: fixtureReply('codex', 'usage-primary-weekly-only') },
    expect: { reads: [{ id: 'weekly', usedPercent: 12, windowMinutes: 10080 }] }, maxRequests: AT_INTERVAL },
  { name: 'shows no windows, but the plan, when rate_limit is null', provider: 'codex', hostile: { usage: json({ ...good, rate_limit: null }) },
    expect: { reads: [], notes: ['plan'] }, maxRequests: AT_INTERVAL },
  { name: 'keeps over-limit and negative percentages raw', provider: 'codex',
    hostile: { usage: usageWith({ used_percent: 140 }, { used_percent: -5 }) },
    expect: { reads: [{ id: 'session', usedPercent: 140, remaining: -40 }, { id: 'weekly', usedPercent: -5, remaining: 105 }] },
    maxRequests: AT_INTERVAL },
  { name: 'keeps a reset time in the past as given', provider: 'codex',
    hostile: { usage: usageWith({ reset_at: (START - HOUR) / 1000 }) },
    expect: { reads: [{ id: 'session', resetsAt: START - HOUR }, { id: 'weekly' }] }, maxRequests: AT_INTERVAL },
  { name: 'ignores a reset time past the year 2286 and keeps the last-known one', provider: 'codex',
    hostile: { usage: usageWith({ reset_at: 99_999_999_999_999, reset_after_seconds: null }) },
    expect: { reads: [{ id: 'session', resetsAt: SESSION_RESET }, { id: 'weekly' }] }, maxRequests: AT_INTERVAL },
  { name: 'ignores a reset more than 400 days ahead (year 2200) and keeps the last-known one', provider: 'codex',
    hostile: { usage: usageWith({ reset_at: Date.UTC(2200, 0, 1) / 1000, reset_after_seconds: null }) },
    expect: { reads: [{ id: 'session', resetsAt: SESSION_RESET }, { id: 'weekly' }] }, maxRequests: AT_INTERVAL },
  // 2026 shapes (PROVIDERS-2 §9)
  { name: 'shows a team workspace credit pool next to a full weekly window', provider: 'codex',
    hostile: { usage: fixtureReply('codex', 'usage-team-spend-control') },
    expect: { reads: [
      { id: 'session', usedPercent: 41 }, { id: 'weekly', usedPercent: 100 },
      { id: 'credits:workspace_shared', kind: 'credits', used: 8000, limit: 25000, remaining: 17000, unit: 'credits', resetsAt: 1790899200_000 },
    ], notes: ['plan', 'limit_reached'] },
    maxRequests: AT_INTERVAL },
  { name: 'shows the x-codex-* header windows when the body has none', provider: 'codex',
    hostile: { usage: { status: 200, headers: { ...fixture<Record<string, string>>('codex', 'headers-primary-5h-secondary-weekly') }, body: { ...good, rate_limit: null } } },
    expect: { reads: [{ id: 'session', usedPercent: 47 }, { id: 'weekly', usedPercent: 9 }], notes: ['plan'] }, maxRequests: AT_INTERVAL },
];
