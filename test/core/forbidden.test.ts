import { describe, it, expect } from 'vitest';
import { classifyForbidden, forbiddenError } from '../../core/http-errors';
import { fixtureText } from './providers/load-fixture';

const body = (name: string) => fixtureText('forbidden', name);

describe('a 403 that asks the user to verify their account', () => {
  it('links to the validation URL from the structured error details', () => {
    expect(classifyForbidden(body('validation-required'))).toEqual({
      reason: 'validation',
      url: 'https://accounts.google.com/signin/continue?sarp=1&scc=1&continue=https://example.test/after',
    });
  });

  it('falls back to the appeal URL in the details, even when the body is wrapped in an array', () => {
    expect(classifyForbidden(body('validation-appeal-url'))).toEqual({
      reason: 'validation',
      url: 'https://support.google.com/appeal?id=1',
    });
  });

  it('takes the first https link in the text, with \\u0026 turned back into & and the sentence full stop dropped', () => {
    expect(classifyForbidden(body('validation-url-in-text'))).toEqual({
      reason: 'validation',
      url: 'https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt',
    });
  });

  it('matches the markers in any letter case, and gives no link when the body has none', () => {
    expect(classifyForbidden('VALIDATION_REQUIRED')).toEqual({ reason: 'validation', url: null });
    expect(classifyForbidden('Please Verify Your Account')).toEqual({ reason: 'validation', url: null });
  });

  it('never offers a link that is not https', () => {
    const text = '{"error":{"details":[{"metadata":{"validation_url":"javascript:alert(1)"}}]},"m":"see http://plain.example/x"}';
    expect(classifyForbidden(text)).toEqual({ reason: 'validation', url: null });
  });
});

describe('a 403 for a terms-of-service violation', () => {
  it('is a violation, with no link even though the text has one', () => {
    expect(classifyForbidden(body('terms-violation'))).toEqual({ reason: 'violation', url: null });
  });

  it('prefers validation when a body mentions both', () => {
    expect(classifyForbidden('validation_required after a terms of service violation').reason).toBe('validation');
  });
});

describe('any other 403', () => {
  it('is plain forbidden', () => {
    expect(classifyForbidden(body('plain-forbidden'))).toEqual({ reason: 'forbidden', url: null });
    expect(classifyForbidden('')).toEqual({ reason: 'forbidden', url: null });
    expect(classifyForbidden('<html>403 Forbidden</html>')).toEqual({ reason: 'forbidden', url: null });
  });
});

describe('forbiddenError', () => {
  it('builds the forbidden error a provider returns, keeping the status', () => {
    expect(forbiddenError(403, body('validation-required'))).toEqual({
      kind: 'forbidden',
      status: 403,
      reason: 'validation',
      url: 'https://accounts.google.com/signin/continue?sarp=1&scc=1&continue=https://example.test/after',
    });
    expect(forbiddenError(403, body('plain-forbidden'))).toEqual({ kind: 'forbidden', status: 403, reason: 'forbidden', url: null });
  });
});
