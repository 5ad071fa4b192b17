import { describe, expect, it } from 'vitest';
import { SystemClock } from '../../../adapters/system-clock';
import type { ClaudeCredentials } from '../../../core/providers/claude/credentials';
import { createClaudeProvider } from '../../../core/providers/claude/provider';
import { runChain } from '../../../core/provider';
import { fixture, fixtureText } from '../../core/providers/load-fixture';
import { httpClientFixture } from '../../support/http-client-fixture';
import type { LoopbackHandler } from '../../support/loopback-server';

const TOKEN = 'sk-ant-oat01-loopback-canary';
const { serve, client } = httpClientFixture();

async function claudeAgainst(handler: LoopbackHandler, timeoutMs = 5_000) {
  const server = await serve(handler);
  const http = client([server.url]);
  const clock = new SystemClock();
  const creds: ClaudeCredentials = {
    accessToken: TOKEN,
    expiresAt: clock.now() + 60 * 60_000,
    scopes: ['user:inference', 'user:profile'],
    subscriptionType: 'pro',
    rateLimitTier: null,
  };
  const provider = createClaudeProvider({ http, clock, baseUrl: server.url, getCredentials: async () => ({ ok: true, value: creds }), timeoutMs });
  return { server, provider, fetch: () => provider.sources[0]!.fetch(), clock };
}

describe('the Claude provider over real HTTP', () => {
  it('reads the windows from a 200 and sends the OAuth headers Claude Code sends', async () => {
    const { server, fetch } = await claudeAgainst(() => ({ status: 200, body: fixture('claude', 'usage-max-plan') }));
    const r = await fetch();
    expect(r.ok && r.value.windows.map((w) => [w.id, w.usedPercent])).toEqual([
      ['session', 23],
      ['weekly', 61],
      ['weekly:sonnet', 4],
      ['credits', 25],
    ]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/api/oauth/usage' });
    expect(server.requests[0]!.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'anthropic-beta': 'oauth-2025-04-20',
      accept: 'application/json',
      'user-agent': 'claude-code/2.1.0',
    });
  });

  it('says to sign in with Claude Code on 401, without the token in the error', async () => {
    const { fetch } = await claudeAgainst(() => ({ status: 401, body: fixtureText('claude', 'usage-401') }));
    const r = await fetch();
    expect(r).toEqual({ ok: false, error: { kind: 'unauthorized', status: 401, hint: 'claude_login' } });
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('reads 429 as throttling for the Retry-After the server sent', async () => {
    const { fetch } = await claudeAgainst(() => ({ status: 429, headers: { 'Retry-After': '1800' }, body: fixtureText('claude', 'usage-429') }));
    expect(await fetch()).toEqual({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 1_800_000 } });
  });

  it('gives up with a timeout when the server is slow to answer', async () => {
    const { fetch, server } = await claudeAgainst(() => ({ status: 200, delayHeadersMs: 3_000, body: fixture('claude', 'usage-max-plan') }), 300);
    const started = Date.now();
    const r = await fetch();
    expect(r).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 300 } });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(server.requests).toHaveLength(1);
  });

  it('times out through the poller\'s chain deadline too, when the body stalls after the headers', async () => {
    const { provider, clock } = await claudeAgainst(() => ({ status: 200, delayBodyMs: 1_000, body: fixture('claude', 'usage-max-plan') }));
    expect(await runChain(provider, clock, 200)).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 200 } });
  });
});
