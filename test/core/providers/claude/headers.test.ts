import { describe, it, expect } from 'vitest';
import { parseAnthropicRateLimitHeaders } from '../../../../core/providers/claude/headers';
import { parseClaudeUsage } from '../../../../core/providers/claude/provider';
import { fixture } from '../load-fixture';

const headers = (name: string) => fixture<Record<string, string>>('anthropic', name);
const at = (iso: string) => Date.parse(iso);
const SESSION_RESET = 1789916400 * 1000; // 2026-09-20T15:00:00Z
const WEEK_RESET = 1790240400 * 1000; // 2026-09-24T09:00:00Z

describe('the unified rate-limit headers', () => {
  it('give the same 5-hour and weekly windows as the usage endpoint, as percentages', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-allowed'));
    expect(r.present).toBe(true);
    expect(r.status).toBe('allowed');
    expect(r.representativeClaim).toBe('five_hour');
    expect(r.resetsAt).toBe(SESSION_RESET);
    expect(r.windows).toEqual([
      { id: 'session', kind: 'session', label: '5-hour', usedPercent: 29, used: null, limit: null, remaining: null, unit: 'percent', resetsAt: SESSION_RESET, windowMinutes: 300 },
      { id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 61, used: null, limit: null, remaining: null, unit: 'percent', resetsAt: WEEK_RESET, windowMinutes: 10080 },
    ]);
    expect(r.notes).toEqual([]);
    expect(r.overage).toEqual({ status: 'allowed', usedPercent: 0, resetsAt: null, disabledReason: null, inUse: false });
  });

  it('match the endpoint window for window when both describe the same account', () => {
    const fromHeaders = parseAnthropicRateLimitHeaders({
      'anthropic-ratelimit-unified-5h-utilization': '0.23',
      'anthropic-ratelimit-unified-5h-reset': String(at('2026-09-20T15:00:00Z') / 1000),
      'anthropic-ratelimit-unified-7d-utilization': '0.61',
      'anthropic-ratelimit-unified-7d-reset': String(at('2026-09-24T09:00:00Z') / 1000),
    }).windows;
    const fromEndpoint = parseClaudeUsage(
      {
        five_hour: { utilization: 23, resets_at: '2026-09-20T15:00:00Z' },
        seven_day: { utilization: 61, resets_at: '2026-09-24T09:00:00+00:00' },
      },
      at('2026-09-20T12:00:00Z'),
    );
    expect(fromEndpoint.ok && fromEndpoint.value.windows).toEqual(fromHeaders);
  });

  it('keep utilization above 100 % and read header names in any case', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-rejected-no-overage'));
    expect(r.windows.find((w) => w.id === 'session')?.usedPercent).toBe(102);
    expect(r.windows.find((w) => w.id === 'weekly')?.usedPercent).toBe(84);
  });

  it('use the representative reset for the binding window when it has no reset of its own', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-rejected-no-overage'));
    expect(r.windows.find((w) => w.id === 'session')?.resetsAt).toBe(SESSION_RESET);
  });

  it('say the limit is reached when requests are rejected and overage is off', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-rejected-no-overage'));
    expect(r.status).toBe('rejected');
    expect(r.notes).toEqual([{ code: 'limit_reached' }]);
    expect(r.overage).toEqual({ status: 'rejected', usedPercent: null, resetsAt: null, disabledReason: 'out_of_credits', inUse: false });
  });

  it('count overage as in use when the plan limit is rejected but overage is allowed, and then do not say "limit reached"', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-rejected-overage-in-use'));
    expect(r.overage).toEqual({ status: 'allowed_warning', usedPercent: 82, resetsAt: 1790812800 * 1000, disabledReason: null, inUse: true });
    expect(r.notes).toEqual([]);
    expect(r.windows.map((w) => w.id)).toEqual(['weekly']);
  });

  it('accept reset times in milliseconds and drop ones outside a sane range', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-odd-resets'));
    expect(r.status).toBe('allowed_warning');
    expect(r.windows.find((w) => w.id === 'session')?.resetsAt).toBe(SESSION_RESET);
    expect(r.windows.find((w) => w.id === 'weekly')?.resetsAt).toBeNull();
    expect(r.resetsAt).toBeNull();
  });

  it('turn model-scoped weekly headers into their own labelled weekly windows', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-model-scoped'));
    expect(r.windows.map((w) => [w.id, w.label, w.usedPercent, w.windowMinutes])).toEqual([
      ['weekly', 'Weekly', 40, 10080],
      ['weekly:sonnet', 'Weekly (Sonnet)', 75, 10080],
      ['weekly:oi', 'Weekly (Oi)', 10, 10080],
    ]);
    expect(r.windows.find((w) => w.id === 'weekly:sonnet')?.resetsAt).toBe(WEEK_RESET);
  });

  it('report nothing present for API-key responses, and treat a missing status as allowed', () => {
    const r = parseAnthropicRateLimitHeaders(headers('headers-api-key'));
    expect(r).toEqual({ present: false, status: 'allowed', resetsAt: null, representativeClaim: null, windows: [], notes: [], overage: null });
  });

  it('drop unreadable or negative utilization instead of inventing a number', () => {
    const r = parseAnthropicRateLimitHeaders({
      'anthropic-ratelimit-unified-5h-utilization': 'high',
      'anthropic-ratelimit-unified-7d-utilization': '-0.2',
      'anthropic-ratelimit-unified-status': 'sideways',
    });
    expect(r.windows).toEqual([]);
    expect(r.status).toBe('allowed');
    expect(r.present).toBe(true);
  });

  it('accept repeated headers given as arrays', () => {
    const r = parseAnthropicRateLimitHeaders({ 'anthropic-ratelimit-unified-5h-utilization': ['0.5'] });
    expect(r.windows[0]?.usedPercent).toBe(50);
  });
});
