import { describe, it, expect } from 'vitest';
import { parseCodexHeaders } from '../../../../core/providers/codex/headers';
import { classifyCodexWindows } from '../../../../core/providers/codex/windows';
import { fixture } from '../load-fixture';

const NOW = Date.parse('2026-09-20T12:00:00Z');

const headers = (name: string) => parseCodexHeaders(fixture<Record<string, string>>('codex', name), NOW)!;
const summary = (name: string) => headers(name).windows.map((w) => [w.id, w.kind, w.label, w.usedPercent, w.windowMinutes, w.resetsAt]);

describe('x-codex-* headers', () => {
  it('reads a 5-hour primary and a weekly secondary', () => {
    expect(summary('headers-primary-5h-secondary-weekly')).toEqual([
      ['session', 'session', '5-hour', 47, 300, 1790003600_000],
      ['weekly', 'weekly', 'Weekly', 9, 10080, 1790398480_000],
    ]);
    expect(headers('headers-primary-5h-secondary-weekly').plan).toBe('plus');
  });

  it('calls the 5-hour window the session even when it arrives as the secondary', () => {
    expect(summary('headers-primary-weekly-secondary-5h')).toEqual([
      ['session', 'session', '5-hour', 47, 300, NOW + 6120_000],
      ['weekly', 'weekly', 'Weekly', 9, 10080, NOW + 401_000_000],
    ]);
  });

  it('shows a weekly-only set as one weekly window, ignoring the zero secondary', () => {
    expect(summary('headers-weekly-only')).toEqual([['weekly', 'weekly', 'Weekly', 18, 10080, 1790398480_000]]);
    expect(headers('headers-weekly-only').notes).toEqual([{ code: 'plan', plan: 'free' }]);
  });

  it('gives no windows and no notes for empty and zero windows', () => {
    expect(headers('headers-empty-windows')).toEqual({ windows: [], notes: [], plan: null });
  });

  it('prefers reset-at over reset-after-seconds when both are sent', () => {
    const r = parseCodexHeaders(
      { 'x-codex-primary-used-percent': '5', 'x-codex-primary-window-minutes': '300', 'x-codex-primary-reset-at': '1790003600', 'x-codex-primary-reset-after-seconds': '60' },
      NOW,
    )!;
    expect(r.windows[0]!.resetsAt).toBe(1790003600_000);
  });

  it('reads credits (booleans in any case or as 1/0) and the plan', () => {
    expect(headers('headers-credits').notes).toEqual([
      { code: 'plan', plan: 'pro' },
      { code: 'credits_balance', balance: 37.5, unit: 'credits' },
    ]);
  });

  it('notes unlimited credits instead of a balance', () => {
    const r = parseCodexHeaders({ 'x-codex-credits-unlimited': 'true', 'x-codex-credits-balance': '0' }, NOW)!;
    expect(r.notes).toEqual([{ code: 'unlimited_credits' }]);
  });

  it('notes a reached limit', () => {
    expect(headers('headers-limit-reached').notes).toEqual([{ code: 'limit_reached' }]);
  });

  it('accepts header names in any case', () => {
    const r = parseCodexHeaders({ 'X-Codex-Primary-Used-Percent': '20', 'X-Codex-Primary-Window-Minutes': '10080' }, NOW)!;
    expect(r.windows.map((w) => [w.kind, w.usedPercent])).toEqual([['weekly', 20]]);
  });

  it('returns null for a reply without any x-codex header, so the caller keeps what it knew', () => {
    expect(parseCodexHeaders({ 'content-type': 'text/event-stream' }, NOW)).toBeNull();
  });
});

describe('classifyCodexWindows', () => {
  const w = (usedPercent: number | null, windowMinutes: number | null, resetsAt: number | null = null) => ({ usedPercent, windowMinutes, resetsAt });
  const kinds = (...args: Parameters<typeof classifyCodexWindows>) => classifyCodexWindows(...args).map((x) => [x.kind, x.usedPercent]);

  it('takes a lone window of at most 360 minutes as the session, longer as weekly', () => {
    expect(kinds(w(10, 360), null)).toEqual([['session', 10]]);
    expect(kinds(null, w(10, 361))).toEqual([['weekly', 10]]);
  });

  it('gives the unsized window of a pair the kind its sized partner leaves', () => {
    expect(kinds(w(10, null, 1), w(20, 300))).toEqual([['session', 20], ['weekly', 10]]);
    expect(kinds(w(10, 10080), w(20, null, 1))).toEqual([['session', 20], ['weekly', 10]]);
  });

  it("follows sub2api for two unsized windows (primary weekly) and labels both as unsized", () => {
    const out = classifyCodexWindows(w(10, null, 1), w(20, null, 1));
    expect(out.map((x) => [x.kind, x.usedPercent, x.label])).toEqual([
      ['session', 20, '5-hour (size not reported)'],
      ['weekly', 10, 'Weekly (size not reported)'],
    ]);
  });

  it('keeps two windows of the same size under distinct ids', () => {
    expect(classifyCodexWindows(w(10, 300), w(20, 300)).map((x) => x.id)).toEqual(['session', 'session:secondary']);
  });

  it('keeps a window with 0% used when it has a size or a reset time', () => {
    expect(kinds(w(0, 300), w(0, null, 1790003600_000))).toEqual([['session', 0], ['weekly', 0]]);
    expect(kinds(w(0, 0), w(null, 10080))).toEqual([]);
  });

  it('keeps over-limit values raw', () => {
    expect(classifyCodexWindows(w(130, 300), null)[0]).toMatchObject({ usedPercent: 130, remaining: -30 });
  });
});
