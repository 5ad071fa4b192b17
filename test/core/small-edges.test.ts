// Small shared rules at their edges: what counts as a success, how an endpoint joins its base URL,
// which links in a refusal may be offered to open, and what a Codex sign-in file without tokens is.
import { describe, expect, it } from 'vitest';
import { endpointUrl, isSuccess } from '../../core/http';
import { classifyForbidden } from '../../core/http-errors';
import { decodeJwtPayload, parseCodexAuth } from '../../core/providers/codex/auth';

const res = (status: number) => ({ status, headers: {}, body: '' });

describe('a successful answer', () => {
  it('is any 2xx status, from 200 to 299 inclusive', () => {
    expect([199, 200, 204, 299, 300, 304].map((s) => isSuccess(res(s)))).toEqual([false, true, true, true, false, false]);
  });
});

describe('an endpoint URL', () => {
  it('joins the path to the base however many trailing slashes it has', () => {
    expect(endpointUrl('https://api.test/v1//', '/key')).toBe('https://api.test/v1/key');
    expect(endpointUrl('https://api.test/v1', '/key')).toBe('https://api.test/v1/key');
  });
});

describe('a verification link in a refusal', () => {
  const withMeta = (metadata: Record<string, unknown>) =>
    JSON.stringify({ error: { code: 403, status: 'VALIDATION_REQUIRED', details: [{ metadata }] } });
  const link = (body: string) => classifyForbidden(body).url;

  it('is read from any of the four metadata keys providers use, trimmed', () => {
    for (const key of ['validation_url', 'validationUrl', 'appeal_url', 'appealUrl']) {
      expect(link(withMeta({ [key]: ' https://verify.example/a?b=1 ' })), key).toBe('https://verify.example/a?b=1');
    }
  });

  it('is read from details at the top level too', () => {
    expect(link(JSON.stringify({ reason: 'validation_required', details: [{ metadata: { appealUrl: 'https://verify.example/top' } }] }))).toBe(
      'https://verify.example/top',
    );
  });

  it('is never a non-https link, nor one with white space inside or text before it', () => {
    expect(link(withMeta({ validation_url: 'http://verify.example/a' }))).not.toBe('http://verify.example/a');
    expect(link(withMeta({ validation_url: 'https://verify.example/a b' }))).not.toBe('https://verify.example/a b');
    expect(link(withMeta({ validation_url: 'see https://verify.example/a' }))).not.toBe('see https://verify.example/a');
  });
});

describe('a Codex auth.json', () => {
  it('with tokens missing or null is "not signed in with ChatGPT", saying why', () => {
    for (const tokens of [undefined, null]) {
      expect(parseCodexAuth(JSON.stringify({ auth_mode: 'chatgpt', tokens }))).toEqual({
        ok: false,
        error: { kind: 'unconfigured', what: 'codex ChatGPT sign-in (auth.json has no tokens; run codex login)' },
      });
    }
  });

  it('has its JWT claims read from URL-safe base64 of any length', () => {
    const claims = { chatgpt_account_id: 'acc-é?>>~', n: 1 };
    for (const pad of ['', 'x', 'xy']) {
      const payload = Buffer.from(JSON.stringify({ ...claims, pad })).toString('base64url');
      expect(decodeJwtPayload(`h.${payload}.s`), pad).toEqual({ ...claims, pad });
    }
    expect(decodeJwtPayload('only-one-part')).toBeNull();
  });
});
