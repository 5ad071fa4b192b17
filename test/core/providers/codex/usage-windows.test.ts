// Edges of the Codex /wham/usage body: a window's size from its seconds, and the extra limit
// families (additional_rate_limits) that become their own named windows.
import { describe, expect, it } from 'vitest';
import { parseUsageResponse } from '../../../../core/providers/codex/provider';

const NOW = Date.UTC(2026, 8, 20, 12);
const RESET = NOW / 1000 + 3600;
const win = (used: number, seconds: unknown) => ({ used_percent: used, limit_window_seconds: seconds, reset_at: RESET });
const family = (name: Record<string, unknown>, rate: unknown = { primary_window: win(10, 18_000) }) => ({ ...name, rate_limit: rate });
const shown = (body: unknown) => (parseUsageResponse(body, NOW)?.windows ?? []).map((w) => [w.id, w.label, w.usedPercent]);

describe('the size of a window', () => {
  it('is its seconds rounded up to whole minutes, and unknown when zero, negative or missing', () => {
    const minutes = (seconds: unknown) => parseUsageResponse({ rate_limit: { primary_window: win(10, seconds) } }, NOW)?.windows[0]?.windowMinutes;
    expect(minutes(18_000)).toBe(300);
    expect(minutes(18_001)).toBe(301);
    expect(minutes(0)).toBeNull();
    expect(minutes(-60)).toBeNull();
    expect(minutes('soon')).toBeNull();
  });
});

describe('extra limit families', () => {
  it('become windows named after the family, with ids made of its words', () => {
    expect(shown({ additional_rate_limits: [family({ limit_name: '  GPT-5.3 Codex (Spark)!  ' })] })).toEqual([
      ['session:gpt-5-3-codex-spark', '5-hour (GPT-5.3 Codex (Spark)!)', 10],
    ]);
  });

  it('are named by metered_feature when they have no limit_name', () => {
    expect(shown({ additional_rate_limits: [family({ metered_feature: 'code_review' })] })).toEqual([['session:code-review', '5-hour (code_review)', 10]]);
  });

  it('are left out when they have no name made of letters or digits, or no rate limit', () => {
    expect(shown({ additional_rate_limits: [family({ limit_name: '***' }), family({}), { limit_name: 'Spark' }, null, 'x'] })).toEqual([]);
  });

  it('are shown once when two entries share a name, and never replace the main windows', () => {
    const body = {
      rate_limit: { primary_window: win(40, 18_000) },
      additional_rate_limits: [family({ limit_name: 'Spark' }), family({ limit_name: 'spark' }, { primary_window: win(90, 18_000) })],
    };
    expect(shown(body)).toEqual([
      ['session', '5-hour', 40],
      ['session:spark', '5-hour (Spark)', 10],
    ]);
  });

  it('have their name cut at 40 characters in the label', () => {
    const name = 'A very long limit family name that goes on and on';
    expect(shown({ additional_rate_limits: [family({ limit_name: name })] })[0]?.[1]).toBe(`5-hour (${name.slice(0, 40)})`);
  });
});
