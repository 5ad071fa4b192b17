// Figures the tray and popover show: which window is the tightest, a live countdown's seconds, and
// plan labels; each a number or word a user reads directly.
import { describe, expect, it } from 'vitest';
import { emptySnapshot, makeWindow } from '../../core/model';
import { describeError, formatDuration, formatResetsIn, planLabel, tightestWindow } from '../../core/present';
import { MINUTE } from '../../core/time';

const win = (id: string, usedPercent: number | null) => makeWindow({ id, kind: 'session', label: id, usedPercent });

describe('the tightest window', () => {
  it('keeps the first of two windows at the same share', () => {
    const a = { ...emptySnapshot('codex', 'ok'), windows: [win('codex-week', 80)] };
    const b = { ...emptySnapshot('claude', 'ok'), windows: [win('claude-session', 80)] };
    expect(tightestWindow([a, b])?.window.id).toBe('codex-week');
    expect(tightestWindow([b, a])?.window.id).toBe('claude-session');
  });

  it('is a window at 0 % when that is all there is, and never one without a share', () => {
    const s = { ...emptySnapshot('codex', 'ok'), windows: [win('unknown', null), win('fresh', 0), win('also-unknown', null)] };
    expect(tightestWindow([s])?.window.id).toBe('fresh');
    expect(tightestWindow([{ ...s, windows: [win('unknown', null)] }])).toBeNull();
  });
});

describe('a live countdown', () => {
  it('shows minutes and seconds under ten minutes, and whole minutes from ten on', () => {
    expect(formatDuration(9 * MINUTE + 30_400, { live: true })).toBe('9 min 30 s');
    expect(formatDuration(9 * MINUTE + 30_400)).toBe('9 min');
    expect(formatDuration(5 * MINUTE, { live: true })).toBe('5 min');
    expect(formatDuration(10 * MINUTE + 30_000, { live: true })).toBe('10 min');
    expect(formatDuration(MINUTE + 1_999, { live: true })).toBe('1 min 1 s');
  });

  it('says "resetting now" under a whole second left, where the static text still counts it', () => {
    expect(formatResetsIn(1_000 + 999, 1_000, { live: true })).toBe('resetting now');
    expect(formatResetsIn(1_000 + 1_000, 1_000, { live: true })).toBe('resets in 1 s');
    expect(formatResetsIn(1_000 + 999, 1_000)).toBe('resets in 1 s');
  });
});

describe('plan labels', () => {
  it('turn separators into spaces, trim, and capitalise the first letter', () => {
    expect(planLabel('free_workspace')).toBe('Free workspace');
    expect(planLabel('_max-20x_')).toBe('Max 20x');
  });
});

describe('the overloaded answer', () => {
  it('says so, and that Quotabar retries shortly', () => {
    expect(describeError({ kind: 'upstream', status: 529, overloaded: true })).toEqual({
      reason: 'The provider is overloaded right now.',
      action: 'Quotabar will retry shortly.',
    });
  });
});
