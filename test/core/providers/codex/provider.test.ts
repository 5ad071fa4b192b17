import { describe, it, expect } from 'vitest';
import { runChain, type Source } from '../../../../core/provider';
import { parseCodexAuth } from '../../../../core/providers/codex/auth';
import { createCodexProvider, parseUsageResponse } from '../../../../core/providers/codex/provider';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';
import { fixture, fixtureText } from '../load-fixture';
import { error, value } from '../../../support/results';

const BASE = 'https://chatgpt.test/backend-api';
const NOW = Date.parse('2026-09-20T12:00:00Z');
const FIVE_H_RESET = 1790003600_000;
const WEEK_RESET = 1790398480_000;

const usage = (name: string) => parseUsageResponse(fixture('codex', name), NOW)!;
const summary = (name: string) => usage(name).windows.map((w) => [w.id, w.kind, w.usedPercent, w.windowMinutes, w.resetsAt]);

function setup(opts: { auth?: string | null; base?: string; fallbackSources?: Source[] } = {}) {
  const http = new ScriptedHttp();
  const clock = new FakeClock(NOW);
  const auth = opts.auth === undefined ? fixtureText('codex', 'auth-chatgpt') : opts.auth;
  const provider = createCodexProvider({
    http,
    clock,
    baseUrl: opts.base ?? BASE,
    readAuth: async () => ({ ok: true, value: auth }),
    fallbackSources: opts.fallbackSources,
  });
  return { http, clock, provider, fetch: () => provider.sources[0]!.fetch() };
}



describe('Codex /wham/usage parsing', () => {
  it('maps a 5-hour and a weekly window, the session first', () => {
    expect(summary('usage-plus-both-windows')).toEqual([
      ['session', 'session', 37, 300, FIVE_H_RESET],
      ['weekly', 'weekly', 12, 10080, WEEK_RESET],
    ]);
    expect(usage('usage-plus-both-windows').windows.map((w) => w.label)).toEqual(['5-hour', 'Weekly']);
  });

  it('classifies by duration when the weekly window comes first', () => {
    expect(summary('usage-swapped-windows')).toEqual(summary('usage-plus-both-windows'));
  });

  it('shows a lone 7-day primary window as weekly, not as the session', () => {
    expect(summary('usage-primary-weekly-only')).toEqual([['weekly', 'weekly', 12, 10080, WEEK_RESET]]);
  });

  it('skips an empty zero-sized secondary window', () => {
    expect(summary('usage-weekly-with-empty-secondary')).toEqual([['weekly', 'weekly', 12, 10080, WEEK_RESET]]);
  });

  it('gives no windows, not an error, when rate_limit is null', () => {
    expect(usage('usage-null-rate-limit')).toEqual({ windows: [], notes: [{ code: 'plan', plan: 'free' }], plan: 'free' });
  });

  it('notes the plan and a credits balance sent as a string', () => {
    expect(usage('usage-credits-balance').notes).toEqual([
      { code: 'plan', plan: 'pro' },
      { code: 'credits_balance', balance: 123.45, unit: 'credits' },
    ]);
  });

  it('does not note a zero balance on a plan without credits', () => {
    expect(usage('usage-plus-both-windows').notes).toEqual([{ code: 'plan', plan: 'plus' }]);
  });

  it('notes unlimited credits', () => {
    expect(usage('usage-credits-unlimited').notes).toEqual([{ code: 'plan', plan: 'enterprise' }, { code: 'unlimited_credits' }]);
  });

  it('notes a reached limit', () => {
    const r = usage('usage-limit-reached');
    expect(r.notes).toContainEqual({ code: 'limit_reached' });
    expect(r.windows[0]).toMatchObject({ id: 'session', usedPercent: 100, remaining: 0 });
  });

  it('assumes a window without a size is weekly and says the size was not reported', () => {
    const [w, ...rest] = usage('usage-window-without-size').windows;
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ kind: 'weekly', windowMinutes: null, label: 'Weekly (size not reported)', usedPercent: 55 });
  });

  it('computes the reset from reset_after_seconds when reset_at is missing', () => {
    expect(usage('usage-reset-after-only').windows[0]).toMatchObject({ kind: 'session', resetsAt: NOW + 7_200_000 });
  });

  it('keeps an unknown plan and reads numbers sent as strings, dropping only the garbled window', () => {
    const r = usage('usage-unknown-plan-and-fields');
    expect(r.plan).toBe('self_serve_business_usage_based');
    const meters = r.windows.filter((w) => w.kind !== 'credits');
    expect(meters.map((w) => [w.kind, w.usedPercent, w.windowMinutes, w.resetsAt])).toEqual([['session', 41.5, 300, FIVE_H_RESET]]);
  });

  it('rounds a window size up to whole minutes', () => {
    const r = parseUsageResponse({ rate_limit: { primary_window: { used_percent: 5, limit_window_seconds: 18_001, reset_at: 1790003600 } } })!;
    expect(r.windows[0]!.windowMinutes).toBe(301);
  });

  it('returns null for a body that is not an object', () => {
    expect(parseUsageResponse('<html>')).toBeNull();
    expect(parseUsageResponse(null)).toBeNull();
  });
});


