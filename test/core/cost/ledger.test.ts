import { describe, expect, it } from 'vitest';
import { dedupe, type FileEntries } from '../../../core/cost/dedupe';
import type { CostEntry } from '../../../core/cost/entry';
import { buildLedger } from '../../../core/cost/ledger';
import { localDater } from '../../../core/cost/local-date';
import { NO_PRICES, type Pricer } from '../../../core/cost/pricing';
import { filterLedger, summarize } from '../../../core/cost/view';

const entry = (o: Partial<CostEntry> = {}): CostEntry => ({
  at: Date.parse('2026-11-30T12:00:00Z'),
  model: 'm1',
  fast: false,
  input: 1,
  output: 1,
  cacheCreation: 0,
  cacheRead: 0,
  cacheCreation1h: 0,
  webSearches: 0,
  key: null,
  sidechain: false,
  ...o,
});
const file = (entries: CostEntry[], project: string | null = null): FileEntries => ({ source: 'a', project, entries });
// $1 per output token for model "m1"; nothing else is known.
const ONE_PER_OUTPUT: Pricer = {
  band: (_p, model, fast) => (model === 'm1' && !fast ? 'x' : null),
  rates: () => ({ input: 0, output: 1, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, webSearch: 0, request: 0 }),
};
const ledgerOf = (files: FileEntries[], pricer: Pricer = ONE_PER_OUTPUT, zone = 'UTC') =>
  buildLedger({ kept: dedupe(files), dateOf: localDater(zone), pricer, priceProviderOf: () => 'p' });

describe('deduplication', () => {
  it('keeps the largest copy of a response, not the first (a streaming snapshot undercounts)', () => {
    const early = entry({ key: 'k', output: 1 });
    const full = entry({ key: 'k', output: 500, at: Date.parse('2026-11-30T12:00:05Z') });
    const kept = dedupe([file([early]), file([full])]);
    expect(kept.map((k) => k.entry)).toEqual([full]);
  });

  it('prefers a non-sidechain copy even when the sidechain copy is larger', () => {
    const side = entry({ key: 'k', output: 900, sidechain: true });
    const main = entry({ key: 'k', output: 10 });
    expect(dedupe([file([side, main])]).map((k) => k.entry)).toEqual([main]);
  });

  it('on a tie keeps the first copy in path and line order, and its timestamp decides the date', () => {
    const first = entry({ key: 'k', at: Date.parse('2026-11-29T23:00:00Z') });
    const second = entry({ key: 'k', at: Date.parse('2026-11-30T01:00:00Z') });
    const l = ledgerOf([file([first]), file([second])]);
    expect(l.days.map((d) => d.date)).toEqual(['2026-11-29']);
  });

  it('never deduplicates entries without a key', () => {
    expect(dedupe([file([entry(), entry()]), file([entry()])])).toHaveLength(3);
  });
});

describe('the ledger', () => {
  it('groups by local date, source and model; fast mode is its own row; synthetic counts without a row', () => {
    const l = ledgerOf([file([entry({ output: 2 }), entry({ output: 3, fast: true }), entry({ model: '<synthetic>', input: 0, output: 0 }), entry({ model: null, output: 4 })])]);
    expect(l.days).toHaveLength(1);
    const d = l.days[0]!;
    expect(d.models.map((m) => [m.model, m.outputTokens])).toEqual([
      ['m1', 2],
      ['m1-fast', 3],
    ]);
    expect(d.outputTokens).toBe(9);
    expect(d.totalTokens).toBe(9 + 3); // inputs: 1 each but the synthetic one
  });

  it('shows an unknown model’s cost as null (never $0), names it once, and keeps its tokens', () => {
    const l = ledgerOf([file([entry({ model: 'mystery', output: 7 }), entry({ model: 'mystery', output: 1, at: Date.parse('2026-11-29T12:00:00Z') }), entry({ output: 2 })])]);
    expect(l.unknownModels).toEqual(['mystery']);
    const day = l.days.find((d) => d.date === '2026-11-30')!;
    expect(day.models.find((m) => m.model === 'mystery')).toMatchObject({ outputTokens: 7, costUsd: null });
    expect(day.costUsd).toBeNull();
    expect(day.pricedCostUsd).toBe(2);
    expect(l.totals.costUsd).toBeNull();
  });

  it('prices known models through the port and sums days into totals', () => {
    const l = ledgerOf([file([entry({ output: 2 }), entry({ output: 3, at: Date.parse('2026-11-28T12:00:00Z') })])]);
    expect(l.days.map((d) => d.costUsd)).toEqual([3, 2]);
    expect(l.totals).toMatchObject({ outputTokens: 5, costUsd: 5 });
  });

  it('keeps per-project rows', () => {
    const l = ledgerOf([file([entry({ output: 2 })], 'p1'), file([entry({ output: 3 })], 'p2')]);
    expect(l.days[0]!.projects.map((p) => [p.project, p.costUsd])).toEqual([
      ['p1', 2],
      ['p2', 3],
    ]);
  });

  it('with no prices at all, every cost is unknown', () => {
    expect(ledgerOf([file([entry()])], NO_PRICES).totals.costUsd).toBeNull();
  });
});

