// The exact edges of the words a user reads: where "just now" ends, the last second before a reset,
// and where whole dollars start. Each boundary is asserted on both sides.
import { describe, expect, it } from 'vitest';
import { formatAgo, formatAmount, formatResetsIn } from '../../core/present';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

describe('how long ago a value was seen', () => {
  it('says "just now" for the first 44 seconds', () => {
    expect(formatAgo(NOW, NOW)).toBe('just now');
    expect(formatAgo(NOW - 44_999, NOW)).toBe('just now');
  });

  it('counts seconds from 45 s on, so a 50-second-old value does not pass for fresh', () => {
    expect(formatAgo(NOW - 45_000, NOW)).toBe('45 s ago');
    expect(formatAgo(NOW - 50_000, NOW)).toBe('50 s ago');
    expect(formatAgo(NOW - 59_000, NOW)).toBe('59 s ago');
  });
});

describe('the last second before a window resets', () => {
  it('says "resetting now" at the reset moment, not "resets in 0 s"', () => {
    expect(formatResetsIn(NOW, NOW)).toBe('resetting now');
  });

  it('still counts down the final second before it', () => {
    expect(formatResetsIn(NOW + 1, NOW)).toBe('resets in 1 s');
    expect(formatResetsIn(NOW + 400, NOW)).toBe('resets in 1 s');
    expect(formatResetsIn(NOW + 1_000, NOW)).toBe('resets in 1 s');
    expect(formatResetsIn(NOW + 1_001, NOW)).toBe('resets in 2 s');
  });
});

describe('money at a thousand and up', () => {
  it('shows $1,000 as whole dollars, like every larger amount', () => {
    expect(formatAmount(1000, 'usd')).toBe('$1,000');
    expect(formatAmount(-1000, 'usd')).toBe('−$1,000');
    expect(formatAmount(1234.56, 'usd')).toBe('$1,235');
  });

  it('keeps cents just below a thousand', () => {
    expect(formatAmount(999.99, 'usd')).toBe('$999.99');
    expect(formatAmount(-999.5, 'eur')).toBe('−€999.50');
  });
});
