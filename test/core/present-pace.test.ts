import { describe, expect, it } from 'vitest';
import type { Pace } from '../../core/pace';
import { paceText, runwayText } from '../../core/present';
import { MINUTE as MIN } from '../../core/time';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const pace = (p: Partial<Pace>): Pace => ({ expectedPercent: 50, deltaPercent: 0, runsOutAt: null, lastsUntilReset: true, basis: 'average', ...p });

describe('pace and runway words', () => {
  it('names a deficit with its run-out time', () => {
    expect(paceText(pace({ deltaPercent: 12.2, runsOutAt: NOW + 40 * MIN, lastsUntilReset: false }), NOW)).toBe('12 % in deficit · runs out in 40 min');
  });

  it('names a reserve that lasts until reset', () => {
    expect(paceText(pace({ deltaPercent: -7.6 }), NOW)).toBe('8 % in reserve · lasts until reset');
  });

  it('says on pace under half a point either way, and used up once the limit is reached', () => {
    expect(paceText(pace({ deltaPercent: 0.4 }), NOW)).toBe('on pace · lasts until reset');
    expect(paceText(pace({ deltaPercent: 30, runsOutAt: NOW, lastsUntilReset: false }), NOW)).toBe('30 % in deficit · used up until reset');
  });

  it('rounds the runway to whole days, hours under a day', () => {
    expect(runwayText(4.4)).toBe("≈ 4 days at this week's pace");
    expect(runwayText(0.6)).toBe("≈ 14 h at this week's pace");
    expect(runwayText(1.2)).toBe("≈ 1 day at this week's pace");
    expect(runwayText(0)).toBe('no credit left');
  });
});
