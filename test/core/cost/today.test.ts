// The status line's cost words and the summary file's text: which day counts, what an unknown price
// reads as, when the summary is stale. Pure.
import { describe, expect, it } from 'vitest';
import { emptyTotals, type Ledger, type LedgerDay } from '../../../core/cost/ledger';
import { parseTodaySummary, todayCostText, todaySummary, todaySummaryStale, todaySummaryText, type TodaySummary } from '../../../core/cost/today';

const NOW = Date.parse('2026-12-01T12:00:00Z');

function day(date: string, source: string, costUsd: number | null, pricedCostUsd: number, totalTokens: number): LedgerDay {
  return { ...emptyTotals(), date, source, costUsd, pricedCostUsd, totalTokens, outputTokens: totalTokens, models: [], projects: [], unknownModels: [] };
}

const ledger: Ledger = {
  days: [day('2026-11-30', 'claude', 9, 9, 1000), day('2026-12-01', 'claude', 4.123, 4.123, 5000), day('2026-12-01', 'codex', null, 0, 1_200_000)],
  totals: emptyTotals(),
  unknownModels: [],
};

const summary = (sources: TodaySummary['sources'], date = '2026-12-01', computedAt = NOW): TodaySummary => ({ date, computedAt, sources });

describe('the cost summary', () => {
  it('holds today’s figures for every listed source, a source with no use as 0 tokens', () => {
    const s = todaySummary(ledger, '2026-12-01', ['claude', 'codex', 'other'], NOW);
    expect(s).toEqual({
      date: '2026-12-01',
      computedAt: NOW,
      sources: {
        claude: { costUsd: 4.123, pricedCostUsd: 4.123, totalTokens: 5000 },
        codex: { costUsd: null, pricedCostUsd: 0, totalTokens: 1_200_000 },
        other: { costUsd: 0, pricedCostUsd: 0, totalTokens: 0 },
      },
    });
  });

  it('reads back what it writes, and a torn or foreign file as none', () => {
    const s = todaySummary(ledger, '2026-12-01', ['claude', 'codex'], NOW);
    expect(parseTodaySummary(todaySummaryText(s))).toEqual(s);
    for (const bad of ['', '{"version":1,"date":"2026-12-01"', '{"version":2,"date":"2026-12-01","computedAt":1,"sources":{}}', '{"version":1,"date":"yesterday","computedAt":1,"sources":{}}', '[]']) {
      expect(parseTodaySummary(bad)).toBeNull();
    }
  });
});

describe('the status line’s cost words', () => {
  it('shows today’s dollars for its own source', () => {
    expect(todayCostText(summary({ claude: { costUsd: 4.123, pricedCostUsd: 4.123, totalTokens: 5000 } }), '2026-12-01', 'claude')).toBe('today $4.12');
    expect(todayCostText(summary({ claude: { costUsd: 212.4, pricedCostUsd: 212.4, totalTokens: 5000 } }), '2026-12-01', 'claude')).toBe('today $212');
  });

  it('shows nothing when the summary is of another day (after midnight, before the refresh)', () => {
    expect(todayCostText(summary({ claude: { costUsd: 4, pricedCostUsd: 4, totalTokens: 5000 } }, '2026-11-30'), '2026-12-01', 'claude')).toBe('');
  });

  it('never says $0 for a day without a price: tokens only, or a priced part marked as incomplete', () => {
    expect(todayCostText(summary({ claude: { costUsd: null, pricedCostUsd: 0, totalTokens: 1_200_000 } }), '2026-12-01', 'claude')).toBe('today 1.20M tokens');
    expect(todayCostText(summary({ claude: { costUsd: null, pricedCostUsd: 0.4, totalTokens: 9000 } }), '2026-12-01', 'claude')).toBe('today $0.40+?');
  });

  it('shows nothing before today has any use, and nothing for a source the summary lacks', () => {
    expect(todayCostText(summary({ claude: { costUsd: 0, pricedCostUsd: 0, totalTokens: 0 } }), '2026-12-01', 'claude')).toBe('');
    expect(todayCostText(summary({ codex: { costUsd: 1, pricedCostUsd: 1, totalTokens: 10 } }), '2026-12-01', 'claude')).toBe('');
    expect(todayCostText(null, '2026-12-01', 'claude')).toBe('');
  });

  it('asks for a refresh when the summary is missing, of another day, older than a minute or from the future', () => {
    const s = summary({});
    expect(todaySummaryStale(s, '2026-12-01', NOW + 59_000)).toBe(false);
    expect(todaySummaryStale(s, '2026-12-01', NOW + 61_000)).toBe(true);
    expect(todaySummaryStale(s, '2026-12-02', NOW)).toBe(true);
    expect(todaySummaryStale(null, '2026-12-01', NOW)).toBe(true);
    expect(todaySummaryStale(s, '2026-12-01', NOW - 3_600_000)).toBe(true);
  });
});
