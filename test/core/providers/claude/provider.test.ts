import { describe, it, expect } from 'vitest';
import type { ProviderError, Result } from '../../../../core/errors';
import type { UsageWindow } from '../../../../core/model';
import { createPoller } from '../../../../core/poller';
import { parseClaudeCredentials, type ClaudeCredentials } from '../../../../core/providers/claude/credentials';
import { createClaudeProvider, parseClaudeUsage } from '../../../../core/providers/claude/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp, type Reply } from '../../../support/scripted-http';
import { fixture, fixtureText } from '../load-fixture';
import { error, value } from '../../../support/results';

const BASE = 'https://claude.test';
const NOW = '2026-09-20T12:00:00Z';
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

function usage(name: string): UsageWindow[] {
  const r = parseClaudeUsage(fixture('claude', name), at(NOW));
  if (!r.ok) throw new Error(`expected windows, got ${JSON.stringify(r.error)}`);
  return r.value.windows;
}
const byId = (ws: UsageWindow[], id: string) => ws.find((w) => w.id === id);

function creds(name: string): ClaudeCredentials {
  const r = parseClaudeCredentials(fixtureText('claude', name));
  if (!r.ok) throw new Error(`bad fixture ${name}`);
  return r.value;
}

function setup(opts: { creds?: Result<ClaudeCredentials | null>; userAgent?: string } = {}) {
  const http = new ScriptedHttp();
  const clock = new FakeClock(NOW);
  let lookups = 0;
  const provider = createClaudeProvider({
    http,
    clock,
    baseUrl: `${BASE}/`,
    getCredentials: async () => {
      lookups++;
      return opts.creds ?? { ok: true, value: creds('credentials-max') };
    },
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
  });
  return { http, clock, provider, fetch: () => provider.sources[0]!.fetch(), lookups: () => lookups };
}

const reply = (status: number, name: string, headers: Record<string, string> = {}): Reply => ({ status, body: fixtureText('claude', name), headers });


