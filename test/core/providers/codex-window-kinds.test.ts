// Which Codex window is the 5-hour session and which the week, decided by size and never by
// position, with the label a user reads; and the credit notes under the Codex card.
import { describe, expect, it } from 'vitest';
import { classifyCodexWindows, codexNotes, codexWindowLabel, creditsOrNull, readCodexCredits, resetAfterSeconds, type RawCodexWindow } from '../../../core/providers/codex/windows';

const NOW = Date.UTC(2026, 8, 20, 12, 0, 0);
const raw = (usedPercent: number | null, windowMinutes: number | null, resetsAt: number | null = NOW + 3_600_000): RawCodexWindow => ({ usedPercent, windowMinutes, resetsAt });
const shape = (ws: ReturnType<typeof classifyCodexWindows>) => ws.map((w) => [w.id, w.kind, w.label, w.usedPercent, w.remaining, w.windowMinutes]);

describe('session or week, by size', () => {
  it('takes the shorter of two sized windows as the session, whichever comes first, listing the session first', () => {
    expect(shape(classifyCodexWindows(raw(60, 10080), raw(20, 300)))).toEqual([
      ['session', 'session', '5-hour', 20, 80, 300],
      ['weekly', 'weekly', 'Weekly', 60, 40, 10080],
    ]);
    expect(shape(classifyCodexWindows(raw(20, 300), raw(60, 10080)))[0]?.[0]).toBe('session');
  });

  it('classifies by the one known size: up to 6 hours is the session, the other window the rest', () => {
    expect(shape(classifyCodexWindows(raw(20, 360), raw(60, null))).map((r) => r[1])).toEqual(['session', 'weekly']);
    expect(shape(classifyCodexWindows(raw(20, 361), raw(60, null))).map((r) => [r[0], r[3]])).toEqual([['session', 60], ['weekly', 20]]);
    expect(shape(classifyCodexWindows(raw(20, null), raw(60, 300))).map((r) => [r[0], r[3]])).toEqual([['session', 60], ['weekly', 20]]);
    expect(shape(classifyCodexWindows(raw(20, null), raw(60, 10080))).map((r) => [r[0], r[3]])).toEqual([['session', 20], ['weekly', 60]]);
  });

  it('treats a size of zero or less as unknown', () => {
    expect(shape(classifyCodexWindows(raw(20, 0), null))).toEqual([['weekly', 'weekly', 'Weekly (size not reported)', 20, 80, null]]);
    expect(shape(classifyCodexWindows(raw(20, -300), null))[0]?.[5]).toBeNull();
  });

  it('keeps two windows of one size apart by id', () => {
    expect(shape(classifyCodexWindows(raw(20, 300), raw(30, 300))).map((r) => r[0])).toEqual(['session', 'session:secondary']);
  });

  it('drops zero placeholders but keeps a 0 % window that has a size or a reset', () => {
    expect(classifyCodexWindows(raw(0, null, null), raw(0, 0, null))).toEqual([]);
    expect(shape(classifyCodexWindows(raw(0, 300, null), null))[0]?.[0]).toBe('session');
    expect(shape(classifyCodexWindows(raw(0, null, NOW), null))[0]?.[0]).toBe('weekly');
    expect(classifyCodexWindows(raw(null, 300), raw(Number.NaN, 300))).toEqual([]);
  });
});

describe('window labels', () => {
  it('name whole days, whole hours, and minutes otherwise', () => {
    expect(codexWindowLabel('weekly', 2880)).toBe('2-day');
    expect(codexWindowLabel('session', 300)).toBe('5-hour');
    expect(codexWindowLabel('session', 90)).toBe('90-minute');
    expect(codexWindowLabel('session', null)).toBe('5-hour (size not reported)');
  });
});

describe('credit notes', () => {
  it('say unlimited, or the balance, but not the 0 every plain plan reports', () => {
    expect(codexNotes(null, { hasCredits: true, unlimited: true, balance: 5 }, false)).toEqual([{ code: 'unlimited_credits' }]);
    expect(codexNotes(null, { hasCredits: true, unlimited: false, balance: 12.5 }, false)).toEqual([{ code: 'credits_balance', balance: 12.5, unit: 'credits' }]);
    expect(codexNotes(null, { hasCredits: false, unlimited: false, balance: 0 }, false)).toEqual([]);
    expect(codexNotes(null, { hasCredits: true, unlimited: false, balance: 0 }, false)).toEqual([{ code: 'credits_balance', balance: 0, unit: 'credits' }]);
    expect(codexNotes(null, { hasCredits: false, unlimited: null, balance: 3 }, false)).toEqual([{ code: 'credits_balance', balance: 3, unit: 'credits' }]);
  });

  it('read a credits object only when it says something', () => {
    expect(readCodexCredits({})).toBeNull();
    expect(readCodexCredits({ has_credits: false })).toEqual({ hasCredits: false, unlimited: null, balance: null });
    expect(readCodexCredits({ unlimited: 'true' })).toEqual({ hasCredits: null, unlimited: true, balance: null });
    expect(readCodexCredits({ balance: '4.5' })).toEqual({ hasCredits: null, unlimited: null, balance: 4.5 });
    expect(creditsOrNull({ hasCredits: null, unlimited: null, balance: null })).toBeNull();
  });
});

describe('a reset sent as seconds from now', () => {
  it('is now plus the delay when the delay is positive and there is a clock', () => {
    expect(resetAfterSeconds(90, NOW)).toBe(NOW + 90_000);
    expect(resetAfterSeconds(0, NOW)).toBeNull();
    expect(resetAfterSeconds(90, null)).toBeNull();
    expect(resetAfterSeconds(null, NOW)).toBeNull();
  });
});
