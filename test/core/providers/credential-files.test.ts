// Reading the sign-ins Codex and Claude Code leave on disk or in the macOS keychain: every shape
// they are known to take, and the words for a file that holds something else.
import { describe, expect, it } from 'vitest';
import { parseClaudeCredentials } from '../../../core/providers/claude/credentials';
import { decodeJwtPayload, parseCodexAuth } from '../../../core/providers/codex/auth';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: unknown) => `eyJhbGciOiJub25lIn0.${b64url(claims)}.sig`;
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const claude = (oauth: unknown) => JSON.stringify({ claudeAiOauth: oauth });
const TOKEN = 'sk-ant-oat01-test';

describe('Claude Code credentials', () => {
  it('read the hex form the macOS keychain prints, with 0x, spaces, a BOM or trailing NULs', () => {
    const json = claude({ accessToken: TOKEN, expiresAt: 1_789_916_400_000, scopes: ['user:profile'] });
    for (const text of [hex(json), `0x${hex(json)}`, hex(json).replace(/(.{8})/g, '$1 '), hex(`\uFEFF${json}\0\0`), `  ${hex(json).toUpperCase()}\n`]) {
      const r = parseClaudeCredentials(text);
      expect(r.ok && r.value.accessToken, text.slice(0, 20)).toBe(TOKEN);
    }
  });

  it('refuse hex that is odd-length, not hex, or not JSON, as unreadable', () => {
    for (const text of [hex(claude({ accessToken: TOKEN })).slice(1), 'zz11', hex('not json')]) {
      expect(parseClaudeCredentials(text)).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'Claude credentials are not valid JSON' } });
    }
  });

  it('read scopes given as one space- or comma-separated string', () => {
    const r = parseClaudeCredentials(claude({ accessToken: TOKEN, scopes: 'user:inference, user:profile  org:read' }));
    expect(r.ok && r.value.scopes).toEqual(['user:inference', 'user:profile', 'org:read']);
  });

  it('say "not signed in" for an empty store or one without claudeAiOauth, and "unreadable" for a broken one', () => {
    expect(parseClaudeCredentials('   ')).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'claude sign-in' } });
    expect(parseClaudeCredentials(JSON.stringify({ mcpOAuth: {} }))).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'claude sign-in' } });
    expect(parseClaudeCredentials(claude(null))).toEqual({ ok: false, error: { kind: 'unconfigured', what: 'claude sign-in' } });
    expect(parseClaudeCredentials(claude('token'))).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'claudeAiOauth has no accessToken' } });
    expect(parseClaudeCredentials(claude({ accessToken: '  ' }))).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'claudeAiOauth has no accessToken' } });
  });
});

describe('Codex auth.json', () => {
  it('decodes JWT payloads written in base64url without padding', () => {
    expect(decodeJwtPayload(jwt({ sub: 'user-ü?>', n: 1 }))).toEqual({ sub: 'user-ü?>', n: 1 });
    expect(decodeJwtPayload('only-one-part')).toBeNull();
    expect(decodeJwtPayload('a.%%%.c')).toBeNull();
  });

  it('treats an API-key-only file as not signed in with ChatGPT, whatever the mode is spelled', () => {
    const words = { ok: false, error: { kind: 'unconfigured', what: 'codex ChatGPT sign-in (auth.json holds only an API key; run codex login)' } };
    expect(parseCodexAuth(JSON.stringify({ auth_mode: 'ApiKey', tokens: { access_token: 'a' } }))).toEqual(words);
    expect(parseCodexAuth(JSON.stringify({ auth_mode: 'api_key', tokens: { access_token: 'a' } }))).toEqual(words);
    expect(parseCodexAuth(JSON.stringify({ OPENAI_API_KEY: 'sk-x' }))).toEqual(words);
  });

  it('uses the ChatGPT tokens when a file has both tokens and an API key', () => {
    const r = parseCodexAuth(JSON.stringify({ OPENAI_API_KEY: 'sk-x', tokens: { access_token: 'at', account_id: 'acc' } }));
    expect(r).toEqual({ ok: true, value: { accessToken: 'at', accountId: 'acc', email: null } });
  });

  it('says which part is wrong in a broken file', () => {
    expect(parseCodexAuth('[1]')).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'auth.json is not a JSON object' } });
    expect(parseCodexAuth(JSON.stringify({ tokens: 'x' }))).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'auth.json "tokens" is not an object' } });
    expect(parseCodexAuth(JSON.stringify({ tokens: {} }))).toEqual({ ok: false, error: { kind: 'credentials_invalid', detail: 'auth.json has no tokens.access_token' } });
  });

  it('finds the account id in the id token, nested or top level, else in the access token', () => {
    const nested = parseCodexAuth(JSON.stringify({ tokens: { access_token: 'at', id_token: jwt({ 'https://api.openai.com/auth': { chatgpt_account_id: 'nested' }, email: 'me@example.test' }) } }));
    expect(nested).toEqual({ ok: true, value: { accessToken: 'at', accountId: 'nested', email: 'me@example.test' } });
    const access = jwt({ chatgpt_account_id: 'from-access' });
    expect(parseCodexAuth(JSON.stringify({ tokens: { accessToken: access } }))).toEqual({ ok: true, value: { accessToken: access, accountId: 'from-access', email: null } });
  });
});
