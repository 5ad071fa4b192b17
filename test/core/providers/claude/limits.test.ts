import { describe, expect, it } from 'vitest';
import type { UsageWindow } from '../../../../core/model';
import { parseAnthropicRateLimitHeaders } from '../../../../core/providers/claude/headers';
import { parseClaudeUsage } from '../../../../core/providers/claude/provider';
import { fixture } from '../load-fixture';

const NOW = Date.UTC(2026, 8, 20, 12);
const WEEK_RESET = Date.UTC(2026, 8, 24, 9);

function windows(body: unknown): UsageWindow[] {
  const r = parseClaudeUsage(body, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.windows;
}
const row = (percent: number, model: { id: string | null; display_name: string | null } | null, extra: Record<string, unknown> = {}) => ({
  kind: 'weekly_scoped', group: 'weekly', percent, resets_at: '2026-09-24T09:00:00.000000+00:00',
  scope: model ? { model, surface: null } : null, is_active: false, ...extra,
});

describe('Claude limits[] (2026 shape)', () => {
  it('shows a model week named only by its display name, and an inactive model week, when the legacy keys are null', () => {
    const ws = windows(fixture('claude', 'usage-limits-2026'));
    expect(ws.map((w) => [w.id, w.kind, w.label, w.usedPercent, w.resetsAt, w.windowMinutes])).toEqual([
      ['session', 'session', '5-hour', 29, Date.UTC(2026, 8, 20, 15, 0, 0, 412), 300],
      ['weekly', 'weekly', 'Weekly', 26, WEEK_RESET, 10080],
      ['weekly:fable', 'weekly', 'Weekly (Fable)', 43, WEEK_RESET, 10080],
      ['weekly:opus', 'weekly', 'Weekly (Opus 4.5)', 12, WEEK_RESET, 10080],
    ]);
  });

  it('takes the session and general week from limits[] when five_hour and seven_day are null', () => {
    expect(windows(fixture('claude', 'usage-limits-only')).map((w) => [w.id, w.usedPercent])).toEqual([
      ['weekly', 39],
      ['weekly:fable', 69],
    ]);
  });

  it('does not repeat a model week the legacy key already shows', () => {
    const ws = windows({
      seven_day_opus: { utilization: 30, resets_at: '2026-09-24T09:00:00Z' },
      limits: [row(31, { id: 'claude-opus-4-1', display_name: 'Opus 4.1' })],
    });
    expect(ws.map((w) => [w.id, w.usedPercent])).toEqual([['weekly:opus', 30]]);
  });

  it('builds ids from the model id, else the slugified display name, and keeps two models of one family apart', () => {
    const ws = windows({
      limits: [
        row(1, { id: 'claude-opus-4', display_name: 'Opus 4' }),
        row(2, { id: 'claude-opus-4-1', display_name: null }),
        row(3, { id: null, display_name: 'Deep Research (beta)' }),
        row(4, { id: 'gpt-x.1', display_name: 'X' }),
      ],
    });
    expect(ws.map((w) => [w.id, w.label, w.usedPercent])).toEqual([
      ['weekly:opus', 'Weekly (Opus 4)', 1],
      ['weekly:claude_opus_4_1', 'Weekly (claude-opus-4-1)', 2],
      ['weekly:deep_research_beta', 'Weekly (Deep Research (beta))', 3],
      ['weekly:gpt_x_1', 'Weekly (X)', 4],
    ]);
  });

  it('gives the same id on every fetch, whatever the order of the rows', () => {
    const a = row(10, { id: null, display_name: 'Fable' });
    const b = row(20, { id: 'claude-sonnet-4-5', display_name: 'Sonnet 4.5' });
    const ids = (rows: unknown[]) => windows({ limits: rows }).map((w) => w.id).sort();
    expect(ids([a, b])).toEqual(ids([b, a]));
  });

  it('skips unnamed, all-models and garbled rows', () => {
    const ws = windows({
      limits: [
        row(5, { id: null, display_name: null }),
        row(6, { id: 'all-models', display_name: null }),
        row(7, { id: null, display_name: 'Fable' }, { percent: 'lots' }),
        'garbage',
        null,
      ],
    });
    expect(ws).toEqual([]);
  });
});

describe('Claude reset sanity', () => {
  it('keeps the window but drops a year-9999 reset, in the legacy keys and in limits[]', () => {
    const ws = windows({
      five_hour: { utilization: 5, resets_at: '9999-12-31T23:59:59+00:00' },
      seven_day: { utilization: 6, resets_at: '2026-09-24T09:00:00Z' },
      limits: [row(7, { id: null, display_name: 'Fable' }, { resets_at: '9999-12-31T23:59:59.999999+00:00' })],
    });
    expect(ws.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['session', 5, null],
      ['weekly', 6, WEEK_RESET],
      ['weekly:fable', 7, null],
    ]);
  });

  it('reads a reset with no offset as UTC', () => {
    const ws = windows({ five_hour: { utilization: 5, resets_at: '2026-09-20T15:00:00.123456' } });
    expect(ws[0]?.resetsAt).toBe(Date.UTC(2026, 8, 20, 15, 0, 0, 123));
  });

  it('applies the same rule to the unified headers', () => {
    const r = parseAnthropicRateLimitHeaders({
      'anthropic-ratelimit-unified-5h-utilization': '0.2',
      'anthropic-ratelimit-unified-5h-reset': String(Date.UTC(2200, 0, 1) / 1000),
      'anthropic-ratelimit-unified-7d-utilization': '0.3',
      'anthropic-ratelimit-unified-7d-reset': String(WEEK_RESET / 1000),
    }, NOW);
    expect(r.windows.map((w) => [w.id, w.resetsAt])).toEqual([['session', null], ['weekly', WEEK_RESET]]);
  });
});
