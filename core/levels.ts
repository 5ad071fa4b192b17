// Bar colour levels at the alert thresholds, and for balances at the low-balance line.

/** How alarming a meter is; the CSS maps each level to a colour. */
export type Level = 'normal' | 'warning' | 'critical';

/**
 * Level of a percent-used meter against ascending alert thresholds (e.g. [80, 95]):
 * at or past the highest is critical, past any lower one is a warning.
 */
export function levelForPercent(usedPercent: number, thresholds: readonly number[]): Level {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const highest = sorted[sorted.length - 1];
  if (highest === undefined) return usedPercent >= 100 ? 'critical' : 'normal';
  if (usedPercent >= highest || usedPercent >= 100) return 'critical';
  return sorted.some((t) => usedPercent >= t) ? 'warning' : 'normal';
}

/** Level of a money balance: empty or overdrawn is critical, below the low-balance line a warning. */
export function levelForBalance(remaining: number, lowBalance: number): Level {
  if (remaining <= 0) return 'critical';
  if (lowBalance > 0 && remaining < lowBalance) return 'warning';
  return 'normal';
}
