// Several accounts of each provider, built from settings and polled by the real poller over scripted
// HTTP on a FakeClock: each account sends its own credential, and a 429 on one never slows the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountSetting } from '../../core/accounts';
import type { HttpRequest } from '../../core/ports';
import { createPoller } from '../../core/poller';
import { buildAllProviders, resolveConfig } from '../../adapters/compose';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { FakeClock } from '../support/fake-clock';
import { MemoryFiles } from '../support/memory-files';
import { ScriptedHttp, type Reply } from '../support/scripted-http';
import { PROVIDER_IDS } from '../../core/providers/registry';

const fixture = (p: string) => readFileSync(join(__dirname, '..', 'fixtures', p), 'utf8');
// Claude's sign-in is read only with the opt-in (off by default).
const config = resolveConfig({ QUOTABAR_CLAUDE_OAUTH: '1' }, 'linux', '/home/me');
const MIN = 60_000;

const accounts: AccountSetting[] = [
  { providerId: 'openrouter', label: 'work', enabled: true },
  { providerId: 'openrouter', label: 'home', enabled: true },
  { providerId: 'openrouter', label: 'old', enabled: false },
  { providerId: 'codex', label: 'work', enabled: true, dir: '/acc/codex-work' },
  { providerId: 'codex', label: 'home', enabled: true, dir: '/acc/codex-home' },
  { providerId: 'claude', label: 'work', enabled: true, dir: '/acc/claude-work' },
  { providerId: 'claude', label: 'home', enabled: true, dir: '/acc/claude-home' },
];

/** Each account's credential, and the token its requests carry. */
function world() {
  const secrets = new MemorySecretStore({ initial: { 'openrouter:work': 'sk-or-v1-work', 'openrouter:home': 'sk-or-v1-home' } });
  const files = new MemoryFiles();
  for (const who of ['work', 'home']) {
    files.write(`/acc/codex-${who}/auth.json`, fixture('codex/auth-chatgpt.json').replace('test-access-token-chatgpt', `codex-${who}`));
    files.write(`/acc/claude-${who}/.credentials.json`, fixture('claude/credentials-max.json').replace('sk-ant-oat01-test-access-token-max', `claude-${who}`));
  }
  return { secrets, files };
}

const tokenOf = (req: HttpRequest) => (req.headers?.Authorization ?? '').replace('Bearer ', '');

/** `work` is throttled for an hour; `home` answers with the provider's recorded payload. */
function throttleWork(ok: (path: string) => string) {
  const requests: string[] = [];
  const http = new ScriptedHttp();
  const reply = (path: string) => (req: HttpRequest): Reply => {
    const token = tokenOf(req);
    requests.push(token);
    if (token.endsWith('work')) return { status: 429, headers: { 'Retry-After': '3600' }, body: { error: { message: 'slow down' } } };
    return { status: 200, body: ok(path) };
  };
  for (const path of ['/key', '/credits', '/wham/usage', '/api/oauth/usage']) http.on(path, reply(path));
  return { http, requests };
}

const payloads = (path: string) =>
  path === '/key' ? fixture('openrouter/key-capped-weekly.json')
  : path === '/credits' ? fixture('openrouter/credits-balance.json')
  : path === '/wham/usage' ? fixture('codex/usage-plus-both-windows.json')
  : fixture('claude/usage-max-plan.json');

describe('accounts built from settings', () => {
  it('are each provider’s implicit account, then its enabled accounts in order', () => {
    const { secrets, files } = world();
    const clock = new FakeClock();
    const ps = buildAllProviders(config, { secrets, files, clock, httpFor: () => new ScriptedHttp(), logger: { warn: () => undefined } }, undefined, accounts);
    expect(ps.map((p) => [p.id, p.accountLabel ?? null])).toEqual([
      ['openrouter', null], ['openrouter', 'work'], ['openrouter', 'home'],
      ['codex', null], ['codex', 'work'], ['codex', 'home'],
      ['claude', null], ['claude', 'work'], ['claude', 'home'],
      // Providers added later, with no accounts here: their implicit account only.
      ...PROVIDER_IDS.slice(3).map((id) => [id, null]),
    ]);
  });
});

describe('two accounts of one provider', () => {
  for (const id of ['openrouter', 'codex', 'claude'] as const) {
    it(`${id}: each sends its own credential, and a 429 on one does not slow the other`, async () => {
      const { secrets, files } = world();
      const clock = new FakeClock();
      const { http, requests } = throttleWork(payloads);
      const providers = buildAllProviders(config, { secrets, files, clock, httpFor: () => http, logger: { warn: () => undefined } }, [id], accounts).filter((p) => p.accountLabel);
      const poller = createPoller({ providers, clock, scheduler: clock, intervalMs: 2 * MIN });
      poller.start();
      await clock.advance(0);

      const snaps = () => Object.fromEntries(poller.view().snapshots.map((s) => [s.accountLabel, s]));
      expect(snaps().work?.error?.kind).toBe('rate_limited');
      expect(snaps().home?.status).toBe('ok');
      expect(snaps().home?.windows.length).toBeGreaterThan(0);
      const home = () => requests.filter((t) => t.endsWith('home')).length;
      const work = () => requests.filter((t) => t.endsWith('work')).length;
      const [home0, work0] = [home(), work()];
      expect(work0).toBeGreaterThan(0);

      // Ten intervals later: home was asked on its schedule every time, work not once (it asked for an hour).
      await clock.advance(20 * MIN);
      expect(home()).toBeGreaterThanOrEqual(home0 * 10);
      expect(work()).toBe(work0);
      // A click on refresh asks every account of the provider, but not the one that is throttled.
      await poller.refreshNow(id);
      expect(work()).toBe(work0);
      expect(snaps().home?.status).toBe('ok');
      poller.stop();
    });
  }

  it('a disabled account is not polled', () => {
    const { secrets, files } = world();
    const ps = buildAllProviders(config, { secrets, files, clock: new FakeClock(), httpFor: () => new ScriptedHttp(), logger: { warn: () => undefined } }, ['openrouter'], accounts);
    expect(ps.map((p) => p.accountLabel ?? null)).not.toContain('old');
  });
});
