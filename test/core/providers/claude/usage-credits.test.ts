// The "Extra usage" window of a Claude usage body: its amounts, share used and currency, read from
// `extra_usage` (minor units) or, when that block is absent, from `spend` (amount + exponent).
import { describe, expect, it } from 'vitest';
import type { UsageWindow } from '../../../../core/model';
import { parseClaudeUsage } from '../../../../core/providers/claude/provider';

const NOW = Date.UTC(2026, 8, 20, 12);

function credits(body: object): Partial<UsageWindow> | null {
  const r = parseClaudeUsage(body, NOW);
  if (!r.ok) throw new Error('unexpected malformed');
  const w = r.value.windows.find((x) => x.id === 'credits');
  return w ? { label: w.label, used: w.used, limit: w.limit, remaining: w.remaining, usedPercent: w.usedPercent, unit: w.unit } : null;
}
const spendOf = (used: object | null, limit: object | null) => credits({ spend: { used, limit } });

describe('extra usage', () => {
  it('reads cents as currency units and works out the share used and what is left', () => {
    expect(credits({ extra_usage: { is_enabled: true, monthly_limit: 5000, used_credits: 1250 } })).toEqual({
      label: 'Extra usage',
      used: 12.5,
      limit: 50,
      remaining: 37.5,
      usedPercent: 25,
      unit: 'usd',
    });
  });

  it('shows the share the server states rather than its own arithmetic', () => {
    expect(credits({ extra_usage: { is_enabled: true, monthly_limit: 5000, used_credits: 1250, utilization: 30 } })?.usedPercent).toBe(30);
  });

  it('shows what was spent without a share or remainder when there is no limit', () => {
    expect(credits({ extra_usage: { is_enabled: true, used_credits: 1250 } })).toMatchObject({ used: 12.5, limit: null, remaining: null, usedPercent: null });
    expect(credits({ extra_usage: { is_enabled: true, monthly_limit: 0, used_credits: 0 } })).toMatchObject({ usedPercent: null, remaining: 0 });
  });

  it('shows no window when extra usage is off, even with a spend block beside it', () => {
    const spend = { used: { amount_minor: 100, exponent: 2 }, limit: { amount_minor: 500, exponent: 2 } };
    expect(credits({ extra_usage: { is_enabled: false, monthly_limit: 5000, used_credits: 10 }, spend })).toBeNull();
    expect(credits({ extra_usage: null, spend })).toBeNull();
  });

  it('uses the account currency in lower case, and dollars when it is missing or not a three-letter code', () => {
    const unit = (currency: unknown) => credits({ extra_usage: { is_enabled: true, monthly_limit: 100, used_credits: 1, currency } })?.unit;
    expect(unit(' EUR ')).toBe('eur');
    expect(unit('gbp')).toBe('gbp');
    expect(unit('EURO')).toBe('usd');
    expect(unit('x EUR')).toBe('usd');
    expect(unit('€')).toBe('usd');
    expect(unit(978)).toBe('usd');
    expect(unit(undefined)).toBe('usd');
  });
});

describe('the spend block', () => {
  it('reads amount_minor by its exponent, two digits when none is given', () => {
    expect(spendOf({ amount_minor: 1234, exponent: 2, currency: 'GBP' }, { amount_minor: 5000 })).toEqual({
      label: 'Extra usage',
      used: 12.34,
      limit: 50,
      remaining: 37.66,
      usedPercent: 24.68,
      unit: 'gbp',
    });
    expect(spendOf({ amount_minor: 7, exponent: 0 }, { amount_minor: 20, exponent: 0 })).toMatchObject({ used: 7, limit: 20 });
    expect(spendOf({ amount_minor: 1_500_000, exponent: 6 }, null)).toMatchObject({ used: 1.5, limit: null });
  });

  it('ignores an amount with a negative exponent or one above six', () => {
    expect(spendOf({ amount_minor: 100, exponent: 7 }, { amount_minor: 500, exponent: 2 })).toMatchObject({ used: null, limit: 5, usedPercent: null, remaining: null });
    expect(spendOf({ amount_minor: 100, exponent: -1 }, { amount_minor: 500, exponent: 2 })).toMatchObject({ used: null, limit: 5 });
  });

  it('shows a limit with nothing spent yet, and nothing when neither amount is readable', () => {
    expect(spendOf(null, { amount_minor: 5000, exponent: 2, currency: 'eur' })).toMatchObject({ used: null, limit: 50, unit: 'eur' });
    expect(spendOf(null, null)).toBeNull();
    expect(spendOf({ exponent: 2 }, { currency: 'eur' })).toBeNull();
    expect(credits({ spend: 'lots' })).toBeNull();
  });

  it('takes the currency of the spent amount first, else the limit’s', () => {
    expect(spendOf({ amount_minor: 1, currency: 'chf' }, { amount_minor: 2, currency: 'eur' })?.unit).toBe('chf');
    expect(spendOf({ amount_minor: 1 }, { amount_minor: 2, currency: 'eur' })?.unit).toBe('eur');
  });
});
