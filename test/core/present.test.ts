import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../core/errors';
import { emptySnapshot, makeWindow } from '../../core/model';
import {
  describeError,
  formatAmount,
  formatDuration,
  formatPercent,
  formatResetsIn,
  planLabel,
  tightestWindow,
  windowAmounts,
  windowFigure,
} from '../../core/present';

describe('words a user reads', () => {
  it('writes durations with their two largest units', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration((3 * 60 + 12) * 60_000)).toBe('3 h 12 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration((2 * 24 + 4) * 3_600_000 + 59 * 60_000)).toBe('2 d 4 h');
  });

  it('says a reset time that has passed is happening now, and an unknown one not at all', () => {
    expect(formatResetsIn(1000, 2000)).toBe('resetting now');
    expect(formatResetsIn(null, 0)).toBeNull();
    expect(formatResetsIn(90 * 60_000, 0)).toBe('resets in 1 h 30 min');
  });

  it('writes money with its sign and currency, and keeps an overdrawn balance negative', () => {
    expect(formatAmount(12.371, 'usd')).toBe('$12.37');
    expect(formatAmount(-0.4, 'usd')).toBe('−$0.40');
    expect(formatAmount(5, 'eur')).toBe('€5.00');
    expect(formatAmount(1200, 'jpy')).toBe('1,200 JPY');
    expect(formatAmount(123.456, 'credits')).toBe('123.46 credits');
  });

  it('keeps a sliver of use visible instead of rounding it to zero', () => {
    expect(formatPercent(0.4)).toBe('0.4 %');
    expect(formatPercent(102.4)).toBe('102 %');
  });

  it('shows % used where there is a cap, and what is left or spent where there is none', () => {
    expect(windowFigure(makeWindow({ id: 's', kind: 'session', label: '5-hour', usedPercent: 37 }))).toBe('37 % used');
    const balance = makeWindow({ id: 'credits', kind: 'credits', label: 'Credits', unit: 'usd', used: 30, limit: 25, remaining: -5 });
    expect(windowFigure(balance)).toBe('−$5.00 left');
    expect(windowAmounts(balance)).toBe('$30.00 of $25.00 · −$5.00 left');
    const spend = makeWindow({ id: 'daily', kind: 'daily', label: 'Today', unit: 'usd', used: 0.88 });
    expect(windowFigure(spend)).toBe('$0.88 spent');
  });

  it('names plans the way the providers market them', () => {
    expect(planLabel('plus')).toBe('Plus');
    expect(planLabel('free_workspace')).toBe('Free workspace');
  });

  it('has a reason for every error kind, and a next step where the user can act', () => {
    const all: ProviderError[] = [
      { kind: 'unauthorized', status: 401, hint: 'codex_login' },
      { kind: 'forbidden', status: 403, reason: 'validation', url: 'https://example.com/verify' },
      { kind: 'rate_limited', retryAfterMs: 60_000 },
      { kind: 'upstream', status: 503 },
      { kind: 'transport', code: 'ECONNREFUSED' },
      { kind: 'timeout', afterMs: 15_000 },
      { kind: 'malformed', detail: 'not JSON' },
      { kind: 'unconfigured', what: 'openrouter key' },
      { kind: 'credentials_invalid', detail: 'auth.json is not JSON' },
      { kind: 'keychain_unavailable', detail: 'no D-Bus' },
      { kind: 'credits_exhausted', message: null },
    ];
    for (const e of all) expect(describeError(e, 'openrouter').reason.length, e.kind).toBeGreaterThan(5);
    expect(describeError(all[0]!, 'codex').action).toBe('Run `codex login` in a terminal, then refresh.');
    expect(describeError({ kind: 'rate_limited', retryAfterMs: 60_000 }).action).toBe('Quotabar will retry in 1 min.');
    expect(describeError(all[9]!, 'openrouter').action).toContain('OPENROUTER_API_KEY');
  });

  it('says in words which service could not be reached, never a bare ENOTFOUND', () => {
    const w = describeError({ kind: 'transport', code: 'ENOTFOUND' }, 'openrouter');
    expect(w.reason).toBe('Could not reach OpenRouter: its address could not be looked up (offline, or DNS is not answering).');
    expect(w.reason).not.toContain('ENOTFOUND');
    expect(describeError({ kind: 'transport', code: 'ECONNREFUSED' }, 'codex').reason).toBe('Could not reach Codex: the connection was refused.');
    // A host on the error (when the adapter adds one) is named instead of the provider.
    const withHost = { kind: 'transport', code: 'ENOTFOUND', host: 'openrouter.ai' } as ProviderError;
    expect(describeError(withHost, 'openrouter').reason).toMatch(/^Could not reach openrouter\.ai: /);
  });

  it('promises a retry only where the poller really retries, not for a one-off key check', () => {
    const kinds: ProviderError[] = [
      { kind: 'transport', code: 'ENOTFOUND' },
      { kind: 'timeout', afterMs: 15_000 },
      { kind: 'upstream', status: 503 },
      { kind: 'rate_limited', retryAfterMs: 60_000 },
      { kind: 'malformed', detail: 'not JSON' },
    ];
    for (const e of kinds) {
      expect(describeError(e, 'openrouter').action, e.kind).toMatch(/Quotabar will retry/);
      expect(describeError(e, 'openrouter', { retrying: false }).action, e.kind).not.toMatch(/retry/i);
    }
    expect(describeError(kinds[0]!, 'openrouter', { retrying: false }).action).toBe('Check the network, then try again.');
  });

  it('picks the tightest window across providers for the tray icon', () => {
    const a = { ...emptySnapshot('codex', 'ok'), windows: [makeWindow({ id: 'weekly', kind: 'weekly', label: 'Weekly', usedPercent: 62 })] };
    const b = {
      ...emptySnapshot('claude', 'ok'),
      windows: [
        makeWindow({ id: 'session', kind: 'session', label: '5-hour', usedPercent: 83 }),
        makeWindow({ id: 'credits', kind: 'credits', label: 'Extra', unit: 'usd', used: 99 }),
      ],
    };
    expect(tightestWindow([a, b])).toMatchObject({ snapshot: { providerId: 'claude' }, window: { id: 'session' } });
    expect(tightestWindow([emptySnapshot('openrouter')])).toBeNull();
  });
});
