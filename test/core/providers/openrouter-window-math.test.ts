// The OpenRouter card's figures from /key and /credits: a cap's used share and what is left, a
// prepaid balance, and uncapped spend. Each case is what the card shows for one kind of key.
import { describe, expect, it } from 'vitest';
import { toOpenRouterWindows, type OpenRouterKeyInfo } from '../../../core/providers/openrouter/provider';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const key = (over: Partial<OpenRouterKeyInfo> = {}): OpenRouterKeyInfo => ({
  label: null,
  limit: null,
  limitRemaining: null,
  limitReset: null,
  usage: null,
  usageDaily: null,
  usageWeekly: null,
  usageMonthly: null,
  isFreeTier: null,
  expiresAt: null,
  ...over,
});
const balance = (totalCredits: number | null, totalUsage: number | null) => ({ kind: 'balance' as const, credits: { totalCredits, totalUsage } });

describe('a capped key', () => {
  it('shows a never-resetting cap from all-time usage, with what is left derived', () => {
    const [w] = toOpenRouterWindows(key({ limit: 20, usage: 5 }), null, NOW).windows;
    expect(w).toMatchObject({ id: 'key-limit', kind: 'credits', label: 'Key limit', used: 5, limit: 20, remaining: 15, usedPercent: 25, unit: 'usd', resetsAt: null });
  });

  it('shows no share and nothing left when usage is unknown', () => {
    const [w] = toOpenRouterWindows(key({ limit: 20 }), null, NOW).windows;
    expect(w).toMatchObject({ used: null, usedPercent: null, remaining: null });
  });
});

describe('a prepaid balance', () => {
  it('shows the share used and what is left of the credits bought', () => {
    const [w] = toOpenRouterWindows(key(), balance(50, 12.5), NOW).windows;
    expect(w).toMatchObject({ id: 'credits', label: 'Credits', used: 12.5, limit: 50, remaining: 37.5, usedPercent: 25 });
  });

  it('shows no share of a zero balance, and nothing derived from a missing figure', () => {
    expect(toOpenRouterWindows(key(), balance(0, 0), NOW).windows[0]).toMatchObject({ usedPercent: null, remaining: 0 });
    expect(toOpenRouterWindows(key(), balance(null, 3), NOW).windows[0]).toMatchObject({ usedPercent: null, remaining: null, used: 3 });
    expect(toOpenRouterWindows(key(), balance(10, null), NOW).windows[0]).toMatchObject({ usedPercent: null, remaining: null, limit: 10 });
  });
});

describe('uncapped spend', () => {
  it('falls back to all-time spend for a key without period figures', () => {
    const r = toOpenRouterWindows(key({ usage: 7 }), { kind: 'no_spending_limit' }, NOW);
    expect(r.windows).toEqual([expect.objectContaining({ id: 'usage', kind: 'credits', label: 'All time', used: 7, unit: 'usd' })]);
    expect(r.notes).toEqual([{ code: 'no_spending_limit' }]);
  });

  it('shows nothing at all without any usage figure', () => {
    expect(toOpenRouterWindows(key(), { kind: 'no_spending_limit' }, NOW).windows).toEqual([]);
  });

  it('shows no windows and no spend note when /credits did not answer', () => {
    expect(toOpenRouterWindows(key({ usage: 7 }), null, NOW)).toEqual({ windows: [], notes: [] });
  });
});