describe('extra Codex limit families', () => {
  it('shows each as its own 5-hour and weekly windows, by duration, named after the limit', () => {
    const { windows } = usage('usage-additional-limits');
    expect(windows.map((w) => [w.id, w.label, w.usedPercent])).toEqual([
      ['session', '5-hour', 21],
      ['weekly', 'Weekly', 8],
      ['session:gpt-5-3-codex-spark', '5-hour (GPT-5.3-Codex-Spark)', 90],
      ['weekly:gpt-5-3-codex-spark', 'Weekly (GPT-5.3-Codex-Spark)', 64],
    ]);
  });

  it('skips nameless and garbled entries without losing the others', () => {
    const { windows } = usage('usage-additional-limits');
    expect(windows).toHaveLength(4);
    expect(windows.every((w) => w.usedPercent !== null)).toBe(true);
  });
});

describe('Codex auth.json', () => {
  it('reads the access token and account id of a ChatGPT sign-in', () => {
    expect(parseCodexAuth(fixtureText('codex', 'auth-chatgpt'))).toEqual({
      ok: true,
      value: { accessToken: 'test-access-token-chatgpt', accountId: '8f2a4c1e-0000-4000-8000-00000000a11c', email: 'dev@example.com' },
    });
  });

  it("takes the account id from the id_token's nested OpenAI auth claim when tokens.account_id is missing", () => {
    const r = parseCodexAuth(fixtureText('codex', 'auth-account-in-id-token'));
    expect(r).toMatchObject({ ok: true, value: { accountId: 'acct-nested-claim-7', email: 'jwt@example.com' } });
  });

  it('takes a top-level chatgpt_account_id claim too (and decodes UTF-8 claims)', () => {
    expect(parseCodexAuth(fixtureText('codex', 'auth-account-top-level-claim'))).toMatchObject({ ok: true, value: { accountId: 'acct-top-level-3' } });
  });

  it('leaves the account id null when nothing carries it', () => {
    expect(parseCodexAuth(fixtureText('codex', 'auth-no-account-id'))).toMatchObject({ ok: true, value: { accountId: null } });
  });

  it.each(['auth-apikey', 'auth-apikey-legacy'])('treats an API-key-only file (%s) as not configured for usage', (name) => {
    const e = error(parseCodexAuth(fixtureText('codex', name)));
    expect(e.kind).toBe('unconfigured');
    expect(JSON.stringify(e)).not.toContain('sk-');
  });

  it('treats a file with no tokens as not configured', () => {
    expect(error(parseCodexAuth('{}')).kind).toBe('unconfigured');
  });

  it.each([
    ['truncated JSON', '{"tokens": {"access_token": "abc'],
    ['a JSON array', '[1,2]'],
    ['no access token', fixtureText('codex', 'auth-no-access-token')],
    ['tokens not an object', fixtureText('codex', 'auth-tokens-not-object')],
  ])('reports %s as invalid credentials without echoing the file', (_, text) => {
    const e = error(parseCodexAuth(text));
    expect(e.kind).toBe('credentials_invalid');
    expect(JSON.stringify(e)).not.toContain('abc');
  });
});

