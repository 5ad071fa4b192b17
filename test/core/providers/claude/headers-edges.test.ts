// Edges of the anthropic-ratelimit-unified-* headers: per-model resets, which window the
// representative reset belongs to, when overage counts as in use, and headers that are not there.
import { describe, expect, it } from 'vitest';
import { parseAnthropicRateLimitHeaders } from '../../../../core/providers/claude/headers';

const NOW = Date.UTC(2026, 8, 20, 12);
const R1 = Date.UTC(2026, 8, 20, 15); // a 5-hour reset
const R2 = Date.UTC(2026, 8, 24, 9); // a weekly reset
const R3 = Date.UTC(2026, 8, 25, 9);
const secs = (ms: number) => String(ms / 1000);
const H = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [`anthropic-ratelimit-unified-${k}`, v]));
const parse = (h: Record<string, string>) => parseAnthropicRateLimitHeaders(H(h), NOW);
const resetOf = (h: Record<string, string>, id: string) => parse(h).windows.find((w) => w.id === id)?.resetsAt;

describe('per-model weekly headers', () => {
  it('take the reset sent for that model', () => {
    const r = parse({ '7d_opus-utilization': '0.4', '7d_opus-reset': secs(R3), '7d-utilization': '0.2', '7d-reset': secs(R2) });
    expect(r.windows.map((w) => [w.id, w.usedPercent, w.resetsAt])).toEqual([
      ['weekly', 20, R2],
      ['weekly:opus', 40, R3],
    ]);
  });

  it('are left out when their utilization is unreadable', () => {
    expect(parse({ '7d_opus-utilization': 'n/a' }).windows).toEqual([]);
  });
});

describe('the representative reset', () => {
  const base = { '5h-utilization': '0.5', '7d-utilization': '0.2', '7d_opus-utilization': '0.1', reset: secs(R3) };

  it('goes to the window the representative claim names, and only to it', () => {
    expect(resetOf({ ...base, 'representative-claim': 'five_hour' }, 'session')).toBe(R3);
    expect(resetOf({ ...base, 'representative-claim': 'five_hour' }, 'weekly')).toBeNull();
    expect(resetOf({ ...base, 'representative-claim': 'seven_day' }, 'weekly')).toBe(R3);
    expect(resetOf({ ...base, 'representative-claim': 'seven_day' }, 'session')).toBeNull();
    expect(resetOf({ ...base, 'representative-claim': 'seven_day_opus' }, 'weekly:opus')).toBe(R3);
    expect(resetOf({ ...base, 'representative-claim': 'seven_day_opus' }, 'weekly')).toBeNull();
  });

  it('goes nowhere for a claim naming no window (overage) or no claim at all', () => {
    for (const claim of ['overage', 'opus_seven_day', '']) {
      expect(parse({ ...base, 'representative-claim': claim }).windows.map((w) => w.resetsAt), claim).toEqual([null, null, null]);
    }
    expect(parse(base).windows.map((w) => w.resetsAt)).toEqual([null, null, null]);
  });

  it('never replaces the window’s own reset', () => {
    expect(resetOf({ ...base, '5h-reset': secs(R1), 'representative-claim': 'five_hour' }, 'session')).toBe(R1);
  });

  it('is reported even without a claim', () => {
    expect(parse(base).resetsAt).toBe(R3);
  });
});

describe('overage', () => {
  it('is absent when no overage header is sent, and then a rejection is "limit reached"', () => {
    const r = parse({ status: 'rejected', '5h-utilization': '1' });
    expect(r.overage).toBeNull();
    expect(r.notes).toEqual([{ code: 'limit_reached' }]);
  });

  it('is reported from any one of its headers', () => {
    expect(parse({ 'overage-utilization': '0.25' }).overage).toEqual({ status: null, usedPercent: 25, resetsAt: null, disabledReason: null, inUse: false });
    expect(parse({ 'overage-reset': secs(R2) }).overage?.resetsAt).toBe(R2);
    expect(parse({ 'overage-disabled-reason': 'org_spend_cap_reached' }).overage?.disabledReason).toBe('org_spend_cap_reached');
    expect(parse({ 'overage-status': 'allowed' }).overage?.status).toBe('allowed');
  });

  it('is in use only while the plan limit is rejected and overage is allowed', () => {
    const inUse = (status: string, overage: string) => parse({ status, 'overage-status': overage }).overage?.inUse;
    expect(inUse('rejected', 'allowed')).toBe(true);
    expect(inUse('rejected', 'allowed_warning')).toBe(true);
    expect(inUse('rejected', 'rejected')).toBe(false);
    expect(inUse('allowed', 'allowed')).toBe(false);
    expect(inUse('allowed_warning', 'allowed')).toBe(false);
  });
});

describe('headers that are not there', () => {
  it('read as nothing present, allowed, and no windows', () => {
    for (const h of [null, undefined, 'anthropic-ratelimit-unified-status: rejected', { 'anthropic-ratelimit-unified-status': undefined }]) {
      const r = parseAnthropicRateLimitHeaders(h as never, NOW);
      expect(r, String(h)).toMatchObject({ present: false, status: 'allowed', windows: [], notes: [], overage: null });
    }
  });

  it('drop a utilization too large to be a percentage', () => {
    expect(parse({ '5h-utilization': '1e308' }).windows).toEqual([]);
  });

  it('read a status in any case and with spaces, and an unknown one as allowed', () => {
    expect(parse({ status: ' Rejected ' }).status).toBe('rejected');
    expect(parse({ status: 'blocked' }).status).toBe('allowed');
  });
});
