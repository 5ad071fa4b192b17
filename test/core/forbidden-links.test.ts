// The link a "verify your account" 403 shows: taken from the structured body when there is one,
// else the first https link in the text; never anything but https. A terms violation has no link.
import { describe, expect, it } from 'vitest';
import { classifyForbidden, forbiddenError } from '../../core/http-errors';

const detail = (metadata: Record<string, unknown>) => ({ '@type': 'ErrorInfo', reason: 'VALIDATION_REQUIRED', metadata });

describe('the verification link of a 403', () => {
  it('comes from any of the metadata keys providers use, nested under error or at the top', () => {
    for (const key of ['validation_url', 'validationUrl', 'appeal_url', 'appealUrl']) {
      const body = JSON.stringify({ error: { message: 'validation_required', details: [detail({ [key]: `https://example.test/${key}` })] } });
      expect(classifyForbidden(body), key).toEqual({ reason: 'validation', url: `https://example.test/${key}` });
    }
    const top = JSON.stringify({ message: 'validation_required', details: [detail({ validation_url: 'https://example.test/top' })] });
    expect(classifyForbidden(top).url).toBe('https://example.test/top');
  });

  it('is found in a body wrapped in an array, skipping details without metadata', () => {
    const body = JSON.stringify([{ error: { message: 'Verify your account', details: [{ reason: 'x' }, detail({ validation_url: ' https://example.test/v ' })] } }]);
    expect(classifyForbidden(body).url).toBe('https://example.test/v');
  });

  it('prefers the structured link over one in the message text', () => {
    const body = JSON.stringify({ error: { message: 'validation_required, see https://example.test/text', details: [detail({ validationUrl: 'https://example.test/meta' })] } });
    expect(classifyForbidden(body).url).toBe('https://example.test/meta');
  });

  it('skips a structured link that is not https and falls back to the text', () => {
    const body = JSON.stringify({ error: { message: 'validation_required at https://example.test/text.', details: [detail({ validation_url: 'http://example.test/plain' })] } });
    expect(classifyForbidden(body).url).toBe('https://example.test/text');
  });

  it('trims trailing punctuation from a link in text and unescapes \\u0026', () => {
    expect(classifyForbidden('Please verify your account: https://example.test/a?x=1\\u0026y=2).').url).toBe('https://example.test/a?x=1&y=2');
  });

  it('is absent when the text has no https link', () => {
    expect(classifyForbidden('validation_required: see http://example.test/').url).toBeNull();
  });
});

describe('a 403 that is not about verification', () => {
  it('is a violation when the body says so, without a link even if it has one', () => {
    expect(classifyForbidden('Account suspended for a Terms of Service violation: https://example.test/appeal')).toEqual({ reason: 'violation', url: null });
    expect(classifyForbidden('policy VIOLATION')).toEqual({ reason: 'violation', url: null });
  });

  it('is plainly forbidden otherwise, with the status kept', () => {
    expect(forbiddenError(403, 'nope')).toEqual({ kind: 'forbidden', status: 403, reason: 'forbidden', url: null });
  });
});
