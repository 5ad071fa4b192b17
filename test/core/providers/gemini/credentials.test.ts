import { describe, expect, it } from 'vitest';
import { parseGeminiCredentials } from '../../../../core/providers/gemini/credentials';
import { error, value } from '../../../support/results';
import { fixtureText } from '../load-fixture';

describe('Gemini CLI’s oauth_creds.json', () => {
  it('gives the access token, its epoch-ms expiry and the id_token’s email', () => {
    expect(value(parseGeminiCredentials(fixtureText('gemini', 'oauth-creds')))).toEqual({
      accessToken: 'ya29.a0AfB_byGEMINIfixtureToken0000000000000000',
      expiresAt: Date.parse('2030-01-01T00:00:00Z'),
      email: 'ada@example.com',
    });
  });

  it('reads a BOM, a seconds expiry, and no id_token or expiry at all', () => {
    expect(value(parseGeminiCredentials('\uFEFF{"access_token":"ya29.x","expiry_date":1893456000}')).expiresAt).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(value(parseGeminiCredentials('{"access_token":"ya29.x","id_token":"garbled"}'))).toEqual({ accessToken: 'ya29.x', expiresAt: null, email: null });
  });

  it('calls a file without a usable token invalid, never quoting the token', () => {
    for (const text of ['', 'not json', '[]', '{}', '{"access_token":""}', '{"access_token":"two words"}', '{"access_token":42}']) {
      const e = error(parseGeminiCredentials(text));
      expect(e.kind).toBe('credentials_invalid');
      expect(JSON.stringify(e)).not.toContain('two words');
    }
  });
});
