// A Claude sign-in is refused from the very millisecond of its expiry time, the first moment the
// token no longer works: no request is sent with it, and the user is asked to sign in again.
import { describe, expect, it } from 'vitest';
import { createClaudeProvider } from '../../../../core/providers/claude/provider';
import type { ClaudeCredentials } from '../../../../core/providers/claude/credentials';
import { FakeClock } from '../../../support/fake-clock';
import { ScriptedHttp } from '../../../support/scripted-http';
import { error } from '../../../support/results';

const NOW = '2026-09-20T12:00:00Z';

function fetchWithExpiry(expiresAt: number) {
  const http = new ScriptedHttp();
  const clock = new FakeClock(NOW);
  const creds: ClaudeCredentials = {
    accessToken: 'sk-ant-oat01-expiry-test',
    expiresAt,
    scopes: ['user:inference', 'user:profile'],
    subscriptionType: 'max',
    rateLimitTier: null,
  };
  const provider = createClaudeProvider({ http, clock, baseUrl: 'https://claude.test/', getCredentials: async () => ({ ok: true, value: creds }) });
  return { http, result: provider.sources[0]!.fetch() };
}

describe('a Claude token at its expiry time', () => {
  it('is refused at the exact millisecond it expires, without a request', async () => {
    const { http, result } = fetchWithExpiry(Date.parse(NOW));
    expect(error(await result)).toEqual({ kind: 'unauthorized', status: null, hint: 'token_expired' });
    expect(http.requests).toHaveLength(0);
  });

  it('is still used one millisecond before', async () => {
    const { http, result } = fetchWithExpiry(Date.parse(NOW) + 1);
    await result;
    expect(http.requests).toHaveLength(1);
  });
});