describe('local dates', () => {
  const ny = localDater('America/New_York');
  it('splits days at local midnight, not UTC midnight', () => {
    expect(ny(Date.parse('2026-11-30T04:59:59Z'))).toBe('2026-11-29');
    expect(ny(Date.parse('2026-11-30T05:00:00Z'))).toBe('2026-11-30');
  });

  it('is right across the spring-forward day (2026-03-08 in New York)', () => {
    expect(ny(Date.parse('2026-03-08T04:59:59Z'))).toBe('2026-03-07'); // 23:59:59 EST
    expect(ny(Date.parse('2026-03-08T05:00:00Z'))).toBe('2026-03-08'); // 00:00 EST
    expect(ny(Date.parse('2026-03-09T03:59:59Z'))).toBe('2026-03-08'); // 23:59:59 EDT
    expect(ny(Date.parse('2026-03-09T04:00:00Z'))).toBe('2026-03-09'); // 00:00 EDT
  });

  it('is right across the fall-back day (2026-11-01 in New York)', () => {
    expect(ny(Date.parse('2026-11-01T03:59:59Z'))).toBe('2026-10-31'); // 23:59:59 EDT
    expect(ny(Date.parse('2026-11-01T04:00:00Z'))).toBe('2026-11-01');
    expect(ny(Date.parse('2026-11-01T06:30:00Z'))).toBe('2026-11-01'); // 01:30 EST, the second one
    expect(ny(Date.parse('2026-11-02T04:59:59Z'))).toBe('2026-11-01'); // 23:59:59 EST
    expect(ny(Date.parse('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
  });

  it('matches Intl for every quarter hour of both change days and a zone with a half-hour offset', () => {
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const mine = localDater(zone);
      const ref = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let t = Date.parse('2026-03-07T00:00:00Z'); t < Date.parse('2026-03-10T00:00:00Z'); t += 900_000) expect(mine(t)).toBe(ref.format(t));
      for (let t = Date.parse('2026-10-31T00:00:00Z'); t < Date.parse('2026-11-03T00:00:00Z'); t += 900_000) expect(mine(t)).toBe(ref.format(t));
      for (let t = Date.parse('2026-04-04T00:00:00Z'); t < Date.parse('2026-04-06T00:00:00Z'); t += 900_000) expect(mine(t)).toBe(ref.format(t));
    }
  });
});

describe('views of the ledger', () => {
  const l = ledgerOf([file([entry({ output: 1, at: Date.parse('2026-10-01T12:00:00Z') }), entry({ output: 2, at: Date.parse('2026-11-02T12:00:00Z') }), entry({ output: 4 })])]);
  it('filters by inclusive local dates and recomputes totals', () => {
    const f = filterLedger(l, { since: '2026-11-02', until: '2026-11-30', sources: null });
    expect(f.days.map((d) => d.date)).toEqual(['2026-11-02', '2026-11-30']);
    expect(f.totals.outputTokens).toBe(6);
  });

  it('summarizes today and the last 30 days (today included) for the popover', () => {
    const s = summarize(l, '2026-11-30');
    expect(s.today.costUsd).toBe(4);
    expect(s.last30Days.costUsd).toBe(6);
    expect(summarize(l, '2026-11-30', 'other').today.totalTokens).toBe(0);
  });
});
