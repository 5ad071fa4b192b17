import { describe, it, expect } from 'vitest';
import { formatDuration, formatResetsIn } from '../../core/present';
import { updatedText } from '../../renderer/view-model/format';

// The popover's countdown: core's one duration formatter in its live form.
const LIVE = { live: true };

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('countdown text', () => {
  it('reads "resets in 3 h 12 min" for a reset a few hours away', () => {
    expect(formatResetsIn(NOW + 3 * HOUR + 12 * MIN + 40_000, NOW, LIVE)).toBe('resets in 3 h 12 min');
  });

  it('shows days and hours for a weekly window', () => {
    expect(formatResetsIn(NOW + 4 * 24 * HOUR + 5 * HOUR, NOW, LIVE)).toBe('resets in 4 d 5 h');
  });

  it('drops a zero second unit instead of saying "0 min"', () => {
    expect(formatResetsIn(NOW + 2 * HOUR, NOW, LIVE)).toBe('resets in 2 h');
    expect(formatResetsIn(NOW + 24 * HOUR, NOW, LIVE)).toBe('resets in 1 d');
  });

  it('shows seconds only in the last ten minutes, so it visibly ticks near the reset', () => {
    expect(formatResetsIn(NOW + 42 * MIN + 30_000, NOW, LIVE)).toBe('resets in 42 min');
    expect(formatResetsIn(NOW + 4 * MIN + 5_000, NOW, LIVE)).toBe('resets in 4 min 5 s');
    expect(formatResetsIn(NOW + 45_000, NOW, LIVE)).toBe('resets in 45 s');
  });

  it('changes from one second to the next without new data', () => {
    const resetsAt = NOW + 65_000;
    expect(formatResetsIn(resetsAt, NOW, LIVE)).toBe('resets in 1 min 5 s');
    expect(formatResetsIn(resetsAt, NOW + 1000, LIVE)).toBe('resets in 1 min 4 s');
  });

  it('says "resetting now" once the reset time has passed', () => {
    expect(formatResetsIn(NOW - 5000, NOW, LIVE)).toBe('resetting now');
  });

  it('has no text for a window that never resets', () => {
    expect(formatResetsIn(null, NOW, LIVE)).toBeNull();
  });

  it('adds seconds only to the live countdown: the tray, redrawn each minute, says "4 min"', () => {
    expect(formatResetsIn(NOW + 4 * MIN + 5_000, NOW, LIVE)).toBe('resets in 4 min 5 s');
    expect(formatResetsIn(NOW + 4 * MIN + 5_000, NOW)).toBe('resets in 4 min');
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-5000, LIVE)).toBe('0 s');
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
