import { describe, expect, it } from 'vitest';
import { codexCostParser } from '../../../core/providers/codex/cost-log';
import { codexContext, codexTokens } from './fixtures';

describe('Codex session logs as usage', () => {
  it('counts the difference between successive token_count totals, cached input apart from input', () => {
    const p = codexCostParser(null);
    expect(p.line(codexContext('gpt-5-codex'))).toBeNull();
    const a = p.line(codexTokens('2026-11-30T12:00:01Z', 1000, 400, 100));
    const b = p.line(codexTokens('2026-11-30T12:00:02Z', 1500, 800, 150));
    expect(a).toMatchObject({ model: 'gpt-5-codex', input: 600, cacheRead: 400, output: 100, cacheCreation: 0, key: null });
    expect(b).toMatchObject({ input: 100, cacheRead: 400, output: 50 });
  });

  it('skips a repeated total (no new usage) and continues from a saved state on the next run', () => {
    const p = codexCostParser(null);
    p.line(codexContext('gpt-5.1-codex'));
    p.line(codexTokens('2026-11-30T12:00:01Z', 1000, 0, 10));
    expect(p.line(codexTokens('2026-11-30T12:00:02Z', 1000, 0, 10))).toBeNull();
    const next = codexCostParser(JSON.parse(JSON.stringify(p.state())));
    expect(next.line(codexTokens('2026-11-30T12:00:03Z', 1200, 0, 20))).toMatchObject({ model: 'gpt-5.1-codex', input: 200, output: 10 });
  });

  it('ignores other events and lines that are not JSON', () => {
    const p = codexCostParser(null);
    expect(p.line('{"type":"event_msg","payload":{"type":"agent_message","message":"token_count"}}')).toBeNull();
    expect(p.line('not json token_count')).toBeNull();
  });
});
