import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../core/errors';
import { describeError } from '../../../../core/present';
import type { GeminiCredentials } from '../../../../core/providers/gemini/credentials';
import { createGeminiProvider } from '../../../../core/providers/gemini/provider';
import { FakeClock } from '../../../support/fake-clock';
import { error, value } from '../../../support/results';
import { ScriptedHttp } from '../../../support/scripted-http';
import { fixtureText } from '../load-fixture';

const NOW = '2026-09-20T12:00:00Z';
const now = Date.parse(NOW);
const TOKEN = 'ya29.a0AfB_byGEMINItoken';
const LOAD = '/v1internal:loadCodeAssist';
const QUOTA = '/v1internal:retrieveUserQuota';
const creds = (over: Partial<GeminiCredentials> = {}): Result<GeminiCredentials | null> => ({ ok: true, value: { accessToken: TOKEN, expiresAt: now + 3_600_000, email: 'ada@example.com', ...over } });

function setup(signIn: Result<GeminiCredentials | null> = creds()) {
  const http = new ScriptedHttp();
  const provider = createGeminiProvider({ http, clock: new FakeClock(NOW), baseUrl: 'https://code-assist.test/', getCredentials: async () => signIn });
  return { http, fetch: () => provider.sources[0]!.fetch() };
}

const healthy = () => {
  const s = setup();
  s.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-standard') });
  s.http.on(QUOTA, { status: 200, body: fixtureText('gemini', 'quota-three-models') });
  return s;
};

