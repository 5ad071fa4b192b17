// The meter colours the popover and the tray share.
import { describe, it, expect } from 'vitest';
import { levelForBalance, levelForPercent } from '../../core/levels';

describe('bar colour at the alert thresholds', () => {
  it('stays normal below the first threshold', () => {
    expect(levelForPercent(79.9, [80, 95])).toBe('normal');
  });

  it('turns to a warning at the first threshold and critical at the last', () => {
    expect(levelForPercent(80, [80, 95])).toBe('warning');
    expect(levelForPercent(94, [80, 95])).toBe('warning');
    expect(levelForPercent(95, [80, 95])).toBe('critical');
  });

  it('follows the thresholds the user chose, whatever their order', () => {
    expect(levelForPercent(60, [90, 50])).toBe('warning');
    expect(levelForPercent(91, [90, 50])).toBe('critical');
  });

  it('treats a single threshold as the critical line', () => {
    expect(levelForPercent(70, [70])).toBe('critical');
  });

  it('is critical at 100 % even when every threshold is higher or none is set', () => {
    expect(levelForPercent(100, [])).toBe('critical');
    expect(levelForPercent(50, [])).toBe('normal');
  });

  it('warns about a balance below the low-balance line and alarms when it is gone', () => {
    expect(levelForBalance(5, 2)).toBe('normal');
    expect(levelForBalance(1.5, 2)).toBe('warning');
    expect(levelForBalance(0, 2)).toBe('critical');
    expect(levelForBalance(-3, 2)).toBe('critical');
    expect(levelForBalance(0.5, 0)).toBe('normal');
  });
});
