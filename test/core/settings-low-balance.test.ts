// The low-balance alert setting: a negative threshold would never fire (a balance cannot drop below
// it before it is overdrawn), so it is refused and the previous value kept; 0 turns the alert off.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../core/settings';

const current = { ...DEFAULT_SETTINGS, lowBalanceUsd: 5 };

describe('the low-balance setting', () => {
  it('refuses a negative amount and keeps the one already set', () => {
    expect(normalizeSettings({ lowBalanceUsd: -1 }, current).lowBalanceUsd).toBe(5);
    expect(normalizeSettings({ lowBalanceUsd: -0.01 }, current).lowBalanceUsd).toBe(5);
  });

  it('accepts 0, which turns the alert off, and amounts up to $10,000', () => {
    expect(normalizeSettings({ lowBalanceUsd: 0 }, current).lowBalanceUsd).toBe(0);
    expect(normalizeSettings({ lowBalanceUsd: 10_000 }, current).lowBalanceUsd).toBe(10_000);
    expect(normalizeSettings({ lowBalanceUsd: 10_000.01 }, current).lowBalanceUsd).toBe(5);
  });
});
