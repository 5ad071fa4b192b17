// The composed Codex and Claude providers (compose builders, undici, real loopback HTTP) read the
// limits a reply carries in its headers, and a camelCase auth.json signs Codex in.
import { afterEach, describe, expect, it } from 'vitest';
import { buildProvider, type ComposeDeps } from '../../adapters/compose';
import { MemorySecretStore } from '../../adapters/memory-secret-store';
import { SystemClock } from '../../adapters/system-clock';
import type { Logger } from '../../core/ports';
import { fixture, fixtureText } from '../core/providers/load-fixture';
import { loopbackConfig } from '../support/loopback-providers';
import { startLoopbackServer, type LoopbackHandler, type LoopbackServer } from '../support/loopback-server';
import { MemoryFiles } from '../support/memory-files';

const HOME = '/home/dev';
let servers: LoopbackServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function world(handler: LoopbackHandler, authJson = fixtureText('codex', 'auth-chatgpt')) {
  const server = await startLoopbackServer(handler);
  servers.push(server);
  const clock = new SystemClock();
  const files = new MemoryFiles()
    .write(`${HOME}/.codex/auth.json`, authJson)
    .write(`${HOME}/.claude/.credentials.json`, JSON.stringify({
      claudeAiOauth: { accessToken: 'sk-ant-oat01-loopback', expiresAt: clock.now() + 3_600_000, scopes: ['user:inference', 'user:profile'], subscriptionType: 'max' },
    }));
  const warnings: string[] = [];
  const logger: Logger = { warn: (m) => void warnings.push(m) };
  const deps: ComposeDeps = { secrets: new MemorySecretStore(), files, clock, logger };
  const config = loopbackConfig(server.url, HOME);
  return { server, warnings, codex: buildProvider('codex', config, deps), claude: buildProvider('claude', config, deps) };
}

describe('provider headers over real HTTP', () => {
  it('shows Codex windows from x-codex-* headers when /wham/usage has none', async () => {
    const headers = fixture<Record<string, string>>('codex', 'headers-primary-5h-secondary-weekly');
    const { codex } = await world(() => ({ status: 200, headers, body: { plan_type: 'plus', rate_limit: null } }));
    const r = await codex.sources[0]!.fetch();
    expect(r.ok && r.value.source).toBe('codex:headers');
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 47], ['weekly', 9]]);
  });

  it('shows Claude windows from the unified headers when /api/oauth/usage has none', async () => {
    const headers = fixture<Record<string, string>>('anthropic', 'headers-allowed');
    const { claude } = await world(() => ({ status: 200, headers, body: { five_hour: null, seven_day: null } }));
    const r = await claude.sources[0]!.fetch();
    expect(r.ok && r.value.source).toBe('claude:headers');
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([['session', 29], ['weekly', 61]]);
  });

  it('reports a body/header disagreement through the logger it was given, once', async () => {
    const headers = fixture<Record<string, string>>('codex', 'headers-primary-5h-secondary-weekly');
    const { codex, warnings } = await world(() => ({ status: 200, headers, body: fixture('codex', 'usage-plus-both-windows') }));
    await codex.sources[0]!.fetch();
    await codex.sources[0]!.fetch();
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => w.startsWith('codex: ') && !w.includes('test-access-token'))).toBe(true);
  });

  it('signs Codex in with a camelCase auth.json', async () => {
    const { codex, server } = await world(() => ({ status: 200, body: fixture('codex', 'usage-plus-both-windows') }), fixtureText('codex', 'auth-camel-case'));
    const r = await codex.sources[0]!.fetch();
    expect(r.ok && r.value.windows.map((w) => w.id)).toEqual(['session', 'weekly']);
    expect(server.requests[0]!.headers).toMatchObject({ authorization: 'Bearer test-access-token-camel', 'chatgpt-account-id': '8f2a4c1e-0000-4000-8000-0000000camel' });
  });
});