describe('the Gemini provider', () => {
  it('asks loadCodeAssist for the project, then the quota for that project, with the bearer token', async () => {
    const s = healthy();
    const data = value(await s.fetch());
    const [load, quota] = s.http.requests;
    expect([load!.method, load!.url, JSON.parse(load!.body!)]).toEqual(['POST', 'https://code-assist.test/v1internal:loadCodeAssist', { metadata: { ideType: 'GEMINI_CLI', pluginType: 'GEMINI' } }]);
    expect([quota!.method, quota!.url, JSON.parse(quota!.body!)]).toEqual(['POST', 'https://code-assist.test/v1internal:retrieveUserQuota', { project: 'acme-code-assist-4711' }]);
    for (const r of s.http.requests) expect(r.headers?.['Authorization']).toBe(`Bearer ${TOKEN}`);
    expect(data.source).toBe('gemini:retrieveUserQuota');
    expect(data.account).toEqual({ label: 'ada@example.com', plan: 'Gemini Code Assist Standard' });
    expect(data.windows.map((w) => w.id)).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite']);
  });

  it('asks for the quota with {} when the account has no project, and when loadCodeAssist’s body is unreadable', async () => {
    for (const body of [fixtureText('gemini', 'load-code-assist-no-project'), '<html>']) {
      const s = setup();
      s.http.on(LOAD, { status: 200, body });
      s.http.on(QUOTA, { status: 200, body: fixtureText('gemini', 'quota-three-models') });
      const data = value(await s.fetch());
      expect(JSON.parse(s.http.requests[1]!.body!)).toEqual({});
      expect(data.windows).toHaveLength(3);
    }
  });

  it('makes no request without a sign-in, with an unreadable one, or with an expired one, which it asks gemini to renew', async () => {
    const none = setup({ ok: true, value: null });
    expect(error(await none.fetch()).kind).toBe('unconfigured');
    const bad = setup({ ok: false, error: { kind: 'credentials_invalid', detail: 'x' } });
    expect(error(await bad.fetch()).kind).toBe('credentials_invalid');
    const expired = setup(creds({ expiresAt: now - 1 }));
    const e = error(await expired.fetch());
    expect(e).toEqual({ kind: 'unauthorized', status: null, hint: 'token_expired' });
    expect(describeError(e, 'gemini')).toEqual({ reason: 'The sign-in has expired.', action: 'Run `gemini` in a terminal so it renews its sign-in, then refresh.' });
    expect(none.http.requests.length + bad.http.requests.length + expired.http.requests.length).toBe(0);
  });

  it('shows an ineligible account (the retired consumer sign-in) as its own state, without asking for quota', async () => {
    const s = setup();
    s.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-ineligible') });
    const e = error(await s.fetch());
    expect(e).toMatchObject({ kind: 'forbidden', reason: 'ineligible' });
    expect(s.http.count(QUOTA)).toBe(0);
    const words = describeError(e, 'gemini');
    expect(words.reason).toMatch(/stopped accepting on 2026-06-18/);
    expect(words.action).toMatch(/Standard or Enterprise/);
  });

  it('reads UNSUPPORTED_CLIENT from either endpoint as the ineligible state, not a crash or a sign-in problem', async () => {
    const atLoad = setup();
    atLoad.http.on(LOAD, { status: 403, body: fixtureText('gemini', 'unsupported-client-403') });
    expect(error(await atLoad.fetch())).toEqual({ kind: 'forbidden', status: 403, reason: 'ineligible', url: null });
    const s = setup();
    s.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-standard') });
    s.http.on(QUOTA, { status: 400, body: fixtureText('gemini', 'unsupported-client-403') });
    expect(error(await s.fetch())).toEqual({ kind: 'forbidden', status: 400, reason: 'ineligible', url: null });
  });

  it('asks for verification with the link loadCodeAssist gives', async () => {
    const s = setup();
    s.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-validation-required') });
    expect(error(await s.fetch())).toMatchObject({ kind: 'forbidden', reason: 'validation', url: 'https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=DEMO' });
  });

  it('classifies a 403 body: validation (with its link), terms violation, plain forbidden', async () => {
    const cases: Array<[string, object]> = [
      [fixtureText('gemini', 'forbidden-validation-403'), { reason: 'validation', url: 'https://accounts.google.com/signin/continue?sarp=1&plt=FIX' }],
      [fixtureText('gemini', 'forbidden-tos-403'), { reason: 'violation', url: null }],
      ['{"error":{"code":403,"status":"PERMISSION_DENIED","message":"The caller does not have permission"}}', { reason: 'forbidden', url: null }],
    ];
    for (const [body, expected] of cases) {
      const t = setup();
      t.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-standard') });
      t.http.on(QUOTA, { status: 403, body });
      expect(error(await t.fetch())).toEqual({ kind: 'forbidden', status: 403, ...expected });
    }
  });

  it('asks to renew the sign-in with gemini on a 401 (the token is never refreshed here)', async () => {
    const s = setup();
    s.http.on(LOAD, { status: 401, body: fixtureText('gemini', 'unauthenticated-401') });
    const e = error(await s.fetch());
    expect(e).toEqual({ kind: 'unauthorized', status: 401, hint: 'gemini_login' });
    expect(describeError(e, 'gemini').action).toBe('Run `gemini` in a terminal so it renews its sign-in, then refresh.');
    expect(s.http.requests.map((r) => new URL(r.url).hostname)).toEqual(['code-assist.test']);
  });

  it('waits as told on a 429: Retry-After, else the body’s retryDelay', async () => {
    const s = setup();
    s.http.on(LOAD, { status: 429, body: '{}', headers: { 'retry-after': '90' } });
    expect(error(await s.fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 90_000 });
    const t = setup();
    t.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-standard') });
    t.http.on(QUOTA, { status: 429, body: fixtureText('gemini', 'resource-exhausted-429') });
    expect(error(await t.fetch())).toEqual({ kind: 'rate_limited', retryAfterMs: 1_200_000 });
  });

  it('still asks for the quota (with {}) when loadCodeAssist is missing or failing, and gives its error when both fail', async () => {
    for (const status of [404, 503]) {
      const s = setup();
      s.http.on(LOAD, { status, body: 'unavailable' });
      s.http.on(QUOTA, { status: 200, body: fixtureText('gemini', 'quota-three-models') });
      const data = value(await s.fetch());
      expect(JSON.parse(s.http.requests[1]!.body!)).toEqual({});
      expect([data.windows.length, data.account?.plan]).toEqual([3, null]);
    }
    const both = setup();
    both.http.on(LOAD, { status: 503, body: 'unavailable' });
    both.http.on(QUOTA, { status: 502, body: 'bad gateway' });
    expect(error(await both.fetch())).toEqual({ kind: 'upstream', status: 502 });
  });

  it('stops at loadCodeAssist on a dead connection, asking nothing more', async () => {
    const s = setup();
    s.http.on(LOAD, { error: { kind: 'transport', code: 'ECONNREFUSED' } });
    expect(error(await s.fetch())).toEqual({ kind: 'transport', code: 'ECONNREFUSED' });
    expect(s.http.count(QUOTA)).toBe(0);
  });

  it('calls a quota body without buckets malformed', async () => {
    for (const [body, detail] of [[fixtureText('gemini', 'quota-no-buckets'), 'no usable quota bucket'], ['nope', 'quota response is not a JSON object']] as const) {
      const t = setup();
      t.http.on(LOAD, { status: 200, body: fixtureText('gemini', 'load-code-assist-standard') });
      t.http.on(QUOTA, { status: 200, body });
      expect(error(await t.fetch())).toEqual({ kind: 'malformed', detail });
    }
  });
});
