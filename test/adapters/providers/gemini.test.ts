// Gemini's credential discovery (Gemini CLI's oauth_creds.json under $GEMINI_CLI_HOME or home, read
// only) and the provider over real HTTP through its adapter (origin-limited undici, as the app builds it).
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { geminiAdapter } from '../../../adapters/providers/gemini';
import { SystemClock } from '../../../adapters/system-clock';
import { fixture, fixtureText } from '../../core/providers/load-fixture';
import { FakeClock } from '../../support/fake-clock';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler } from '../../support/loopback-server';
import { MemoryFiles } from '../../support/memory-files';

const HOME = '/home/ada';
const CREDS = `${HOME}/.gemini/oauth_creds.json`;
const TOKEN = 'ya29.a0AfB_byGEMINIfixtureToken0000000000000000';
const deps = (files: MemoryFiles, clock = new FakeClock('2026-09-20T12:00:00Z')) => ({ secrets: new MemorySecretStore(), files, clock });

describe('where Gemini looks for Gemini CLI’s sign-in', () => {
  it('reads ~/.gemini/oauth_creds.json, named by its path, never the token', async () => {
    const files = new MemoryFiles().write(CREDS, fixtureText('gemini', 'oauth-creds'));
    const s = await geminiAdapter.credentialStatus(resolveConfig({}, 'linux', HOME), deps(files));
    expect(s).toEqual({ configured: true, origin: 'file', label: CREDS, error: null });
    expect(JSON.stringify(s)).not.toContain('ya29');
  });

  it('honours GEMINI_CLI_HOME as Gemini CLI does: $GEMINI_CLI_HOME/.gemini/oauth_creds.json', async () => {
    const files = new MemoryFiles().write('/srv/gem/.gemini/oauth_creds.json', fixtureText('gemini', 'oauth-creds')).write(CREDS, '{}');
    const s = await geminiAdapter.credentialStatus(resolveConfig({ GEMINI_CLI_HOME: '/srv/gem' }, 'linux', HOME), deps(files));
    expect(s).toEqual({ configured: true, origin: 'file', label: '/srv/gem/.gemini/oauth_creds.json', error: null });
  });

  it('is not set up without the file, and says which file is unreadable or unusable', async () => {
    const config = resolveConfig({}, 'linux', HOME);
    expect(await geminiAdapter.credentialStatus(config, deps(new MemoryFiles()))).toEqual({ configured: false, origin: null, label: null, error: null });
    expect(await geminiAdapter.credentialStatus(config, deps(new MemoryFiles().deny(CREDS)))).toMatchObject({ configured: false, origin: 'file', label: CREDS, error: { kind: 'credentials_invalid' } });
    expect(await geminiAdapter.credentialStatus(config, deps(new MemoryFiles().write(CREDS, '{"refresh_token":"r"}')))).toMatchObject({ configured: false, label: CREDS, error: { kind: 'credentials_invalid' } });
  });

  it('reads a labelled account from its own home folder', async () => {
    const files = new MemoryFiles().write('/work/ada/.gemini/oauth_creds.json', fixtureText('gemini', 'oauth-creds'));
    const account = { providerId: 'gemini', label: 'work', enabled: true, dir: '/work/ada' };
    expect(await geminiAdapter.credentialStatus(resolveConfig({}, 'linux', HOME), deps(files), account)).toEqual({ configured: true, origin: 'file', label: '/work/ada/.gemini/oauth_creds.json', error: null });
  });

  it('reports an expired sign-in without sending a request', async () => {
    const files = new MemoryFiles().write(CREDS, fixtureText('gemini', 'oauth-creds-expired'));
    const requested: string[] = [];
    const config = resolveConfig({ QUOTABAR_GEMINI_URL: 'http://127.0.0.1:9' }, 'linux', HOME);
    const provider = geminiAdapter.build(config, { ...deps(files), httpFor: () => ({ request: async (r) => (requested.push(r.url), { ok: false, error: { kind: 'transport', code: 'x' } }) }) });
    expect(await provider.sources[0]!.fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: null, hint: 'token_expired' } });
    expect(requested).toEqual([]);
  });
});

const { serve, client } = httpClientFixture();

async function geminiAgainst(handler: LoopbackHandler, timeoutMs = 5_000) {
  const server = await serve(handler);
  const files = new MemoryFiles().write(CREDS, fixtureText('gemini', 'oauth-creds'));
  const config = resolveConfig({ QUOTABAR_GEMINI_URL: server.url }, 'linux', HOME);
  const provider = geminiAdapter.build(config, {
    secrets: new MemorySecretStore(),
    files,
    clock: new SystemClock(),
    httpFor: (u) => client([new URL(u).origin], { defaultTimeoutMs: timeoutMs }),
  });
  return { server, fetch: () => provider.sources[0]!.fetch() };
}

const route = (load: unknown, quota: unknown): LoopbackHandler => (req) =>
  req.path.endsWith(':loadCodeAssist') ? { status: 200, body: load } : { status: 200, body: quota };

describe('the Gemini provider over real HTTP', () => {
  it('posts loadCodeAssist then retrieveUserQuota with the bearer token, and shows a window per model', async () => {
    const { server, fetch } = await geminiAgainst(route(fixture('gemini', 'load-code-assist-standard'), fixture('gemini', 'quota-three-models')));
    const r = await fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['gemini-2.5-pro', 38], ['gemini-2.5-flash', 9], ['gemini-2.5-flash-lite', 3]]);
    expect(r.ok && r.value.account).toEqual({ label: 'ada@example.com', plan: 'Gemini Code Assist Standard' });
    expect(server.requests.map((q) => [q.method, q.path])).toEqual([['POST', '/v1internal:loadCodeAssist'], ['POST', '/v1internal:retrieveUserQuota']]);
    for (const q of server.requests) expect(q.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
  });

  it('shows the retired consumer sign-in as ineligible, without the token in the error', async () => {
    const { server, fetch } = await geminiAgainst(() => ({ status: 403, body: fixture('gemini', 'unsupported-client-403') }));
    const r = await fetch();
    expect(r).toEqual({ ok: false, error: { kind: 'forbidden', status: 403, reason: 'ineligible', url: null } });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(r)).not.toContain('ya29');
  });

  it('asks to renew the sign-in on 401', async () => {
    const { fetch } = await geminiAgainst(() => ({ status: 401, body: fixture('gemini', 'unauthenticated-401') }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'gemini_login' } });
  });

  it('waits the Retry-After of a 429', async () => {
    const { fetch } = await geminiAgainst(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: '{}' }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 120_000 } });
  });

  it('does not follow a redirect to another host with the token', async () => {
    const other = await serve(() => ({ status: 200, body: fixture('gemini', 'quota-three-models') }));
    const { fetch } = await geminiAgainst(() => ({ status: 307, headers: { location: `${other.url}/v1internal:loadCodeAssist` }, body: '' }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'upstream', status: 307 } });
    expect(other.requests).toHaveLength(0);
  });

  it('gives up with a timeout when the server is slow to answer', async () => {
    const { fetch } = await geminiAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('gemini', 'load-code-assist-standard') }), 300);
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });
});
