import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type ProviderSnapshot } from '../../core/model';
import { DAY, MINUTE as MIN } from '../../core/time';
import { toCardView } from '../../renderer/view-model/card';
import { toWindowView } from '../../renderer/view-model/window-view';

const NOW = Date.UTC(2026, 8, 16, 12, 0, 0); // a Wednesday
const ctx = { now: NOW, thresholds: [80, 95], lowBalanceUsd: 2 };

describe('pace and runway in the popover', () => {
  it('puts a pace line under a rolling window once it applies', () => {
    // 3 h into a 5-hour window at 90 %: 30 points ahead, the last 10 % goes in 20 min.
    const w = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 90, resetsAt: NOW + 120 * MIN, windowMinutes: 300 });
    expect(toWindowView(w, ctx).pace).toBe('30 % in deficit · runs out in 20 min');
    expect(toWindowView({ ...w, usedPercent: 52 }, ctx).pace).toBe('8 % in reserve · lasts until reset');
  });

  it('has no pace line on a credit window, or before 3 % of the window has passed', () => {
    const credit = makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', usedPercent: 40, remaining: 6, unit: 'usd', resetsAt: NOW + DAY, windowMinutes: 10080 });
    expect(toWindowView(credit, ctx).pace).toBeNull();
    const fresh = makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 5, resetsAt: NOW + 295 * MIN, windowMinutes: 300 });
    expect(toWindowView(fresh, ctx).pace).toBeNull();
  });

  it("shows the OpenRouter runway on its card, and none without this week's spend", () => {
    const or: ProviderSnapshot = {
      ...emptySnapshot('openrouter', 'ok'),
      fetchedAt: NOW,
      attemptedAt: NOW,
      windows: [makeWindow({ id: 'key-limit', kind: 'credits', label: 'Weekly limit', usedPercent: 38, used: 7.63, limit: 20, remaining: 12.37, unit: 'usd' })],
      // Monday 00:00 to Wednesday 12:00 is 2.5 days: $3.05 a day, so $12.37 lasts ≈ 4 days.
      notes: [{ code: 'week_spend', amount: 7.63, unit: 'usd', since: NOW - 2.5 * DAY }],
    };
    const card = toCardView(or, { ...ctx, refreshing: false });
    expect(card.runway).toBe("≈ 4 days at this week's pace");
    expect(card.notes).toEqual([]);
    expect(toCardView({ ...or, notes: [] }, { ...ctx, refreshing: false }).runway).toBeNull();
  });
});
