import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { runwayDays, runwayOf } from '../../core/runway';
import { DAY, HOUR } from '../../core/time';

const MONDAY = Date.UTC(2026, 8, 14);

describe('dollar runway', () => {
  it('divides the credit left by the daily spend since the week began', () => {
    // $8 in 2 days is $4/day: $12 lasts 3 days.
    expect(runwayDays(12, 8, MONDAY, MONDAY + 2 * DAY)).toBeCloseTo(3, 10);
  });

  it('has no runway when nothing was spent, the spend is unknown, or the week is only hours old', () => {
    expect(runwayDays(12, 0, MONDAY, MONDAY + 2 * DAY)).toBeNull();
    expect(runwayDays(12, null, MONDAY, MONDAY + 2 * DAY)).toBeNull();
    expect(runwayDays(null, 8, MONDAY, MONDAY + 2 * DAY)).toBeNull();
    expect(runwayDays(12, 8, MONDAY, MONDAY + 4 * HOUR)).toBeNull();
  });

  it('is zero days when no credit is left', () => {
    expect(runwayDays(-0.4, 8, MONDAY, MONDAY + 2 * DAY)).toBe(0);
  });

  it("reads a snapshot's balance and its week_spend note, as of when it was fetched", () => {
    const snap: ProviderSnapshot = {
      ...emptySnapshot('openrouter', 'ok'),
      fetchedAt: MONDAY + 2 * DAY,
      windows: [makeWindow({ id: 'key-limit', kind: 'credits', label: 'Weekly limit', remaining: 12.37, unit: 'usd' })],
      notes: [{ code: 'week_spend', amount: 7.63, unit: 'usd', since: MONDAY }],
    };
    expect(runwayOf(snap)).toBeCloseTo(12.37 / (7.63 / 2), 10);
    expect(runwayOf({ ...snap, notes: [] })).toBeNull();
    expect(runwayOf({ ...snap, windows: [] })).toBeNull();
  });
});
