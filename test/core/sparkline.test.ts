import { describe, expect, it } from 'vitest';
import { sparkArea, sparkPath, sparkPeriod } from '../../core/sparkline';
import { HOUR, MINUTE } from '../../core/time';

const NOW = Date.UTC(2026, 11, 1, 12);

describe('a sparkline’s period', () => {
  it('is the window’s current period, from reset minus its length to the reset', () => {
    expect(sparkPeriod({ resetsAt: NOW + HOUR, windowMinutes: 300 }, NOW)).toEqual({ from: NOW - 4 * HOUR, to: NOW + HOUR });
  });

  it('is none for a balance, an unknown reset, or numbers that put the period in the future', () => {
    expect(sparkPeriod({ resetsAt: null, windowMinutes: 300 }, NOW)).toBeNull();
    expect(sparkPeriod({ resetsAt: NOW + HOUR, windowMinutes: null }, NOW)).toBeNull();
    expect(sparkPeriod({ resetsAt: NOW + 6 * HOUR, windowMinutes: 300 }, NOW)).toBeNull();
    expect(sparkPeriod({ resetsAt: NOW + HOUR, windowMinutes: 0 }, NOW)).toBeNull();
  });
});

describe('a sparkline’s path', () => {
  const line = { from: NOW - 100 * MINUTE, to: NOW + 100 * MINUTE };
  it('runs across the period left to right and up the box with used %', () => {
    const points = [
      { at: NOW - 100 * MINUTE, usedPercent: 0 },
      { at: NOW, usedPercent: 50 },
      { at: NOW + 100 * MINUTE, usedPercent: 100 },
    ];
    expect(sparkPath({ ...line, points }, 200, 20)).toBe('M0.0 20.0 L100.0 10.0 L200.0 0.0');
  });

  it('clamps over-limit readings to the top, drops readings outside the period, and needs two points', () => {
    const points = [
      { at: NOW - 200 * MINUTE, usedPercent: 10 },
      { at: NOW - 50 * MINUTE, usedPercent: 130 },
      { at: NOW, usedPercent: Number.NaN },
    ];
    expect(sparkPath({ ...line, points }, 200, 20)).toBeNull();
    expect(sparkPath({ ...line, points: [...points, { at: NOW + 50 * MINUTE, usedPercent: -5 }] }, 200, 20)).toBe('M50.0 0.0 L150.0 20.0');
  });

  it('closes the area under the line along the bottom', () => {
    expect(sparkArea('M50.0 0.0 L150.0 20.0', 20)).toBe('M50.0 0.0 L150.0 20.0 L150.0 20 L50.0 20 Z');
  });
});
