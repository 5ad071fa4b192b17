// The demo server (demo/server.ts) answers with these payloads for screenshots, the preview and the
// e2e suite. Read through each provider's own parser, they must show what their comments promise.
import { describe, expect, it } from 'vitest';
import { claudeUsageBody } from '../../../core/providers/claude/demo';
import { parseClaudeUsage } from '../../../core/providers/claude/provider';
import { codexUsageBody } from '../../../core/providers/codex/demo';
import { parseUsageResponse } from '../../../core/providers/codex/provider';
import { openRouterKeyBody } from '../../../core/providers/openrouter/demo';
import { parseKeyResponse, toOpenRouterWindows } from '../../../core/providers/openrouter/provider';
import { formatResetsIn } from '../../../core/present';

const NOW = Date.UTC(2026, 8, 16, 15, 30); // a Wednesday
const figures = (ws: Array<{ id: string; usedPercent: number | null; resetsAt: number | null }>) =>
  ws.map((w) => [w.id, w.usedPercent, formatResetsIn(w.resetsAt, NOW)]);

describe('the demo payloads', () => {
  it('Codex: a Plus plan, the 5-hour window at 37 %, the weekly at 62 %, no credits line', () => {
    const r = parseUsageResponse(codexUsageBody(NOW), NOW);
    expect(r?.plan).toBe('plus');
    expect(figures(r?.windows ?? [])).toEqual([
      ['session', 37, 'resets in 1 h 42 min'],
      ['weekly', 62, 'resets in 3 d 5 h'],
    ]);
    expect(r?.windows.map((w) => w.windowMinutes)).toEqual([300, 10080]);
    expect(r?.notes).toEqual([{ code: 'plan', plan: 'plus' }]);
  });

  it('Claude: the 5-hour window past the alert line, the week, Sonnet’s week and $12.50 of $50 extra usage', () => {
    const r = parseClaudeUsage(claudeUsageBody(NOW), NOW);
    if (!r.ok) throw new Error('demo body did not parse');
    expect(figures(r.value.windows)).toEqual([
      ['session', 83, 'resets in 47 min'],
      ['weekly', 41, 'resets in 4 d 2 h'],
      ['weekly:sonnet', 12, 'resets in 4 d 2 h'],
      ['credits', 25, null],
    ]);
    expect(r.value.windows[3]).toMatchObject({ used: 12.5, limit: 50, remaining: 37.5, unit: 'usd' });
  });

  it('OpenRouter: a weekly $20 cap with the dollars left the demo asks for, under the label it is given', () => {
    const info = parseKeyResponse(openRouterKeyBody('sk-or-v1-dem…e41', 0.8));
    expect(info?.label).toBe('sk-or-v1-dem…e41');
    const { windows } = toOpenRouterWindows(info!, null, NOW);
    expect(windows.map((w) => [w.kind, w.remaining, w.limit, w.used, w.unit])).toEqual([['credits', 0.8, 20, 19.2, 'usd']]);
    expect(toOpenRouterWindows(parseKeyResponse(openRouterKeyBody('x'))!, null, NOW).windows[0]?.remaining).toBe(12.37);
  });
});
