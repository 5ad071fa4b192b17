// Edges of the one set of time parsers every provider goes through: Retry-After, ISO timestamps,
// Unix times in seconds or milliseconds, and the reset sanity rule. A wrong edge shows a user a
// reset time hours off, or makes Quotabar ask again too early.
import { describe, expect, it } from 'vitest';
import { EARLIEST_RESET_MS, MAX_RESET_AHEAD_MS, parseIso, parseRetryAfter, parseUnixTime, plausibleReset } from '../../core/time';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);

describe('Retry-After', () => {
  it('reads delay-seconds, with spaces around and a fraction', () => {
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter('0', NOW)).toBe(0);
  });

  it('reads an HTTP date as the time left until it, and a past date as now', () => {
    expect(parseRetryAfter('Sun, 20 Sep 2026 12:05:00 GMT', NOW)).toBe(5 * 60_000);
    expect(parseRetryAfter('Sun, 20 Sep 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores a missing, blank or garbled value', () => {
    for (const v of [null, undefined, '', '   ', 'soon', '12abc']) expect(parseRetryAfter(v, NOW), String(v)).toBeNull();
  });

  it('ignores a negative or signed delay rather than reading it as a year (which meant: retry now)', () => {
    for (const v of ['-5', '-0', '+30', '-1.5', '1e3', 'x5', 'in 30', '5.']) expect(parseRetryAfter(v, NOW), v).toBeNull();
    expect(parseRetryAfter('1.25', NOW)).toBe(1250);
  });
});

describe('ISO timestamps', () => {
  it('reads UTC, lower-case z, offsets with and without a colon, and a space before the zone', () => {
    const t = Date.UTC(2026, 8, 20, 15, 0, 0);
    expect(parseIso('2026-09-20T15:00:00Z')).toBe(t);
    expect(parseIso('2026-09-20t15:00:00z')).toBe(t);
    expect(parseIso(' 2026-09-20T15:00:00 ')).toBe(t);
    expect(parseIso('2026-09-20T17:00:00+02:00')).toBe(t);
    expect(parseIso('2026-09-20T10:30:00-0430')).toBe(t);
    expect(parseIso('2026-09-20T17:00:00+02')).toBe(t);
    expect(parseIso('2026-09-20 15:00:00 Z')).toBe(t);
  });

  it('keeps milliseconds, pads short fractions and truncates microseconds', () => {
    expect(parseIso('2026-09-20T15:00:00.4Z')).toBe(Date.UTC(2026, 8, 20, 15, 0, 0, 400));
    expect(parseIso('2026-09-20T15:00:00.412345Z')).toBe(Date.UTC(2026, 8, 20, 15, 0, 0, 412));
  });

  it('reads a date alone, or hours and minutes alone, as UTC', () => {
    expect(parseIso('2026-09-20')).toBe(Date.UTC(2026, 8, 20));
    expect(parseIso('2026-09-20T15:07')).toBe(Date.UTC(2026, 8, 20, 15, 7));
  });

  it('accepts the last valid value of every field and 24:00 as the next midnight', () => {
    expect(parseIso('2026-12-31T23:59:59Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(parseIso('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    expect(parseIso('2026-09-20T24:00:00Z')).toBe(Date.UTC(2026, 8, 21));
    expect(parseIso('2026-06-30T23:59:60Z')).toBe(Date.UTC(2026, 6, 1));
  });

  it('refuses fields out of range and dates that do not exist', () => {
    for (const v of ['2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-09-00T00:00:00Z', '2026-09-20T25:00:00Z', '2026-09-20T12:60:00Z', '2026-09-20T12:00:61Z', '2026-02-30T00:00:00Z', '2026-09-20T12:00:00+2', 'yesterday', '', 42]) {
      expect(parseIso(v), String(v)).toBeNull();
    }
  });
});

describe('Unix times', () => {
  it('reads seconds and milliseconds, as numbers or numeric strings', () => {
    expect(parseUnixTime(1_789_916_400)).toBe(1_789_916_400_000);
    expect(parseUnixTime('1789916400')).toBe(1_789_916_400_000);
    expect(parseUnixTime(1_789_916_400_123)).toBe(1_789_916_400_123);
    expect(parseUnixTime(' 1789916400.5 ')).toBe(1_789_916_400_500);
  });

  it('tells seconds from milliseconds at 10^11', () => {
    expect(parseUnixTime(99_999_999_999)).toBeNull();
    expect(parseUnixTime(100_000_000_000)).toBeNull();
    expect(parseUnixTime(978_307_200)).toBe(978_307_200_000);
    expect(parseUnixTime(978_307_200_000)).toBe(978_307_200_000);
  });

  it('accepts 2001 to 2286 only, and refuses zero, negatives, blanks and non-numbers', () => {
    expect(parseUnixTime(978_307_199)).toBeNull();
    expect(parseUnixTime(9_999_999_999)).toBe(9_999_999_999_000);
    expect(parseUnixTime(9_999_999_999_001)).toBeNull();
    for (const v of [0, -1_789_916_400, '', '  ', 'soon', null, {}, Number.NaN, Number.POSITIVE_INFINITY]) expect(parseUnixTime(v), String(v)).toBeNull();
  });
});

describe('the reset sanity rule', () => {
  it('keeps a reset from 2020 on, up to 400 days ahead, and refuses anything outside', () => {
    expect(plausibleReset(EARLIEST_RESET_MS, NOW)).toBe(EARLIEST_RESET_MS);
    expect(plausibleReset(EARLIEST_RESET_MS - 1, NOW)).toBeNull();
    expect(plausibleReset(NOW + MAX_RESET_AHEAD_MS, NOW)).toBe(NOW + MAX_RESET_AHEAD_MS);
    expect(plausibleReset(NOW + MAX_RESET_AHEAD_MS + 1, NOW)).toBeNull();
    expect(plausibleReset(null, NOW)).toBeNull();
    expect(plausibleReset(Number.NaN, NOW)).toBeNull();
    expect(plausibleReset(Number.POSITIVE_INFINITY, null)).toBeNull();
  });

  it('applies only the lower bound when the caller has no clock', () => {
    expect(plausibleReset(Date.UTC(2999, 0, 1), null)).toBe(Date.UTC(2999, 0, 1));
  });
});
