// The macOS keychain item Claude Code writes may come back from `security -w` as hex: with a 0x
// prefix, wrapped over lines, with a byte-order mark or trailing NULs. Each must still read as the
// same login, and a value that only looks like hex must not.
import { describe, expect, it } from 'vitest';
import { parseClaudeCredentials } from '../../../../core/providers/claude/credentials';

const LOGIN = '{"claudeAiOauth":{"accessToken":"sk-ant-oat01-hex","scopes":"user:inference, user:profile"}}';
const hex = (s: string | Uint8Array) => Buffer.from(s as string).toString('hex');
const token = (text: string) => {
  const r = parseClaudeCredentials(text);
  return r.ok ? r.value.accessToken : r.error.kind;
};

describe('a hex-encoded keychain value', () => {
  it('reads with a 0x prefix and wrapped over several lines', () => {
    const h = hex(LOGIN);
    expect(token(`0X${h.slice(0, 40)}\n${h.slice(40, 90)} \t${h.slice(90)}`)).toBe('sk-ant-oat01-hex');
  });

  it('reads with a byte-order mark in front and NUL padding behind', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOGIN), Buffer.from([0, 0, 0])]);
    expect(token(bytes.toString('hex'))).toBe('sk-ant-oat01-hex');
  });

  it('is invalid when it has an odd number of digits, a non-hex digit, or decodes to something other than JSON', () => {
    const h = hex(LOGIN);
    expect(token(h.slice(0, -1))).toBe('credentials_invalid');
    expect(token(`${h.slice(0, -2)}zz`)).toBe('credentials_invalid');
    expect(token(hex('claudeAiOauth: none'))).toBe('credentials_invalid');
    expect(token('0x')).toBe('credentials_invalid');
  });
});

describe('scopes written as one string', () => {
  it('are split on spaces and commas, without empty entries', () => {
    const r = parseClaudeCredentials(LOGIN);
    expect(r.ok && r.value.scopes).toEqual(['user:inference', 'user:profile']);
    const spaced = parseClaudeCredentials('{"claudeAiOauth":{"accessToken":"t","scopes":" user:profile  ,, user:inference "}}');
    expect(spaced.ok && spaced.value.scopes).toEqual(['user:profile', 'user:inference']);
  });
});
