// Edges of Claude's limits[] rows: which rows become windows, how a window's id and label are
// made from the model, surface or display name, and rows that must not repeat a window.
import { describe, expect, it } from 'vitest';
import type { UsageWindow } from '../../../../core/model';
import { claudeLimitWindows, slugify } from '../../../../core/providers/claude/limits';
import { claudeSessionWindow } from '../../../../core/providers/claude/windows';

const NOW = Date.UTC(2026, 8, 20, 12);
const RESET = '2026-09-24T09:00:00Z';
type Scope = { id?: string | null; display_name?: string | null; surface?: string | null };
const row = (percent: number, scope: Scope | null, extra: Record<string, unknown> = {}) => ({
  kind: 'weekly_scoped',
  group: 'weekly',
  percent,
  resets_at: RESET,
  scope: scope ? { model: { id: scope.id ?? null, display_name: scope.display_name ?? null }, surface: scope.surface ?? null } : null,
  ...extra,
});
const shown = (rows: unknown[], existing: UsageWindow[] = []) =>
  claudeLimitWindows(rows, existing, NOW).map((w) => [w.id, w.label, w.usedPercent]);

describe('a model-scoped weekly row', () => {
  it('is named by the model family its id or display name mentions, whatever the separators', () => {
    expect(shown([row(12, { id: 'claude_opus_4_5' })])).toEqual([['weekly:opus', 'Weekly (claude_opus_4_5)', 12]]);
    expect(shown([row(12, { id: 'claude-sonnet-4' })])).toEqual([['weekly:sonnet', 'Weekly (claude-sonnet-4)', 12]]);
    expect(shown([row(12, { id: 'model-x1', display_name: 'Haiku 4' })])).toEqual([['weekly:haiku', 'Weekly (Haiku 4)', 12]]);
  });

  it('reads an empty or blank id as missing and trims the display name', () => {
    expect(shown([row(43, { id: '  ', display_name: '  Fable  ' })])).toEqual([['weekly:fable', 'Weekly (Fable)', 43]]);
  });

  it('can be scoped by surface alone', () => {
    expect(shown([row(7, { surface: ' Claude Code ' })])).toEqual([['weekly:claude_code', 'Weekly (Claude Code)', 7]]);
  });

  it('is shown at 0 % but not with a negative percent', () => {
    expect(shown([row(0, { display_name: 'Fable' }), row(-1, { display_name: 'Ember' })])).toEqual([['weekly:fable', 'Weekly (Fable)', 0]]);
  });

  it('counts when either its kind or its group says weekly, and not otherwise', () => {
    const f = { display_name: 'Fable' };
    expect(shown([row(1, f, { group: null })])).toHaveLength(1);
    expect(shown([row(1, f, { kind: 'other' })])).toHaveLength(1);
    expect(shown([row(1, f, { kind: 'session', group: 'session' })])).toEqual([]);
  });

  it('is shown once when two rows give the same name', () => {
    expect(shown([row(5, { display_name: 'Fable' }), row(9, { display_name: 'fable' })])).toEqual([['weekly:fable', 'Weekly (Fable)', 5]]);
  });

  it('has its label cut at 40 characters', () => {
    const long = 'A model with a remarkably long display name indeed';
    expect(shown([row(5, { display_name: long })])[0]?.[1]).toBe(`Weekly (${long.slice(0, 40)})`);
  });
});

describe('an account-wide row', () => {
  const unscoped = (kind: string, percent: number) => ({ kind, group: null, percent, resets_at: RESET, scope: null });

  it('gives the session and general week only when the legacy keys did not', () => {
    expect(shown([unscoped('session', 30), unscoped('weekly_all', 20)])).toEqual([
      ['session', '5-hour', 30],
      ['weekly', 'Weekly', 20],
    ]);
    expect(shown([unscoped('session', 30)], [claudeSessionWindow(50, null)])).toEqual([]);
  });

  it('is not shown twice, nor when its kind is neither', () => {
    expect(shown([unscoped('session', 30), unscoped('session', 31), unscoped('monthly', 5)])).toEqual([['session', '5-hour', 30]]);
  });
});

describe('slugify', () => {
  it('joins lower-case words with one underscore and is null when nothing is left', () => {
    expect(slugify('  Opus 4.1 (beta) ')).toBe('opus_4_1_beta');
    expect(slugify('--__--')).toBeNull();
  });
});
