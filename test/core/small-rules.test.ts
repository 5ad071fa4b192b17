// Small rules many screens lean on: lossy JSON readers, which errors are worth a retry, what a bare
// HTTP status means, and the words of a notification.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../core/alerts';
import { alertText } from '../../core/alerts-text';
import { isTransient, type ProviderError } from '../../core/errors';
import { errorFromStatus } from '../../core/http-errors';
import { asArray, asBool, asNumber, asObject, asText, at, parseJson } from '../../core/json';

describe('lossy JSON readers', () => {
  it('parse text, or give undefined for malformed text', () => {
    expect(parseJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJson('{"a":')).toBeUndefined();
  });

  it('read numbers and numeric strings, and refuse everything else', () => {
    const good: Array<[unknown, number]> = [[12.5, 12.5], ['12.5', 12.5], [' 7 ', 7], ['-3', -3], ['+4', 4], ['.5', 0.5], ['5.', 5], ['1e3', 1000], ['2E-2', 0.02], ['1e+2', 100]];
    for (const [v, n] of good) expect(asNumber(v), String(v)).toBe(n);
    for (const v of ['', '  ', '12abc', 'e5', '1e', '1.2.3', '0x10', '--1', '.', 'Infinity', Number.NaN, Number.POSITIVE_INFINITY, '1e999', null, true, [], {}]) {
      expect(asNumber(v), String(v)).toBeNull();
    }
  });

  it('read booleans as sent by headers, and nothing else', () => {
    for (const v of [true, 'true', '1', 1]) expect(asBool(v), String(v)).toBe(true);
    for (const v of [false, 'false', '0', 0]) expect(asBool(v), String(v)).toBe(false);
    for (const v of ['yes', '', 2, null, 'TRUE']) expect(asBool(v), String(v)).toBeNull();
  });

  it('read trimmed text, null for blanks and non-strings', () => {
    expect(asText('  Max  ')).toBe('Max');
    expect(asText('   ')).toBeNull();
    expect(asText(5)).toBeNull();
  });

  it('read objects and arrays only as themselves, and follow paths through objects only', () => {
    expect(asObject([1])).toBeNull();
    expect(asObject(null)).toBeNull();
    expect(asArray({ length: 1 })).toEqual([]);
    expect(asArray(['x'])).toEqual(['x']);
    expect(at({ a: { b: 3 } }, 'a', 'b')).toBe(3);
    expect(at({ a: [{ b: 3 }] }, 'a', 'b')).toBeUndefined();
  });
});

describe('errors', () => {
  it('retry throttling, server errors, network failures and timeouts, but not the rest', () => {
    const transient: ProviderError[] = [
      { kind: 'rate_limited', retryAfterMs: null },
      { kind: 'upstream', status: 503 },
      { kind: 'transport', code: 'ECONNRESET' },
      { kind: 'timeout', afterMs: 15_000 },
    ];
    const settled: ProviderError[] = [
      { kind: 'rate_limited', retryAfterMs: null, spendCap: true },
      { kind: 'unauthorized', status: 401, hint: null },
      { kind: 'forbidden', status: 403, reason: 'forbidden', url: null },
      { kind: 'malformed', detail: 'x' },
      { kind: 'unconfigured', what: 'key' },
      { kind: 'credentials_invalid', detail: 'x' },
      { kind: 'keychain_unavailable', detail: 'x' },
      { kind: 'credits_exhausted' },
    ] as ProviderError[];
    for (const e of transient) expect(isTransient(e), e.kind).toBe(true);
    for (const e of settled) expect(isTransient(e), e.kind).toBe(false);
  });

  it('map a bare status: 401 is a sign-in problem, 403 a refusal, 429 throttling, anything else upstream', () => {
    expect(errorFromStatus(401)).toEqual({ kind: 'unauthorized', status: 401, hint: null });
    expect(errorFromStatus(403)).toEqual({ kind: 'forbidden', status: 403, reason: 'forbidden', url: null });
    expect(errorFromStatus(429, 5000)).toEqual({ kind: 'rate_limited', retryAfterMs: 5000 });
    expect(errorFromStatus(500)).toEqual({ kind: 'upstream', status: 500 });
  });
});

describe('notification words', () => {
  const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
  const alert = (over: Partial<Alert>): Alert => ({
    id: 'x',
    kind: 'threshold',
    providerId: 'claude',
    accountLabel: null,
    windowId: 'session',
    windowLabel: '5-hour',
    windowKind: 'session',
    threshold: 80,
    usedPercent: 83,
    remaining: null,
    unit: 'percent',
    resetsAt: NOW + 90 * 60_000,
    ...over,
  });

  it('say how much is used, the alert line, and when the window resets', () => {
    expect(alertText(alert({}), NOW)).toEqual({ title: 'Claude: 5-hour at 83 % used', body: '83 % used (alert at 80 %) · resets in 1 h 30 min' });
  });

  it('leave out a reset that is unknown or already due', () => {
    expect(alertText(alert({ resetsAt: null }), NOW).body).toBe('83 % used (alert at 80 %)');
    expect(alertText(alert({ resetsAt: NOW }), NOW).body).toBe('83 % used (alert at 80 %)');
  });

  it('say the limit is reached at 100 % and not before', () => {
    expect(alertText(alert({ usedPercent: 100, threshold: 95 }), NOW).title).toBe('Claude: 5-hour limit reached');
    expect(alertText(alert({ usedPercent: 99.6, threshold: 95 }), NOW).title).not.toContain('limit reached');
  });

  it('announce a reset', () => {
    expect(alertText(alert({ kind: 'reset' }), NOW)).toEqual({ title: 'Claude: 5-hour has reset', body: 'The full limit is available again.' });
  });
});
