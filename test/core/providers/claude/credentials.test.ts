import { describe, it, expect } from 'vitest';
import { parseClaudeCredentials } from '../../../../core/providers/claude/credentials';
import { fixtureText } from '../load-fixture';

const text = (name: string) => fixtureText('claude', name);
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

describe('parseClaudeCredentials', () => {
  it('reads the token, expiry in epoch ms, scopes, plan and tier from Claude Code\'s credentials file', () => {
    expect(parseClaudeCredentials(text('credentials-max'))).toEqual({
      ok: true,
      value: {
        accessToken: 'sk-ant-oat01-test-access-token-max',
        expiresAt: 1790001234567,
        scopes: ['user:inference', 'user:profile'],
        subscriptionType: 'max',
        rateLimitTier: 'default_claude_max_20x',
      },
    });
  });

  it('reads the same credentials from a hex-encoded macOS keychain value, in either letter case, with a trailing newline', () => {
    const expected = parseClaudeCredentials(text('credentials-max'));
    expect(parseClaudeCredentials(`${hex(text('credentials-max'))}\n`)).toEqual(expected);
    expect(parseClaudeCredentials(hex(text('credentials-max')).toUpperCase())).toEqual(expected);
    expect(parseClaudeCredentials(`0x${hex(text('credentials-max'))}`)).toEqual(expected);
  });

  it('says "not signed in" when the store holds only mcpOAuth, plain or hex-encoded', () => {
    const notSignedIn = { ok: false, error: { kind: 'unconfigured', what: 'claude sign-in' } };
    expect(parseClaudeCredentials(text('credentials-mcp-only'))).toEqual(notSignedIn);
    expect(parseClaudeCredentials(hex(text('credentials-mcp-only')))).toEqual(notSignedIn);
    expect(parseClaudeCredentials('')).toEqual(notSignedIn);
  });

  it('reports garbage as invalid credentials without echoing it', () => {
    for (const garbage of ['not json at all', '{"claudeAiOauth":', 'abcdef0', 'deadbeef', '[1,2,3]']) {
      const r = parseClaudeCredentials(garbage);
      expect(r).toMatchObject({ ok: false, error: { kind: 'credentials_invalid' } });
      expect(JSON.stringify(r)).not.toContain(garbage);
    }
  });

  it('reports a login with no access token as invalid, without leaking the refresh token', () => {
    const r = parseClaudeCredentials(text('credentials-no-token'));
    expect(r).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'claudeAiOauth has no accessToken' } });
    expect(JSON.stringify(r)).not.toContain('test-refresh-opaque');
  });

  it('leaves scopes unknown when an older login lists none, and accepts an expiry in seconds', () => {
    const r = parseClaudeCredentials(text('credentials-no-scopes'));
    expect(r).toEqual({
      ok: true,
      value: { accessToken: 'sk-ant-oat01-test-access-token-legacy', expiresAt: 1790001234000, scopes: null, subscriptionType: null, rateLimitTier: null },
    });
  });

  it('keeps only string scopes and drops an unreadable expiry', () => {
    const r = parseClaudeCredentials(JSON.stringify({ claudeAiOauth: { accessToken: 't', expiresAt: 'soon', scopes: ['user:profile', 7, null] } }));
    expect(r).toMatchObject({ ok: true, value: { expiresAt: null, scopes: ['user:profile'] } });
  });
});