describe('parseClaudeUsage', () => {
  it('shows the 5-hour and weekly windows, each non-null per-model weekly window, and extra usage in its currency', () => {
    const ws = usage('usage-max-plan');
    expect(ws.map((w) => [w.id, w.kind, w.label, w.usedPercent, w.windowMinutes])).toEqual([
      ['session', 'session', '5-hour', 23, 300],
      ['weekly', 'weekly', 'Weekly', 61, 10080],
      ['weekly:sonnet', 'weekly', 'Weekly (Sonnet)', 4, 10080],
      ['credits', 'credits', 'Extra usage', 25, null],
    ]);
    expect(byId(ws, 'session')?.resetsAt).toBe(at('2026-09-20T15:00:00.412Z'));
    // monthly_limit 5000 and used_credits 1250 are cents.
    expect(byId(ws, 'credits')).toMatchObject({ unit: 'usd', limit: 50, used: 12.5, remaining: 37.5, resetsAt: null });
  });

  it('shows fewer windows when five_hour is missing, and no credits window when extra usage is off', () => {
    const ws = usage('usage-missing-five-hour');
    expect(ws.map((w) => w.id)).toEqual(['weekly']);
    expect(ws[0]).toMatchObject({ kind: 'weekly', usedPercent: 12.5, resetsAt: at('2026-09-24T09:00:00Z') });
  });

  it('keeps utilization above 100 and reads a value below 1 as under one percent, not a fraction', () => {
    const ws = usage('usage-over-limit');
    expect(byId(ws, 'session')?.usedPercent).toBe(104.5);
    expect(byId(ws, 'weekly')?.usedPercent).toBe(100);
    expect(byId(ws, 'weekly:opus')).toMatchObject({ label: 'Weekly (Opus)', usedPercent: 0.4 });
  });

  it('reads resets_at with and without fractional seconds, with Z or an offset, and drops an unreadable one', () => {
    const ws = usage('usage-reset-formats');
    expect(byId(ws, 'session')?.resetsAt).toBe(at('2026-09-21T03:00:00.123Z'));
    expect(byId(ws, 'weekly')).toMatchObject({ usedPercent: 40, resetsAt: at('2026-09-24T09:00:00Z') });
    expect(byId(ws, 'weekly:sonnet')?.resetsAt).toBe(at('2026-09-24T09:00:00Z'));
    expect(byId(ws, 'weekly:opus')).toMatchObject({ usedPercent: 9, resetsAt: null });
    expect(byId(ws, 'weekly:cowork')).toMatchObject({ label: 'Weekly (Cowork)', usedPercent: 1, resetsAt: null });
  });

  it('shows extra usage in euros, over its limit, with a negative remainder', () => {
    const credits = byId(usage('usage-extra-usage-eur'), 'credits');
    expect(credits).toMatchObject({ kind: 'credits', unit: 'eur', limit: 20, used: 21.5, remaining: -1.5, usedPercent: 107.5 });
  });

  it('labels newer seven_day_* keys, adds every model limit from limits[] once (active or not), and leaves out keys that are not weekly windows', () => {
    const ws = usage('usage-newer-keys');
    expect(ws.map((w) => [w.id, w.label, w.usedPercent])).toEqual([
      ['session', '5-hour', 10],
      ['weekly', 'Weekly', 20],
      ['weekly:oauth_apps', 'Weekly (OAuth apps)', 2],
      ['weekly:opus', 'Weekly (Opus)', 30],
      ['weekly:routines', 'Weekly (Routines)', 1],
      ['weekly:omelette', 'Weekly (Omelette)', 0],
      ['weekly:haiku', 'Weekly (Haiku 4.5)', 15],
      ['weekly:sonnet', 'Weekly (Sonnet 4.5)', 50],
    ]);
    expect(ws.every((w) => w.kind !== 'weekly' || w.windowMinutes === 10080)).toBe(true);
  });

  it('falls back to the spend block for credits when extra_usage is absent', () => {
    expect(byId(usage('usage-spend-only'), 'credits')).toMatchObject({ unit: 'gbp', used: 12.34, limit: 100, remaining: 87.66, usedPercent: 12.34 });
  });

  it('reports a body that is not an object as malformed', () => {
    for (const body of [null, undefined, 'text', [1], 42]) {
      expect(parseClaudeUsage(body, at(NOW))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    }
  });
});

describe('the Claude provider', () => {
  it('asks /api/oauth/usage with the OAuth token and Claude Code headers, and reports windows and the plan', async () => {
    const { http, fetch, provider } = setup();
    http.on('/api/oauth/usage', reply(200, 'usage-max-plan'));
    const data = value(await fetch());
    expect(provider).toMatchObject({ id: 'claude', displayName: 'Claude' });
    expect(data.source).toBe('claude:oauth/usage');
    expect(data.windows.map((w) => w.id)).toEqual(['session', 'weekly', 'weekly:sonnet', 'credits']);
    expect(data.account).toEqual({ label: null, plan: 'max' });
    const req = http.requests[0]!;
    expect(req.url).toBe('https://claude.test/api/oauth/usage');
    expect(req.method).toBe('GET');
    expect(req.headers).toEqual({
      Authorization: 'Bearer sk-ant-oat01-test-access-token-max',
      'anthropic-beta': 'oauth-2025-04-20',
      Accept: 'application/json',
      'User-Agent': 'claude-code/2.1.0',
    });
    expect(JSON.stringify(data)).not.toContain('sk-ant');
  });

  it('sends a configured User-Agent', async () => {
    const { http, fetch } = setup({ userAgent: 'claude-code/2.5.1' });
    http.on('/api/oauth/usage', reply(200, 'usage-max-plan'));
    await fetch();
    expect(http.requests[0]!.headers?.['User-Agent']).toBe('claude-code/2.5.1');
  });

  it('says to sign in again, without a request, when the token has expired', async () => {
    const { http, fetch } = setup({ creds: { ok: true, value: creds('credentials-expired') } });
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'token_expired' });
    expect(http.requests).toHaveLength(0);
  });

  it('says to sign in again, without a request, when the token lacks the user:profile scope', async () => {
    const { http, fetch } = setup({ creds: { ok: true, value: creds('credentials-inference-only') } });
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: null, hint: 'missing_scope' });
    expect(http.requests).toHaveLength(0);
  });

  it('lets the server decide when the credentials list no scopes', async () => {
    const { http, fetch } = setup({ creds: { ok: true, value: creds('credentials-no-scopes') } });
    http.on('/api/oauth/usage', reply(200, 'usage-missing-five-hour'));
    expect(value(await fetch()).account).toEqual({ label: null, plan: null });
  });

  it('reads the server\'s 403 scope complaint as a sign-in problem, not a banned account', async () => {
    const { http, fetch } = setup({ creds: { ok: true, value: creds('credentials-no-scopes') } });
    http.on('/api/oauth/usage', reply(403, 'usage-403-missing-scope'));
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: 403, hint: 'missing_scope' });
  });

  it('is unconfigured when Claude Code is not signed in, and passes on a lookup failure', async () => {
    expect(error(await setup({ creds: { ok: true, value: null } }).fetch())).toEqual({ kind: 'unconfigured', what: 'claude sign-in' });
    const broken: ProviderError = { kind: 'credentials_invalid', detail: 'Claude credentials are not valid JSON' };
    expect(error(await setup({ creds: { ok: false, error: broken } }).fetch())).toEqual(broken);
  });

  it('asks for a Claude Code sign-in on 401', async () => {
    const { http, fetch } = setup();
    http.on('/api/oauth/usage', reply(401, 'usage-401'));
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status: 401, hint: 'claude_login' });
  });

  it('treats 429 as throttling for as long as Retry-After says, and backs off 30 minutes when it says nothing', async () => {
    const { http, fetch, provider } = setup();
    http.on('/api/oauth/usage', reply(429, 'usage-429', { 'Retry-After': '120' }), reply(429, 'usage-429'));
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 120_000 });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(provider.rateLimitFallbackMs).toBe(30 * MINUTE);
  });

  it('reports a 200 that is not JSON as malformed, and passes transport errors on', async () => {
    const { http, fetch } = setup();
    http.on('/api/oauth/usage', { status: 200, body: '<html>maintenance</html>' }, { error: { kind: 'transport', code: 'ECONNREFUSED' } });
    expect(error(await fetch())).toMatchObject({ kind: 'malformed' });
    expect(error(await fetch())).toEqual({ kind: 'transport', code: 'ECONNREFUSED' });
  });

  it('keeps the last windows as stale through a 429 and does not ask again for 30 minutes', async () => {
    const { http, clock, provider } = setup();
    http.on('/api/oauth/usage', reply(200, 'usage-max-plan'), reply(429, 'usage-429'), reply(200, 'usage-over-limit'));
    const poller = createPoller({ providers: [provider], clock, scheduler: clock, intervalMs: 2 * MINUTE });
    poller.start();
    await clock.advance(0);
    await clock.advance(2 * MINUTE);
    const stale = poller.view().snapshots[0]!;
    expect(stale.status).toBe('stale');
    expect(stale.error).toEqual({ kind: 'rate_limited', retryAfterMs: null, retryInMs: 30 * MINUTE });
    expect(stale.windows.find((w) => w.id === 'session')?.usedPercent).toBe(23);
    expect(http.count('/api/oauth/usage')).toBe(2);
    await clock.advance(29 * MINUTE);
    expect(http.count('/api/oauth/usage')).toBe(2);
    await clock.advance(1 * MINUTE);
    expect(http.count('/api/oauth/usage')).toBe(3);
    expect(poller.view().snapshots[0]!.status).toBe('ok');
    poller.stop();
  });
});
