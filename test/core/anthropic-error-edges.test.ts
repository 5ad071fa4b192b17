// Anthropic error bodies as a user meets them: an empty credit balance (with the server's message,
// minus anything token-shaped), a spend cap, an overloaded service, a refused account.
import { describe, expect, it } from 'vitest';
import { classifyAnthropicError } from '../../core/providers/claude/errors';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const body = (error: Record<string, unknown>) => JSON.stringify({ type: 'error', error });
const credit = (message: string) => classifyAnthropicError(400, body({ type: 'invalid_request_error', message }), null, NOW);

describe('an exhausted credit balance', () => {
  it('keeps the server’s message with tokens and bearer values removed, on one line', () => {
    expect(credit('Your credit balance is too low.\n  Key sk-ant-api03-AbC_d-9 sent   Bearer abc.def')).toEqual({
      kind: 'credits_exhausted',
      message: 'Your credit balance is too low. Key [redacted] sent Bearer [redacted]',
    });
  });

  it('shortens a long message to 300 characters, ending in an ellipsis, and keeps one of exactly 300', () => {
    const long = `Your credit balance is too low. ${'x'.repeat(400)}`;
    const r = credit(long);
    expect(r.kind === 'credits_exhausted' && r.message).toBe(`${long.slice(0, 299)}…`);
    const exact = `Your credit balance is too low.${'y'.repeat(300 - 31)}`;
    const e = credit(exact);
    expect(e.kind === 'credits_exhausted' && e.message).toBe(exact);
  });

  it('recognises a plain-text body, and drops an HTML page as a message', () => {
    expect(classifyAnthropicError(400, 'You are out of extra usage', null, NOW)).toEqual({ kind: 'credits_exhausted', message: 'You are out of extra usage' });
    expect(classifyAnthropicError(400, '<html>credit balance</html>', null, NOW)).toEqual({ kind: 'credits_exhausted', message: null });
  });

  it('is only a 400: the same words on a 500 are a server error', () => {
    expect(classifyAnthropicError(500, body({ message: 'credit balance' }), null, NOW)).toEqual({ kind: 'upstream', status: 500 });
  });
});

describe('a reached spend cap', () => {
  it('is found in error.details as an object or in a list, and in a body that is not JSON', () => {
    const code = { error_code: 'enforced_spend_limit_reached' };
    for (const details of [code, [{ error_code: 'other' }, code]]) {
      expect(classifyAnthropicError(429, body({ type: 'rate_limit_error', details }), '60', NOW)).toEqual({ kind: 'rate_limited', retryAfterMs: 60_000, spendCap: true });
    }
    expect(classifyAnthropicError(429, 'enforced_spend_limit_reached', null, NOW)).toMatchObject({ spendCap: true });
  });

  it('is not assumed from a JSON body that only mentions the code in its message', () => {
    expect(classifyAnthropicError(429, body({ message: 'enforced_spend_limit_reached?' }), '60', NOW)).toEqual({ kind: 'rate_limited', retryAfterMs: 60_000 });
  });
});

describe('other statuses', () => {
  it('a 403 is classified from its body, a 401 asks to sign in with Claude again', () => {
    expect(classifyAnthropicError(403, 'Terms of Service violation', null, NOW)).toEqual({ kind: 'forbidden', status: 403, reason: 'violation', url: null });
    expect(classifyAnthropicError(401, '', null, NOW)).toEqual({ kind: 'unauthorized', status: 401, hint: 'claude_login' });
  });
});
