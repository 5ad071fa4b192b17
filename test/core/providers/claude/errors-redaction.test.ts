// Two Anthropic error edges a user would notice: a bearer token split from its word by several
// spaces or a line break must still be hidden, and the spend-cap code means "spend cap" only on a 429.
import { describe, expect, it } from 'vitest';
import { classifyAnthropicError } from '../../../../core/providers/claude/errors';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const body = (error: Record<string, unknown>) => JSON.stringify({ type: 'error', error });

describe('the server message shown for an exhausted balance', () => {
  it('hides a bearer token however much white space separates it from the word', () => {
    const r = classifyAnthropicError(400, body({ type: 'invalid_request_error', message: 'Your credit balance is too low (bearer\n\t   abc.def-123)' }), null, NOW);
    expect(r).toEqual({ kind: 'credits_exhausted', message: 'Your credit balance is too low (Bearer [redacted]' });
    expect(JSON.stringify(r)).not.toContain('abc.def');
  });
});

describe('the spend-cap code', () => {
  const capped = body({ type: 'rate_limit_error', message: 'limit', details: { error_code: 'enforced_spend_limit_reached' } });

  it('is a spend cap on a 429', () => {
    expect(classifyAnthropicError(429, capped, null, NOW)).toMatchObject({ kind: 'rate_limited', spendCap: true });
  });

  it('is an ordinary server error on any other status', () => {
    expect(classifyAnthropicError(503, capped, '30', NOW)).toEqual({ kind: 'upstream', status: 503 });
  });
});
