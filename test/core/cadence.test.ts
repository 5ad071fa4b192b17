import { describe, expect, it } from 'vitest';
import { adaptiveIntervalMs, nearThreshold, NO_ACTIVITY, windowsChanged, type CadenceFacts } from '../../core/cadence';
import { makeWindow } from '../../core/model';
import { MINUTE } from '../../core/time';

const NOW = Date.UTC(2026, 11, 1, 12);
const win = (usedPercent: number | null, id = 'session') =>
  makeWindow({ id, kind: 'session', label: '5-hour', usedPercent, resetsAt: null, windowMinutes: 300 });
const facts = (over: Partial<CadenceFacts> = {}): CadenceFacts => ({
  now: NOW,
  changedAt: NOW,
  windows: [win(30)],
  thresholds: [80, 95],
  signals: NO_ACTIVITY,
  ...over,
});
const quietFor = (min: number) => facts({ changedAt: NOW - min * MINUTE });

describe('adaptive polling interval', () => {
  it('polls every 2 minutes while usage is moving, then slows to 5, 15 and 30 minutes as it stands still', () => {
    expect(adaptiveIntervalMs(quietFor(0))).toBe(2 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(14))).toBe(2 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(15))).toBe(5 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(59))).toBe(5 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(60))).toBe(15 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(3 * 60))).toBe(30 * MINUTE);
    expect(adaptiveIntervalMs(quietFor(48 * 60))).toBe(30 * MINUTE);
  });

  it('polls every minute while a window is within 10 points below a threshold it has not reached', () => {
    expect(adaptiveIntervalMs({ ...quietFor(300), windows: [win(70)] })).toBe(MINUTE);
    expect(adaptiveIntervalMs({ ...quietFor(300), windows: [win(69.9)] })).toBe(30 * MINUTE);
    // Past 80 but near 95: the next threshold is watched.
    expect(adaptiveIntervalMs({ ...quietFor(300), windows: [win(88)] })).toBe(MINUTE);
    // Past every threshold there is nothing left to catch.
    expect(adaptiveIntervalMs({ ...quietFor(300), windows: [win(97)] })).toBe(30 * MINUTE);
    expect(adaptiveIntervalMs({ ...quietFor(300), windows: [win(null), win(30, 'weekly')] })).toBe(30 * MINUTE);
  });

  it('polls every minute for 10 minutes after the popover was opened', () => {
    const looked = (minAgo: number) => ({ ...quietFor(300), signals: { ...NO_ACTIVITY, lookedAt: NOW - minAgo * MINUTE } });
    expect(adaptiveIntervalMs(looked(0))).toBe(MINUTE);
    expect(adaptiveIntervalMs(looked(9))).toBe(MINUTE);
    expect(adaptiveIntervalMs(looked(10))).toBe(30 * MINUTE);
  });

  it('doubles on battery (at most 30 minutes) and waits 30 minutes while the screen is locked, even near a threshold', () => {
    const battery = { ...NO_ACTIVITY, onBattery: true };
    expect(adaptiveIntervalMs({ ...quietFor(0), signals: battery })).toBe(4 * MINUTE);
    expect(adaptiveIntervalMs({ ...quietFor(60), signals: battery })).toBe(30 * MINUTE);
    expect(adaptiveIntervalMs({ ...quietFor(0), windows: [win(75)], signals: battery })).toBe(MINUTE);
    const locked = { ...NO_ACTIVITY, screenLocked: true, lookedAt: NOW };
    expect(adaptiveIntervalMs({ ...quietFor(0), windows: [win(75)], signals: locked })).toBe(30 * MINUTE);
  });

  it('treats an account never read yet as moving', () => {
    expect(adaptiveIntervalMs(facts({ changedAt: null, windows: [] }))).toBe(2 * MINUTE);
  });
});

describe('what counts as a change', () => {
  it('sees a moved figure, a new window and a gone one, and nothing when the numbers are the same', () => {
    expect(windowsChanged([win(30)], [win(30)])).toBe(false);
    expect(windowsChanged([win(30)], [win(31)])).toBe(true);
    expect(windowsChanged([win(30)], [win(30), win(5, 'weekly')])).toBe(true);
    expect(windowsChanged([win(30), win(5, 'weekly')], [win(30)])).toBe(true);
  });

  it('near a threshold means below it by at most 10 points', () => {
    expect(nearThreshold([win(80)], [80])).toBe(false);
    expect(nearThreshold([win(79.5)], [80])).toBe(true);
    expect(nearThreshold([win(Number.NaN)], [80])).toBe(false);
  });
});
