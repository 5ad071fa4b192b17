import { describe, it, expect } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, plainNumber } from '../../core/settings';
import { applySettingsPatch, validatePayload } from '../../app/validate';

describe('numbers in settings', () => {
  it('reads plain decimal numbers and refuses hex and exponents', () => {
    expect(plainNumber(16)).toBe(16);
    expect(plainNumber('2.50')).toBe(2.5);
    expect(plainNumber(' 300 ')).toBe(300);
    for (const v of ['0x10', '1e3', '', 'Infinity', '-1', NaN, Infinity, null, true]) expect(plainNumber(v), String(v)).toBeNull();
  });

  it('keeps the current value when the main process is sent "0x10" or "1e3" instead of saving $16 or $1000', () => {
    const current = { ...DEFAULT_SETTINGS, lowBalanceUsd: 5, refreshIntervalSec: 300 };
    const checked = validatePayload('settings:update', { lowBalanceUsd: '0x10', refreshIntervalSec: '1e3', thresholds: ['0x50', 90] });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const next = applySettingsPatch(current, checked.value);
    expect(next.lowBalanceUsd).toBe(5);
    expect(next.refreshIntervalSec).toBe(300);
    expect(next.thresholds).toEqual([90]);
    expect(normalizeSettings({ lowBalanceUsd: '1e3' }).lowBalanceUsd).toBe(DEFAULT_SETTINGS.lowBalanceUsd);
  });
});
