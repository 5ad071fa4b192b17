// The sentences under a card (its notes), the plan label, and the figures of a window, as the popover
// and the CLI print them. Boundaries between units are asserted on both sides.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow, type Note } from '../../core/model';
import { describeNote, formatAmount, formatDeadline, formatDuration, formatPercent, planLabel, planOf, windowAmounts, windowFigure } from '../../core/present';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('notes under a card', () => {
  it('puts every note that has words into a sentence', () => {
    const notes: Array<[Note, string]> = [
      [{ code: 'no_spending_limit' }, 'No spending limit on this key: showing spend instead.'],
      [{ code: 'credits_balance', balance: 12.5, unit: 'usd' }, 'Credits balance: $12.50'],
      [{ code: 'unlimited_credits' }, 'Unlimited credits.'],
      [{ code: 'limit_reached' }, 'Limit reached.'],
      [{ code: 'key_expires', at: Date.UTC(2027, 0, 31, 23, 0) }, 'Key expires 2027-01-31.'],
      [{ code: 'free_tier' }, 'Free tier.'],
      [{ code: 'verify_account', url: null }, 'The account needs verification.'],
    ];
    for (const [note, words] of notes) expect(describeNote(note), note.code).toBe(words);
  });

  it('leaves the plan to the plan label', () => {
    expect(describeNote({ code: 'plan', plan: 'max' })).toBeNull();
  });

  it('says when a value was observed: as an age when the time is known, else as a timestamp', () => {
    const note: Note = { code: 'observed_at', at: NOW - 7 * MIN };
    expect(describeNote(note, NOW)).toBe('Last observed 7 min ago.');
    expect(describeNote(note)).toBe('Last observed 2026-12-01T11:53:00.000Z.');
  });
});

describe('the plan label', () => {
  it('prefers the account’s plan, then a plan note, else none', () => {
    const s = { ...emptySnapshot('codex', 'ok'), notes: [{ code: 'free_tier' } as Note, { code: 'plan', plan: 'plus' } as Note] };
    expect(planOf(s)).toBe('plus');
    expect(planOf({ ...s, account: { label: null, plan: 'pro' } })).toBe('pro');
    expect(planOf({ ...s, notes: [] })).toBeNull();
  });

  it('turns underscores and dashes, however many, into single spaces', () => {
    expect(planLabel('free__workspace')).toBe('Free workspace');
    expect(planLabel('max-20x')).toBe('Max 20x');
  });
});

describe('durations at the unit boundaries', () => {
  it('switches from minutes to hours at exactly one hour, and from hours to days at exactly one day', () => {
    expect(formatDuration(HOUR - 1)).toBe('59 min');
    expect(formatDuration(HOUR)).toBe('1 h');
    expect(formatDuration(DAY - 1)).toBe('23 h 59 min');
    expect(formatDuration(DAY)).toBe('1 d');
    expect(formatDuration(DAY + 3 * HOUR)).toBe('1 d 3 h');
  });
});

describe('a time limit that ran out', () => {
  it('is in ms under a second, tenths under ten seconds, whole seconds above, and never rounded up', () => {
    expect(formatDeadline(-5)).toBe('0 ms');
    expect(formatDeadline(0)).toBe('0 ms');
    expect(formatDeadline(400)).toBe('400 ms');
    expect(formatDeadline(999.9)).toBe('999 ms');
    expect(formatDeadline(1000)).toBe('1 s');
    expect(formatDeadline(1_999)).toBe('1.9 s');
    expect(formatDeadline(9_999)).toBe('9.9 s');
    expect(formatDeadline(10_000)).toBe('10 s');
    expect(formatDeadline(30_000)).toBe('30 s');
    expect(formatDeadline(59_999)).toBe('59 s');
  });
});

describe('percentages', () => {
  it('keeps one decimal only strictly between 0 and 1 %', () => {
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.44)).toBe('0.4 %');
    expect(formatPercent(1)).toBe('1 %');
    expect(formatPercent(1.4)).toBe('1 %');
  });

  it('keeps one decimal strictly between 99 and 100 %, rounded down, so "100 %" means the limit is reached', () => {
    expect(formatPercent(99)).toBe('99 %');
    expect(formatPercent(99.04)).toBe('99 %');
    expect(formatPercent(99.6)).toBe('99.6 %');
    expect(formatPercent(99.99)).toBe('99.9 %');
    expect(formatPercent(100)).toBe('100 %');
    expect(formatPercent(100.4)).toBe('100 %');
  });
});

describe('the figures of a window', () => {
  const credits = makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd' });
  const monthly = makeWindow({ id: 'monthly', kind: 'monthly', label: 'Monthly', unit: 'usd' });

  it('headlines the percentage used where there is one', () => {
    expect(windowFigure({ ...credits, usedPercent: 37, remaining: 12 })).toBe('37 % used');
  });

  it('headlines what is left of an uncapped credit balance, else what was spent, else a dash', () => {
    expect(windowFigure({ ...credits, remaining: 12.37, used: 7.63 })).toBe('$12.37 left');
    expect(windowFigure({ ...monthly, remaining: 12.37, used: 7.63 })).toBe('$7.63 spent');
    expect(windowFigure({ ...credits, used: 7.63 })).toBe('$7.63 spent');
    expect(windowFigure(credits)).toBe('—');
  });

  it('lists used of limit and what is left, or only what was spent, and nothing for a percent window', () => {
    expect(windowAmounts({ ...credits, used: 7.63, limit: 20, remaining: 12.37 })).toBe('$7.63 of $20.00 · $12.37 left');
    expect(windowAmounts({ ...credits, used: 7.63 })).toBe('$7.63 spent');
    expect(windowAmounts({ ...credits, limit: 20, remaining: 12.37 })).toBe('$12.37 left');
    expect(windowAmounts(credits)).toBeNull();
    expect(windowAmounts(makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 40, used: 40, limit: 100 }))).toBeNull();
  });

  it('writes a zero balance without a minus sign', () => {
    expect(formatAmount(0, 'usd')).toBe('$0.00');
  });

  it('writes an amount in percent as a percentage', () => {
    expect(formatAmount(37.4, 'percent')).toBe('37 %');
  });
});
