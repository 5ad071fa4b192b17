// Copilot's credential discovery (every platform's folders, first found wins, github.com only) and
// the provider over real HTTP through its adapter (origin-limited undici, as the app builds it).
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../adapters/compose';
import { MemorySecretStore } from '../../../adapters/memory-secret-store';
import { copilotAdapter, copilotSignInFiles } from '../../../adapters/providers/copilot';
import { SystemClock } from '../../../adapters/system-clock';
import { fixture, fixtureText } from '../../core/providers/load-fixture';
import { FakeClock } from '../../support/fake-clock';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler } from '../../support/loopback-server';
import { MemoryFiles } from '../../support/memory-files';

const HOME = '/home/ada';
const APPS = `${HOME}/.config/github-copilot/apps.json`;
const HOSTS_JSON = `${HOME}/.config/github-copilot/hosts.json`;
const GH = `${HOME}/.config/gh/hosts.yml`;
const GH_YML = 'github.com:\n    user: ada\n    oauth_token: gho_FROMGH000000000000\n';
const deps = (files: MemoryFiles) => ({ secrets: new MemorySecretStore(), files, clock: new FakeClock() });

describe('where Copilot looks for a GitHub sign-in', () => {
  it('on Linux and macOS: github-copilot and gh under ~/.config, or under an absolute XDG_CONFIG_HOME', () => {
    expect(copilotSignInFiles({}, 'linux', HOME).map((f) => f.path)).toEqual([APPS, HOSTS_JSON, GH]);
    expect(copilotSignInFiles({ XDG_CONFIG_HOME: '/x/cfg' }, 'darwin', HOME).map((f) => f.path)).toEqual([
      '/x/cfg/github-copilot/apps.json',
      '/x/cfg/github-copilot/hosts.json',
      '/x/cfg/gh/hosts.yml',
    ]);
    // A relative XDG_CONFIG_HOME is invalid and ignored; GH_CONFIG_DIR wins for gh.
    expect(copilotSignInFiles({ XDG_CONFIG_HOME: 'cfg', GH_CONFIG_DIR: '/gh' }, 'linux', HOME).map((f) => f.path)).toEqual([APPS, HOSTS_JSON, '/gh/hosts.yml']);
  });

  it('on Windows: github-copilot under %LOCALAPPDATA%, gh under %APPDATA%\\GitHub CLI', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' };
    expect(copilotSignInFiles(env, 'win32', 'C:\\Users\\ada').map((f) => f.path)).toEqual([
      'C:\\Users\\ada\\AppData\\Local\\github-copilot\\apps.json',
      'C:\\Users\\ada\\AppData\\Local\\github-copilot\\hosts.json',
      'C:\\Users\\ada\\AppData\\Roaming\\GitHub CLI\\hosts.yml',
    ]);
    expect(copilotSignInFiles({}, 'win32', 'C:\\Users\\ada')[2]!.path).toBe('C:\\Users\\ada\\AppData\\Roaming\\GitHub CLI\\hosts.yml');
  });
});

describe('the Copilot credential status', () => {
  it('prefers GH_TOKEN, shown masked', async () => {
    const files = new MemoryFiles().write(APPS, fixtureText('copilot', 'apps-github-and-enterprise'));
    const config = resolveConfig({ GH_TOKEN: 'ghp_ENVtoken00000000000wxyz' }, 'linux', HOME);
    const s = await copilotAdapter.credentialStatus(config, deps(files));
    expect(s).toEqual({ configured: true, origin: 'env', label: 'GH_TOKEN (ghp_…wxyz)', error: null });
    expect(JSON.stringify(s)).not.toContain('ENVtoken');
  });

  it('then the editor plugin files, then gh: the first with a github.com sign-in, named by its path', async () => {
    const config = resolveConfig({}, 'linux', HOME);
    const both = new MemoryFiles().write(HOSTS_JSON, '{"github.com":{"user":"ada","oauth_token":"gho_HOSTSJSON00000000"}}').write(GH, GH_YML);
    expect(await copilotAdapter.credentialStatus(config, deps(both))).toEqual({ configured: true, origin: 'file', label: HOSTS_JSON, error: null });
    // apps.json with only an enterprise host is passed over.
    const ghOnly = new MemoryFiles().write(APPS, '{"acme.ghe.com:Iv1.x":{"oauth_token":"ghu_ENTERPRISE00000000"}}').write(GH, GH_YML);
    expect(await copilotAdapter.credentialStatus(config, deps(ghOnly))).toEqual({ configured: true, origin: 'file', label: GH, error: null });
    expect(await copilotAdapter.credentialStatus(config, deps(new MemoryFiles()))).toEqual({ configured: false, origin: null, label: null, error: null });
  });

  it('says which file could not be read when nothing else is found', async () => {
    const files = new MemoryFiles().deny(APPS);
    const s = await copilotAdapter.credentialStatus(resolveConfig({}, 'linux', HOME), deps(files));
    expect(s).toMatchObject({ configured: false, origin: 'file', label: APPS, error: { kind: 'credentials_invalid' } });
  });

  it("reads a labelled account only from its own folder, never GH_TOKEN", async () => {
    const files = new MemoryFiles().write('/work/gh/hosts.yml', GH_YML).write(APPS, fixtureText('copilot', 'apps-github-and-enterprise'));
    const config = resolveConfig({ GH_TOKEN: 'ghp_ENVtoken00000000000wxyz' }, 'linux', HOME);
    const account = { providerId: 'copilot', label: 'work', enabled: true, dir: '/work/gh' };
    expect(await copilotAdapter.credentialStatus(config, deps(files), account)).toEqual({ configured: true, origin: 'file', label: '/work/gh/hosts.yml', error: null });
  });
});

const { serve, client } = httpClientFixture();

async function copilotAgainst(handler: LoopbackHandler, timeoutMs = 5_000) {
  const server = await serve(handler);
  const config = resolveConfig({ GH_TOKEN: 'ghp_LOOPBACKcanary000000000', QUOTABAR_COPILOT_URL: server.url }, 'linux', HOME);
  const provider = copilotAdapter.build(config, {
    secrets: new MemorySecretStore(),
    files: new MemoryFiles(),
    clock: new SystemClock(),
    httpFor: (u) => client([new URL(u).origin], { defaultTimeoutMs: timeoutMs }),
  });
  return { server, fetch: () => provider.sources[0]!.fetch() };
}

describe('the Copilot provider over real HTTP', () => {
  it('reads premium requests from a 200, sending the token only as `token …` to the configured API', async () => {
    const { server, fetch } = await copilotAgainst(() => ({ status: 200, body: fixture('copilot', 'user-pro-premium') }));
    const r = await fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.used, w.limit])).toEqual([['premium', 88, 300]]);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/copilot_internal/user' });
    expect(server.requests[0]!.headers).toMatchObject({ authorization: 'token ghp_LOOPBACKcanary000000000', 'x-github-api-version': '2025-04-01' });
  });

  it('asks to sign in again on 401, without the token in the error', async () => {
    const { fetch } = await copilotAgainst(() => ({ status: 401, body: fixtureText('copilot', 'user-401') }));
    const r = await fetch();
    expect(r).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'copilot_login' } });
    expect(JSON.stringify(r)).not.toContain('canary');
  });

  it('waits the Retry-After of a 429', async () => {
    const { fetch } = await copilotAgainst(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: '{}' }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 120_000 } });
  });

  it('gives up with a timeout when the server is slow to answer', async () => {
    const { fetch } = await copilotAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('copilot', 'user-pro-premium') }), 300);
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
  });
});
