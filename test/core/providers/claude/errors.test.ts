import { describe, it, expect } from 'vitest';
import { classifyAnthropicError } from '../../../../core/providers/claude/errors';
import { isTransient } from '../../../../core/errors';
import { fixtureText } from '../load-fixture';

const NOW = Date.parse('2026-09-20T12:00:00Z');
const body = (name: string) => fixtureText('anthropic', name);

describe('classifyAnthropicError', () => {
  it('reads a 400 about the credit balance as credits exhausted, keeping the server message', () => {
    const e = classifyAnthropicError(400, body('credit-balance-400'), null, NOW);
    expect(e).toEqual({
      kind: 'credits_exhausted',
      message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    });
    expect(isTransient(e)).toBe(false);
  });

  it('recognises the older credit-balance body without a request id', () => {
    expect(classifyAnthropicError(400, body('credit-balance-400-legacy'), null, NOW).kind).toBe('credits_exhausted');
  });

  it('reads the OAuth "out of extra usage" 400 as credits exhausted', () => {
    expect(classifyAnthropicError(400, body('extra-usage-400'), null, NOW)).toMatchObject({
      kind: 'credits_exhausted',
      message: expect.stringContaining("You're out of extra usage"),
    });
  });

  it('does not echo anything token-shaped from the message', () => {
    const text = JSON.stringify({ error: { message: 'credit balance too low for sk-ant-api03-SECRETSECRET (Bearer abc.def)' } });
    const e = classifyAnthropicError(400, text, null, NOW);
    expect(JSON.stringify(e)).not.toContain('SECRETSECRET');
    expect(JSON.stringify(e)).not.toContain('abc.def');
    expect(e.kind).toBe('credits_exhausted');
  });

  it('treats any other 400 as an upstream error', () => {
    expect(classifyAnthropicError(400, body('invalid-request-400'), null, NOW)).toEqual({ kind: 'upstream', status: 400 });
  });

  it('treats 529 overloaded as a transient service-wide problem', () => {
    const e = classifyAnthropicError(529, body('overloaded-529'), null, NOW);
    expect(e).toEqual({ kind: 'upstream', status: 529, overloaded: true });
    expect(isTransient(e)).toBe(true);
    expect(classifyAnthropicError(529, '', null, NOW)).toEqual({ kind: 'upstream', status: 529, overloaded: true });
  });

  it('marks an overloaded_error body as overloaded whatever its status', () => {
    expect(classifyAnthropicError(503, body('overloaded-529'), null, NOW)).toEqual({ kind: 'upstream', status: 503, overloaded: true });
  });

  it('reads a 429 with enforced_spend_limit_reached as the spend cap, which is not worth retrying', () => {
    const e = classifyAnthropicError(429, body('spend-limit-429'), null, NOW);
    expect(e).toEqual({ kind: 'rate_limited', retryAfterMs: null, spendCap: true });
    expect(isTransient(e)).toBe(false);
  });

  it('reads any other 429 as rate limited for as long as Retry-After says', () => {
    const e = classifyAnthropicError(429, body('rate-limit-429'), '42', NOW);
    expect(e).toEqual({ kind: 'rate_limited', retryAfterMs: 42_000 });
    expect(isTransient(e)).toBe(true);
    expect(classifyAnthropicError(429, body('rate-limit-429'), 'Sun, 20 Sep 2026 12:05:00 GMT', NOW)).toEqual({
      kind: 'rate_limited',
      retryAfterMs: 5 * 60_000,
    });
    expect(classifyAnthropicError(429, '', null, NOW)).toEqual({ kind: 'rate_limited', retryAfterMs: null });
  });

  it('asks the user to sign in with Claude Code on 401', () => {
    expect(classifyAnthropicError(401, body('authentication-401'), null, NOW)).toEqual({
      kind: 'unauthorized',
      status: 401,
      hint: 'claude_login',
    });
  });

  it('classifies a 403 body like every other provider', () => {
    expect(classifyAnthropicError(403, body('permission-403'), null, NOW)).toEqual({
      kind: 'forbidden',
      status: 403,
      reason: 'forbidden',
      url: null,
    });
  });

  it('treats other statuses and non-JSON bodies as upstream errors', () => {
    expect(classifyAnthropicError(500, body('api-error-500'), null, NOW)).toEqual({ kind: 'upstream', status: 500 });
    expect(classifyAnthropicError(502, '<html>Bad gateway</html>', null, NOW)).toEqual({ kind: 'upstream', status: 502 });
  });
});