describe('Codex provider', () => {
  it('calls GET {base}/wham/usage with the bearer token and account id', async () => {
    const { http, fetch, provider } = setup();
    http.on('/wham/usage', { status: 200, body: fixture('codex', 'usage-plus-both-windows') });
    const data = value(await fetch());
    expect(provider).toMatchObject({ id: 'codex', displayName: 'Codex', sources: [{ id: 'codex:wham/usage' }] });
    expect(http.requests).toEqual([
      {
        url: `${BASE}/wham/usage`,
        method: 'GET',
        headers: {
          Authorization: 'Bearer test-access-token-chatgpt',
          'ChatGPT-Account-Id': '8f2a4c1e-0000-4000-8000-00000000a11c',
          Accept: 'application/json',
        },
      },
    ]);
    expect(data.source).toBe('codex:wham/usage');
    expect(data.windows.map((w) => w.kind)).toEqual(['session', 'weekly']);
    expect(data.account).toEqual({ label: 'dev@example.com', plan: 'plus' });
    expect(JSON.stringify(data)).not.toContain('test-access-token');
  });

  it('omits ChatGPT-Account-Id when the account id is unknown', async () => {
    const { http, fetch } = setup({ auth: fixtureText('codex', 'auth-no-account-id') });
    http.on('/wham/usage', { status: 200, body: fixture('codex', 'usage-null-rate-limit') });
    value(await fetch());
    expect(Object.keys(http.requests[0]!.headers!)).toEqual(['Authorization', 'Accept']);
  });

  it('uses /api/codex/usage for a base URL that is not the ChatGPT backend', async () => {
    const { http, fetch } = setup({ base: 'http://127.0.0.1:9/' });
    http.on('/api/codex/usage', { status: 200, body: fixture('codex', 'usage-plus-both-windows') });
    value(await fetch());
    expect(http.requests[0]!.url).toBe('http://127.0.0.1:9/api/codex/usage');
  });

  it.each([401, 403])('reports %i as unauthorized with a hint to run codex login', async (status) => {
    const { http, fetch } = setup();
    http.on('/wham/usage', { status, body: { detail: 'token expired' } });
    expect(error(await fetch())).toEqual({ kind: 'unauthorized', status, hint: 'codex_login' });
  });

  it('reports 429 as rate limited with its Retry-After, and 5xx as upstream', async () => {
    const { http, fetch } = setup();
    http.on('/wham/usage', { status: 429, headers: { 'Retry-After': '90' } }, { status: 502 });
    expect(error(await fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 90_000 });
    expect(error(await fetch())).toEqual({ kind: 'upstream', status: 502 });
  });

  it('reports a body that is not JSON as malformed', async () => {
    const { http, fetch } = setup();
    http.on('/wham/usage', { status: 200, body: '<!doctype html>' });
    expect(error(await fetch()).kind).toBe('malformed');
  });

  it('is unconfigured without auth.json and sends nothing', async () => {
    const { http, fetch } = setup({ auth: null });
    expect(error(await fetch()).kind).toBe('unconfigured');
    expect(http.requests).toHaveLength(0);
  });

  it('passes an unreadable auth.json through as its error and sends nothing', async () => {
    const http = new ScriptedHttp();
    const p = createCodexProvider({
      http,
      clock: new FakeClock(NOW),
      baseUrl: BASE,
      readAuth: async () => ({ ok: false, error: { kind: 'credentials_invalid', detail: 'EACCES' } }),
    });
    expect(error(await p.sources[0]!.fetch())).toEqual({ kind: 'credentials_invalid', detail: 'EACCES' });
    expect(http.requests).toHaveLength(0);
  });

  it('falls back to the next source in order when the endpoint fails', async () => {
    const logs: Source = {
      id: 'codex-logs',
      fetch: async () => ({ ok: true, value: { source: 'codex-logs', windows: [], notes: [], account: null } }),
    };
    const never: Source = { id: 'never', fetch: async () => { throw new Error('must not be asked'); } };
    const { http, provider, clock } = setup({ fallbackSources: [logs, never] });
    http.on('/wham/usage', { status: 401 });
    const outcome = await runChain(provider, clock);
    expect(provider.sources.map((s) => s.id)).toEqual(['codex:wham/usage', 'codex-logs', 'never']);
    expect(outcome).toMatchObject({ ok: true, data: { source: 'codex-logs' }, fallbackFrom: { kind: 'unauthorized', hint: 'codex_login' } });
  });
});
