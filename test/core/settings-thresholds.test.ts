// The alert thresholds a user types in Settings: 1 to 100 %, whole numbers, each once, in order,
// at most five; the refresh interval kept between 30 s and an hour.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, normalizeThresholds, plainNumber } from '../../core/settings';

describe('alert thresholds', () => {
  it('keeps 1 and 100 %, and drops 0, negatives and anything above 100', () => {
    expect(normalizeThresholds([0, 1, 100, 100.4, 101, -5])).toEqual([1, 100]);
    expect(normalizeThresholds([0.99, 100.01])).toEqual([]);
  });

  it('sorts them in numeric order, not as text, and lists each once after rounding', () => {
    expect(normalizeThresholds([95, 9, 80, 80.2, 10])).toEqual([9, 10, 80, 95]);
  });

  it('keeps the five lowest when given more', () => {
    expect(normalizeThresholds([90, 10, 50, 70, 30, 60, 20])).toEqual([10, 20, 30, 50, 60]);
  });

  it('reads numeric strings, drops other entries, and refuses a value that is not a list', () => {
    expect(normalizeThresholds(['85', ' 90 ', null, 'high', {}])).toEqual([85, 90]);
    expect(normalizeThresholds('80,95')).toBeNull();
  });

  it('falls back to the current thresholds only when the field is not a list', () => {
    const current = { ...DEFAULT_SETTINGS, thresholds: [50] };
    expect(normalizeSettings({ thresholds: 'x' }, current).thresholds).toEqual([50]);
    expect(normalizeSettings({ thresholds: [] }, current).thresholds).toEqual([]);
    expect(normalizeSettings({}, current).thresholds).toEqual([50]);
  });
});

describe('numbers typed in Settings', () => {
  it('accept digits with spaces around, and refuse signs, hex and exponents', () => {
    expect(plainNumber(' 2.50 ')).toBe(2.5);
    for (const v of ['-2', '+2', '0x10', '1e3', '', ' ', '2.', '.5']) expect(plainNumber(v), v).toBeNull();
    expect(plainNumber(Number.NaN)).toBeNull();
  });

  it('keep the refresh interval between 30 s and an hour, rounded to whole seconds', () => {
    expect(normalizeSettings({ refreshIntervalSec: 5 }).refreshIntervalSec).toBe(30);
    expect(normalizeSettings({ refreshIntervalSec: 7200 }).refreshIntervalSec).toBe(3600);
    expect(normalizeSettings({ refreshIntervalSec: '90.6' }).refreshIntervalSec).toBe(91);
  });
});
