import { describe, it, expect } from 'vitest';
import { countdownText, formatCountdown, updatedText } from '../../renderer/view-model/format';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('countdown text', () => {
  it('reads "resets in 3 h 12 min" for a reset a few hours away', () => {
    expect(countdownText(NOW + 3 * HOUR + 12 * MIN + 40_000, NOW)).toBe('resets in 3 h 12 min');
  });

  it('shows days and hours for a weekly window', () => {
    expect(countdownText(NOW + 4 * 24 * HOUR + 5 * HOUR, NOW)).toBe('resets in 4 d 5 h');
  });

  it('drops a zero second unit instead of saying "0 min"', () => {
    expect(countdownText(NOW + 2 * HOUR, NOW)).toBe('resets in 2 h');
    expect(countdownText(NOW + 24 * HOUR, NOW)).toBe('resets in 1 d');
  });

  it('shows seconds only in the last ten minutes, so it visibly ticks near the reset', () => {
    expect(countdownText(NOW + 42 * MIN + 30_000, NOW)).toBe('resets in 42 min');
    expect(countdownText(NOW + 4 * MIN + 5_000, NOW)).toBe('resets in 4 min 5 s');
    expect(countdownText(NOW + 45_000, NOW)).toBe('resets in 45 s');
  });

  it('changes from one second to the next without new data', () => {
    const resetsAt = NOW + 65_000;
    expect(countdownText(resetsAt, NOW)).toBe('resets in 1 min 5 s');
    expect(countdownText(resetsAt, NOW + 1000)).toBe('resets in 1 min 4 s');
  });

  it('says "resetting now" once the reset time has passed', () => {
    expect(countdownText(NOW - 5000, NOW)).toBe('resetting now');
  });

  it('has no text for a window that never resets', () => {
    expect(countdownText(null, NOW)).toBeNull();
  });

  it('never shows a negative duration', () => {
    expect(formatCountdown(-5000)).toBe('0 s');
  });
});

describe('age text', () => {
  it('reads "updated 7 min ago" for data fetched seven minutes ago', () => {
    expect(updatedText(NOW - 7 * MIN - 20_000, NOW)).toBe('updated 7 min ago');
  });

  it('says "updated just now" right after a fetch', () => {
    expect(updatedText(NOW - 10_000, NOW)).toBe('updated just now');
  });

  it('says "never updated" before the first successful fetch', () => {
    expect(updatedText(null, NOW)).toBe('never updated');
  });
});
