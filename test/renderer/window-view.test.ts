import { describe, it, expect } from 'vitest';
import { makeWindow } from '../../core/model';
import { toWindowView } from '../../renderer/view-model/window-view';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const ctx = { now: NOW, thresholds: [80, 95], lowBalanceUsd: 2 };

describe('a window as a meter', () => {
  it('shows a percent window as a bar with "% used" and a countdown', () => {
    const w = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 37, used: 37, limit: 100, resetsAt: NOW + 6120_000 });
    const v = toWindowView(w, ctx);
    expect(v.display).toEqual({ mode: 'percent', fill: 37, headline: '37 % used' });
    expect(v.countdown).toBe('resets in 1 h 42 min');
    expect(v.detail).toBeNull();
    expect(v.level).toBe('normal');
  });

  it('shows the dollar amounts of a capped credit window beside its bar', () => {
    const w = makeWindow({
      id: 'key-limit', kind: 'weekly', label: 'Weekly limit', usedPercent: 38.15, used: 7.63, limit: 20, remaining: 12.37, unit: 'usd',
    });
    const v = toWindowView(w, ctx);
    expect(v.display).toMatchObject({ mode: 'percent', headline: '38 % used' });
    expect(v.detail).toBe('$7.63 of $20.00 · $12.37 left');
  });

  it('shows the balance instead of a percentage for credit without a cap', () => {
    const w = makeWindow({ id: 'credits', kind: 'credits', label: 'Credit', used: 41.02, remaining: 58.98, unit: 'usd' });
    const v = toWindowView(w, ctx);
    expect(v.display).toEqual({ mode: 'amount', headline: '$58.98 left' });
    expect(v.detail).toBe('$41.02 spent');
    expect(v.countdown).toBeNull();
  });

  it('colours an uncapped balance by the low-balance setting', () => {
    const low = makeWindow({ id: 'credits', kind: 'credits', label: 'Credit', remaining: 1.25, unit: 'usd' });
    expect(toWindowView(low, ctx).level).toBe('warning');
    expect(toWindowView({ ...low, remaining: -0.4 }, ctx).display).toEqual({ mode: 'amount', headline: '−$0.40 left' });
    expect(toWindowView({ ...low, remaining: -0.4 }, ctx).level).toBe('critical');
  });

  it('fills an over-limit bar to the end but still says how far over it is', () => {
    const w = makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 102 });
    const v = toWindowView(w, ctx);
    expect(v.display).toEqual({ mode: 'percent', fill: 100, headline: '102 % used' });
    expect(v.level).toBe('critical');
  });

  it('says "no data" for a window with nothing measurable rather than inventing 0 %', () => {
    const v = toWindowView(makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly' }), ctx);
    expect(v.display).toEqual({ mode: 'unknown', headline: 'no data' });
  });
});
